package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.fakes.FakePortal;
import app.khobor.fakes.FixtureFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code khobor scan}: the dry run an operator uses to check sources, against portals on 127.0.0.1. */
class ScanCommandTest {
    private static final String JAGONEWS = "jagonews24/rss-5dcfbf4/jagonews.xml";
    private static final String BD_PRATIDIN = "bd-pratidin/snap-9da81d7/opinion.html";
    private static final String CHALLENGE = "banglanews24/cloudflare-challenge-7413780/opinion.html";
    private static final String XML = "application/rss+xml; charset=UTF-8";
    private static final String HTML = "text/html; charset=UTF-8";
    private static final Pattern ITEM_LINK = Pattern.compile("<item>.*?<link>(.*?)</link>", Pattern.DOTALL);
    /** Ampersands in a plain title and in CDATA; the first item has no date at all. */
    private static final String SMALL_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>t</title><link>https://example.com/</link>
            <item><title>বাজার &amp; দাম</title><link>https://example.com/news/1</link></item>
            <item><title><![CDATA[খেলা & বিনোদন]]></title><link>https://example.com/news/2</link>
              <pubDate>Thu, 13 Aug 2026 10:10:15 +0600</pubDate></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;
    private final FakePortal sites = new FakePortal();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopSites() {
        sites.close();
    }

