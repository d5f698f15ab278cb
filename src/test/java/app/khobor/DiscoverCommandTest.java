package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.config.ConfigException;
import app.khobor.config.ConfigLoader;
import app.khobor.config.KhoborConfig;
import app.khobor.config.SourceConfig;
import app.khobor.config.SourceType;
import app.khobor.fakes.FakePortal;
import app.khobor.fakes.FixtureFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * discover on a portal served locally: Samakal's saved page as the home page (with a feed link added to its head, as
 * portals with a feed have) and again as its সর্বশেষ page, Jago News' saved feed, a robots.txt naming the hand-written
 * Google News sitemap.
 */
class DiscoverCommandTest {
    private static final String SAMAKAL = "samakal/opinion.html";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-22T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final FakePortal portal = new FakePortal();

    @AfterEach
    void close() {
        portal.close();
    }

    private record Run(int status, String out, String err) {}

    private Run discover() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new DiscoverCommand(app.khobor.config.PollingSettings.DEFAULTS, CLOCK).run(portal.url("/"), o, e);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void servePortal() {
        servePortal(true);
    }

    private void servePortal(boolean feedWorks) {
        String home = FixtureFiles.text(SAMAKAL).replaceFirst("(?i)<head>",
                "<head><link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"/rss\">");
        portal.serve("/", 200, "text/html; charset=utf-8", home.getBytes(StandardCharsets.UTF_8))
                .fixture("/latest/news", 200, "text/html; charset=utf-8", SAMAKAL)
                .fixture("/news-sitemap.xml", 200, "application/xml", "sitemaps/news-sitemap.xml")
                .serve("/robots.txt", 200, "text/plain", ("User-agent: *\nDisallow: /search\n\nSitemap: "
                        + portal.url("/news-sitemap.xml") + "\n").getBytes(StandardCharsets.UTF_8));
        if (feedWorks) {
            portal.fixture("/rss", 200, "application/rss+xml", "jagonews24/rss-5dcfbf4/jagonews.xml");
        } else {
            portal.serve("/rss", 500, "text/plain", new byte[0]);
        }
    }

    @Test
    void lists_the_feed_the_sitemap_and_the_latest_page_each_with_what_a_read_gives() {
        servePortal();

        Run run = discover();
        System.out.println(run.out()); // what an operator would see, in target/surefire-reports

        assertThat(run.status()).as(run.err()).isEqualTo(ScanCommand.OK);
        assertThat(run.out())
                .contains("type: feed\n    url: " + portal.url("/rss"))
                .contains("type: sitemap\n    url: " + portal.url("/news-sitemap.xml"))
                .contains("type: html\n    url: " + portal.url("/latest/news"))
                .contains("# read: 50 headlines")
                .contains("# read: 8 headlines; first: তাসকিনের বলে উড়ে গেলো ওয়েবস্টারের স্ট্যাম্প")
                .doesNotContain("read failed");
    }

    @Test
    void the_printed_snippet_is_a_configuration_that_loads_and_its_page_selectors_find_headlines()
            throws IOException, ConfigException {
        servePortal();
        Run run = discover();

        Path file = Files.writeString(dir.resolve("khobor.yaml"), run.out(), StandardCharsets.UTF_8);
        KhoborConfig config = ConfigLoader.load(file, Map.of());

        assertThat(config.sources()).extracting(SourceConfig::type)
                .containsExactly(SourceType.FEED, SourceType.SITEMAP, SourceType.HTML);
        String htmlRead = run.out().lines().filter(l -> l.contains("# read: ")).reduce((a, b) -> b).orElseThrow();
        int count = Integer.parseInt(htmlRead.replaceAll(".*# read: (\\d+) headlines.*", "$1"));
        assertThat(count).as(htmlRead).isGreaterThanOrEqualTo(10);
        // the article list, not the section menu above it
        assertThat(htmlRead).contains("সংসদে বিল নিয়ে আলোচনায় অনাগ্রহ কেন");
        assertThat(run.out()).contains("item: \"div > div.CatListNews\"\n    title: \"h3\"\n    link: \"a\"");
    }

    @Test
    void a_candidate_that_cannot_be_read_gives_exit_status_3_and_names_it() {
        servePortal(false);

        Run run = discover();

        assertThat(run.status()).isEqualTo(ScanCommand.SOME_FAILED);
        assertThat(run.out()).contains("# read failed: ");
        assertThat(run.err()).contains("500");
    }

    @Test
    void discover_without_an_address_is_a_usage_error() {
        CliRun run = CliRun.of("discover");
        assertThat(run.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("discover needs the portal's address");
        assertThat(CliRun.of("discover", "ftp://x.example/").status()).isEqualTo(Main.EXIT_USAGE);
    }
}