    private Path config(String sources) {
        String yaml = "storage:\n  url: jdbc:sqlite:" + dir.resolve("data/khobor.db") + "\n"
                + "polling:\n  timeout: 5s\n"
                + "sources:\n" + sources.indent(2);
        try {
            return Files.writeString(dir.resolve("khobor.yaml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String feed(String id, String path) {
        return "- {id: " + id + ", type: feed, url: '" + sites.url(path) + "'}\n";
    }

    private String bdPratidin(String path) {
        return """
                - id: bd-pratidin
                  type: html
                  url: '%s'
                  item: "span.section-title:contains(সর্বশেষ খবর) ~ div.scroll-list div.card"
                  title: "h5.card-title"
                  link: "a.stretched-link"
                  time: "p.card-text"
                """.formatted(sites.url(path));
    }

    private CliRun scan(Path config) {
        return CliRun.of(Map.of(), "scan", "--config", config.toString());
    }

    private List<JsonNode> parse(List<String> lines) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            try {
                nodes.add(json.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        return nodes;
    }

    private static List<String> field(List<JsonNode> nodes, String source, String name) {
        return nodes.stream().filter(n -> n.get("source").asText().equals(source)).map(n -> n.get(name).asText()).toList();
    }

    private static List<String> itemLinks(String fixture) {
        Matcher m = ITEM_LINK.matcher(FixtureFiles.text(fixture));
        List<String> links = new ArrayList<>();
        while (m.find()) {
            links.add(m.group(1).strip());
        }
        return links;
    }

    @Test
    void scan_prints_one_json_object_per_headline_with_exactly_four_fields_in_page_order_and_exits_0() {
        sites.fixture("/rss/rss.xml", 200, XML, JAGONEWS).fixture("/online/todaynews", 200, HTML, BD_PRATIDIN);

        CliRun run = scan(config(feed("jagonews24", "/rss/rss.xml") + bdPratidin("/online/todaynews")));

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        List<JsonNode> lines = parse(run.outLines());
        assertThat(lines).hasSize(80).allSatisfy(node -> assertThat(node.fieldNames())
                .toIterable().containsExactly("source", "title", "url", "publishedAt"));
        assertThat(lines).extracting(n -> n.get("source").asText()).containsSubsequence("jagonews24", "bd-pratidin");
        assertThat(field(lines, "jagonews24", "url")).containsExactlyElementsOf(itemLinks(JAGONEWS));
        List<String> pratidin = field(lines, "bd-pratidin", "url");
        assertThat(pratidin).hasSize(30);
        assertThat(pratidin.get(0)).isEqualTo("https://www.bd-pratidin.com/country/2026/08/22/1291259");
        assertThat(lines.get(0).get("title").asText()).isEqualTo("ভরিতে সোনার গহনার দাম বাড়লো ১৬৩৩ টাকা");
        assertThat(lines.get(0).get("publishedAt").asText()).isEqualTo("2026-08-13T10:10:15+06:00");
    }

    @Test
    void scan_stories_prints_one_json_line_per_story_and_merges_one_event_across_portals() {
        sites.fixture("/jago.xml", 200, XML, JAGONEWS).fixture("/ittefaq.xml", 200, XML, "ittefaq/ittefaq.xml")
                .fixture("/tribune.xml", 200, XML, "banglatribune/banglatribune.xml");

        CliRun run = CliRun.of(Map.of(), "scan", "--stories", "--config", config(feed("jagonews24", "/jago.xml")
                + feed("ittefaq", "/ittefaq.xml") + feed("banglatribune", "/tribune.xml")).toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        List<JsonNode> stories = parse(run.outLines());
        assertThat(stories).allSatisfy(node -> assertThat(node.fieldNames()).toIterable()
                .containsExactly("story", "size", "sources", "headlines"));
        assertThat(stories.stream().mapToInt(n -> n.get("size").asInt()).sum()).isEqualTo(250);
        assertThat(stories).allSatisfy(n -> assertThat(n.get("headlines")).hasSize(n.get("size").asInt()));
        // Karoline Leavitt leaving the White House, in the words of three portals, is one story
        JsonNode leavitt = stories.stream().filter(n -> n.get("headlines").toString().contains("\u09B2\u09C7\u09AD\u09BF\u099F"))
                .max(java.util.Comparator.comparingInt(n -> n.get("size").asInt())).orElseThrow();
        assertThat(leavitt.get("sources")).extracting(JsonNode::asText).contains("jagonews24", "ittefaq");
        assertThat(leavitt.get("headlines").get(0).get("url").asText()).startsWith("https://");
        // stories of several headlines come first
        assertThat(stories.get(0).get("size").asInt()).isGreaterThan(1);
        assertThat(stories.get(stories.size() - 1).get("size").asInt()).isEqualTo(1);
    }

    @Test
    void published_at_is_iso_8601_with_an_offset_or_null_and_ampersands_stay_intact() {
        sites.serve("/small.xml", 200, XML, SMALL_FEED.getBytes(StandardCharsets.UTF_8))
                .fixture("/rss/rss.xml", 200, XML, JAGONEWS).fixture("/online/todaynews", 200, HTML, BD_PRATIDIN);

        CliRun run = scan(config(feed("small", "/small.xml") + feed("jagonews24", "/rss/rss.xml")
                + bdPratidin("/online/todaynews")));

        List<JsonNode> lines = parse(run.outLines());
        assertThat(lines.subList(0, 2)).extracting(n -> n.get("title").asText()).containsExactly("বাজার & দাম", "খেলা & বিনোদন");
        assertThat(lines.get(0).get("publishedAt").isNull()).isTrue();
        assertThat(lines.get(1).get("publishedAt").asText()).isEqualTo("2026-08-13T10:10:15+06:00");
        assertThat(run.out()).doesNotContain("&amp;");
        assertThat(lines).allSatisfy(node -> {
            JsonNode at = node.get("publishedAt");
            if (!at.isNull()) {
                assertThat(at.isTextual()).isTrue();
                assertThat(OffsetDateTime.parse(at.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)).isNotNull();
            }
        });
    }

    @Test
    void failed_sources_get_one_stderr_line_each_while_the_others_still_print_and_the_exit_status_is_3() {
        sites.fixture("/rss/rss.xml", 200, XML, JAGONEWS)
                .fixture("/opinion", 403, HTML, CHALLENGE)
                .serve("/broken.xml", 500, "text/plain", "Internal Server Error".getBytes(StandardCharsets.UTF_8))
                .fixture("/online/todaynews", 200, HTML, BD_PRATIDIN);
        String blocked = "- {id: banglanews24, type: html, url: '" + sites.url("/opinion")
                + "', item: 'div.position-relative:has(> a.stretched-link)', title: 'h1, h4, h5, h6'}\n";

        CliRun run = scan(config(feed("jagonews24", "/rss/rss.xml") + blocked + feed("broken", "/broken.xml")
                + bdPratidin("/online/todaynews")));

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.errLines()).containsExactly(
                "source 'banglanews24': blocked by a Cloudflare challenge (HTTP 403)",
                "source 'broken': HTTP 500 from " + sites.url("/broken.xml"));
        List<JsonNode> lines = parse(run.outLines());
        assertThat(field(lines, "jagonews24", "url")).hasSize(50);
        assertThat(field(lines, "bd-pratidin", "url")).hasSize(30);
        assertThat(lines).hasSize(80);
    }

    @Test
    void a_page_whose_item_selector_matches_nothing_is_a_failed_source() {
        sites.fixture("/online/todaynews", 200, HTML, "samakal/opinion.html");

        CliRun run = scan(config(bdPratidin("/online/todaynews")));

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("source 'bd-pratidin': selector 'item' matched nothing");
    }

    @Test
    void an_unreachable_source_is_a_failed_source_named_on_stderr() {
        sites.fixture("/rss/rss.xml", 200, XML, JAGONEWS);
        String closed = "- {id: gone, type: feed, url: 'http://127.0.0.1:1/feed'}\n";

        CliRun run = scan(config(closed + feed("jagonews24", "/rss/rss.xml")));

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString().startsWith("source 'gone': cannot connect to 127.0.0.1:1");
        assertThat(run.outLines()).hasSize(50);
    }

    @Test
    void disabled_sources_are_not_read() {
        sites.fixture("/rss/rss.xml", 200, XML, JAGONEWS);
        String disabled = "- {id: off, type: feed, url: 'http://127.0.0.1:1/feed', enabled: false}\n";

        CliRun run = scan(config(disabled + feed("jagonews24", "/rss/rss.xml")));

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(50);
    }

    @Test
    void scan_needs_no_token_and_creates_no_database_file_or_data_folder() {
        sites.fixture("/rss/rss.xml", 200, XML, JAGONEWS);
        boolean dataFolderBefore = Files.exists(Path.of("data"));

        CliRun run = CliRun.of(Map.of("KHOBOR_DB_URL", "jdbc:sqlite:" + dir.resolve("env-data/khobor.db")),
                "scan", "--config", config(feed("jagonews24", "/rss/rss.xml")).toString());

        assertThat(run.status()).isZero();
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("env-data")).doesNotExist();
        assertThat(Files.exists(Path.of("data"))).isEqualTo(dataFolderBefore);
    }
}
