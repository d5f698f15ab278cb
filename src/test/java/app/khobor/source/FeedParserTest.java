package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-08-13T11:00:00+06:00[Asia/Dhaka]");
    private static final URI PROTHOMALO = URI.create("https://www.prothomalo.com/feed/");
    private static final URI JAGONEWS = URI.create("https://www.jagonews24.com/rss/rss.xml");

    private final FeedParser parser = new FeedParser();

    private List<Headline> fixture(String sourceId, String path, URI url) throws ParseException {
        return parser.parse(sourceId, Fixtures.read(path), url, NOW);
    }

    private List<Headline> feed(String xml) throws ParseException {
        return parser.parse("test", xml, URI.create("https://example.com/feed/"), NOW);
    }

    @Test
    void prothomalo_earlier_snapshot_gives_44_headlines_with_first_title_link_and_date() throws Exception {
        List<Headline> items = fixture("prothomalo", "prothomalo/rss-5dcfbf4/prothomalo.xml", PROTHOMALO);

        assertThat(items).hasSize(44);
        Headline first = items.get(0);
        assertThat(first.sourceId()).isEqualTo("prothomalo");
        assertThat(first.title()).isEqualTo("\u098F\u0995 \u09AA\u09CD\u09B0\u099C\u09A8\u09CD\u09AE \u09AA\u09B0 "
                + "\u09A8\u09BE\u099F\u0995\u09C0\u09AF\u09BC \u09B8\u09C2\u09B0\u09CD\u09AF\u0997\u09CD\u09B0\u09B9\u09A3 "
                + "\u09A6\u09C7\u0996\u09B2 \u0995\u09CB\u099F\u09BF \u0995\u09CB\u099F\u09BF \u09AE\u09BE\u09A8\u09C1\u09B7, "
                + "\u0986\u09AC\u09BE\u09B0 \u0995\u09AC\u09C7 \u09A6\u09C7\u0996\u09BE \u09AF\u09BE\u09AC\u09C7 \u098F\u09AE\u09A8 "
                + "\u09AE\u09B9\u09BE\u099C\u09BE\u0997\u09A4\u09BF\u0995 \u09A6\u09C3\u09B6\u09CD\u09AF");
        assertThat(first.url()).isEqualTo("https://www.prothomalo.com/world/europe/ftvbv1u63b");
        // pubDate wins over atom:updated (2026-08-13T04:08:01.848Z)
        assertThat(first.publishedAt()).isEqualTo(OffsetDateTime.parse("2026-08-13T04:08:01Z"));
    }

    @Test
    void prothomalo_later_snapshot_gives_49_headlines_with_first_title_link_and_date() throws Exception {
        List<Headline> items = fixture("prothomalo", "prothomalo/rss-3fa4716/prothomalo.xml", PROTHOMALO);

        assertThat(items).hasSize(49);
        assertThat(items.get(0).title()).isEqualTo("\u098F\u09AC\u09BE\u09B0 "
                + "\u0993\u09AF\u09BC\u09C7\u09AC\u09B8\u09CD\u099F\u09BE\u09B0\u0995\u09C7 \u09AC\u09CB\u09B2\u09CD\u09A1 "
                + "\u0995\u09B0\u09B2\u09C7\u09A8 \u09A4\u09BE\u09B8\u0995\u09BF\u09A8, "
                + "\u0985\u09B8\u09CD\u099F\u09CD\u09B0\u09C7\u09B2\u09BF\u09AF\u09BC\u09BE\u09AF\u09BC "
                + "\u09AC\u09BE\u0982\u09B2\u09BE\u09A6\u09C7\u09B6\u09C7\u09B0 \u09A6\u09BE\u09AA\u099F");
        assertThat(items.get(0).url()).isEqualTo("https://www.prothomalo.com/sports/cricket/8fdqj2xuxp");
        // Ordered by update time: the first item was published long before it was updated.
        assertThat(items.get(0).publishedAt()).isEqualTo(OffsetDateTime.parse("2026-08-12T23:55:13Z"));
    }

    @Test
    void an_items_description_is_read_as_text_for_story_matching_and_a_missing_one_is_null() throws Exception {
        List<Headline> items = fixture("prothomalo", "prothomalo/rss-5dcfbf4/prothomalo.xml", PROTHOMALO);

        assertThat(items).anySatisfy(h -> assertThat(h.summary()).isNotBlank().doesNotContain("<", "&amp;"));
        assertThat(items).allSatisfy(h -> assertThat(h.summary() == null || h.summary().length() <= Headline.SUMMARY_LIMIT).isTrue());
        assertThat(new Headline("s", "t", "https://x.test/", null, null, "  ").summary()).isNull();
    }

    @Test
    void prothomalo_snapshots_differ_by_exactly_5_new_links() throws Exception {
        List<Headline> older = fixture("prothomalo", "prothomalo/rss-5dcfbf4/prothomalo.xml", PROTHOMALO);
        List<Headline> newer = fixture("prothomalo", "prothomalo/rss-3fa4716/prothomalo.xml", PROTHOMALO);

        assertThat(Fixtures.newLinks(older, newer)).hasSize(5);
    }

    @Test
    void prothomalo_apos_entities_in_a_plain_title_become_apostrophes() throws Exception {
        List<Headline> items = fixture("prothomalo", "prothomalo/rss-5dcfbf4/prothomalo.xml", PROTHOMALO);

        // The feed links this one to a sister site: kept, it is what the publisher published.
        assertThat(items).filteredOn(h -> h.url().equals("https://www.haal.fashion/celeb/look/trln41qbhm"))
                .extracting(Headline::title)
                .containsExactly("'\u0987\u09A8\u09CB\u09B8\u09C7\u09A8\u09CD\u099F' \u0995\u09BF\u09AF\u09BC\u09BE\u09B0\u09BE "
                        + "\u09AF\u0996\u09A8 '\u099F\u0995\u09CD\u09B8\u09BF\u0995' \u09A8\u09BE\u09A6\u09BF\u09AF\u09BC\u09BE "
                        + "(\u099B\u09AC\u09BF \u0993 \u09AD\u09BF\u09A1\u09BF\u0993)");
    }

    @Test
    void jagonews_earlier_snapshot_gives_50_headlines_with_first_title_link_and_date() throws Exception {
        List<Headline> items = fixture("jagonews24", "jagonews24/rss-5dcfbf4/jagonews.xml", JAGONEWS);

        assertThat(items).hasSize(50);
        assertThat(items.get(0).title()).isEqualTo("\u09AD\u09B0\u09BF\u09A4\u09C7 \u09B8\u09CB\u09A8\u09BE\u09B0 "
                + "\u0997\u09B9\u09A8\u09BE\u09B0 \u09A6\u09BE\u09AE \u09AC\u09BE\u09A1\u09BC\u09B2\u09CB "
                + "\u09E7\u09EC\u09E9\u09E9 \u099F\u09BE\u0995\u09BE");
        assertThat(items.get(0).url()).isEqualTo("https://www.jagonews24.com/economy/news/1146782");
        assertThat(items.get(0).publishedAt()).isEqualTo(OffsetDateTime.parse("2026-08-13T10:10:15+06:00"));
    }

    @Test
    void jagonews_later_snapshot_gives_50_headlines_with_first_title_link_and_date() throws Exception {
        List<Headline> items = fixture("jagonews24", "jagonews24/rss-3fa4716/jagonews.xml", JAGONEWS);

        assertThat(items).hasSize(50);
        assertThat(items.get(0).title()).isEqualTo("\u09A4\u09BE\u09B8\u0995\u09BF\u09A8\u09C7\u09B0 \u09AC\u09B2\u09C7 "
                + "\u0989\u09A1\u09BC\u09C7 \u0997\u09C7\u09B2\u09CB "
                + "\u0993\u09AF\u09BC\u09C7\u09AC\u09B8\u09CD\u099F\u09BE\u09B0\u09C7\u09B0 "
                + "\u09B8\u09CD\u099F\u09CD\u09AF\u09BE\u09AE\u09CD\u09AA");
        assertThat(items.get(0).url()).isEqualTo("https://www.jagonews24.com/sports/cricket/1146793");
        assertThat(items.get(0).publishedAt()).isEqualTo(OffsetDateTime.parse("2026-08-13T10:44:45+06:00"));
    }

    @Test
    void jagonews_snapshots_differ_by_exactly_11_new_links() throws Exception {
        List<Headline> older = fixture("jagonews24", "jagonews24/rss-5dcfbf4/jagonews.xml", JAGONEWS);
        List<Headline> newer = fixture("jagonews24", "jagonews24/rss-3fa4716/jagonews.xml", JAGONEWS);

        assertThat(Fixtures.newLinks(older, newer)).hasSize(11);
    }

    @Test
    void ittefaq_gives_100_headlines_from_cdata_titles_with_percent_encoded_slugs_kept_as_published() throws Exception {
        List<Headline> items = fixture("ittefaq", "ittefaq/ittefaq.xml", URI.create("https://www.ittefaq.com.bd/feed/"));

        assertThat(items).hasSize(100);
        assertThat(items.get(0).title()).isEqualTo("\u099D\u09BF\u09A8\u09BE\u0987\u09A6\u09B9\u09C7 "
                + "\u0986\u09A7\u09BF\u09AA\u09A4\u09CD\u09AF \u09AC\u09BF\u09B8\u09CD\u09A4\u09BE\u09B0 "
                + "\u09A8\u09BF\u09AF\u09BC\u09C7 \u09A6\u09C1\u0987 \u09AA\u0995\u09CD\u09B7\u09C7\u09B0 "
                + "\u09B8\u0982\u0998\u09B0\u09CD\u09B7, \u0986\u09B9\u09A4 \u09E7\u09E6");
        assertThat(items.get(0).url()).isEqualTo("https://www.ittefaq.com.bd/803887/"
                + "%E0%A6%9D%E0%A6%BF%E0%A6%A8%E0%A6%BE%E0%A6%87%E0%A6%A6%E0%A6%B9%E0%A7%87-"
                + "%E0%A6%86%E0%A6%A7%E0%A6%BF%E0%A6%AA%E0%A6%A4%E0%A7%8D%E0%A6%AF-"
                + "%E0%A6%AC%E0%A6%BF%E0%A6%B8%E0%A7%8D%E0%A6%A4%E0%A6%BE%E0%A6%B0-"
                + "%E0%A6%A8%E0%A6%BF%E0%A7%9F%E0%A7%87-%E0%A6%A6%E0%A7%81%E0%A6%87-"
                + "%E0%A6%AA%E0%A6%95%E0%A7%8D%E0%A6%B7%E0%A7%87%E0%A6%B0-"
                + "%E0%A6%B8%E0%A6%82%E0%A6%98%E0%A6%B0%E0%A7%8D%E0%A6%B7");
        assertThat(items.get(0).publishedAt()).isEqualTo(OffsetDateTime.parse("2026-08-13T15:12:13+06:00"));
        assertThat(Fixtures.urls(items)).noneMatch(url -> url.contains("%25"));
    }

    @Test
    void banglatribune_gives_100_headlines_although_the_text_starts_with_a_bom() throws Exception {
        String xml = Fixtures.read("banglatribune/banglatribune.xml");
        assertThat(xml).startsWith("\uFEFF");

        List<Headline> items = parser.parse("banglatribune", xml, URI.create("https://www.banglatribune.com/feed/"), NOW);

        assertThat(items).hasSize(100);
        assertThat(items.get(0).title()).isEqualTo("\u09AA\u09CD\u09B2\u09BE\u09B8\u09CD\u099F\u09BF\u0995\u09C7\u09B0 "
                + "\u09AC\u09BF\u0995\u09B2\u09CD\u09AA \u0996\u09C1\u0981\u099C\u099B\u09C7 \u09AC\u09BF\u09B6\u09CD\u09AC, "
                + "\u09A4\u09C8\u09B0\u09BF \u09B9\u099A\u09CD\u099B\u09C7 \u09A8\u09A4\u09C1\u09A8 "
                + "\u0995\u09CD\u09AF\u09BE\u09B0\u09BF\u09AF\u09BC\u09BE\u09B0 "
                + "\u2018\u0987\u0995\u09CB-\u09AA\u09CD\u09AF\u09BE\u0995\u09C7\u099C\u09BF\u0982 "
                + "\u09A1\u09BF\u099C\u09BE\u0987\u09A8\u09BE\u09B0\u2019");
        assertThat(items.get(0).url()).isEqualTo("https://www.banglatribune.com/jobs/962434/"
                + "%E0%A6%AA%E0%A7%8D%E0%A6%B2%E0%A6%BE%E0%A6%B8%E0%A7%8D%E0%A6%9F%E0%A6%BF%E0%A6%95%E0%A7%87%E0%A6%B0-"
                + "%E0%A6%AC%E0%A6%BF%E0%A6%95%E0%A6%B2%E0%A7%8D%E0%A6%AA-%E0%A6%96%E0%A7%81%E0%A6%81%E0%A6%9C%E0%A6%9B%E0%A7%87-"
                + "%E0%A6%AC%E0%A6%BF%E0%A6%B6%E0%A7%8D%E0%A6%AC-%E0%A6%A4%E0%A7%88%E0%A6%B0%E0%A6%BF-"
                + "%E0%A6%B9%E0%A6%9A%E0%A7%8D%E0%A6%9B%E0%A7%87-%E0%A6%A8%E0%A6%A4%E0%A7%81%E0%A6%A8");
        assertThat(items.get(0).publishedAt()).isEqualTo(OffsetDateTime.parse("2026-08-13T10:20:00+06:00"));
    }

    @Test
    void every_fixture_feed_gives_clean_titles_and_valid_absolute_https_links() throws Exception {
        for (String path : List.of("prothomalo/rss-5dcfbf4/prothomalo.xml", "prothomalo/rss-3fa4716/prothomalo.xml",
                "jagonews24/rss-5dcfbf4/jagonews.xml", "jagonews24/rss-3fa4716/jagonews.xml",
                "ittefaq/ittefaq.xml", "banglatribune/banglatribune.xml")) {
            List<Headline> items = fixture("any", path, PROTHOMALO);

            assertThat(items).as(path).allSatisfy(h -> {
                assertThat(h.title()).isNotBlank().doesNotContain("<", "&lt;", "&amp;", "\u00A0", "  ").isEqualTo(h.title().trim());
                assertThat(URI.create(h.url()).getScheme()).isEqualTo("https");
                assertThat(h.publishedAt()).isNotNull();
            });
            assertThat(Fixtures.urls(items)).as(path).doesNotHaveDuplicates();
        }
    }

    @Test
    void an_html_page_is_not_a_feed() {
        String html = Fixtures.read("samakal/opinion.html");

        assertThatThrownBy(() -> parser.parse("samakal", html, URI.create("https://samakal.com/rss"), NOW))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("not a feed: no <rss>, <rdf:RDF> or <feed> root");
    }

    @Test
    void a_cloudflare_challenge_is_not_a_feed() {
        String html = Fixtures.read("banglanews24/cloudflare-challenge-7413780/opinion.html");

        assertThatThrownBy(() -> feed(html)).isInstanceOf(ParseException.class);
    }

    @Test
    void atom_links_resolve_against_nested_xml_base_and_rfc822_updated_dates_are_read() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/bn/">
                  <title>Example</title>
                  <link rel="self" href="/atom.xml"/>
                  <entry>
                    <title type="html">&lt;b&gt;First&lt;/b&gt; story</title>
                    <link rel="enclosure" href="/media/1.mp3"/>
                    <link rel="alternate" type="text/html" href="stories/1"/>
                    <updated>Thu, 13 Aug 2026 10:20:00 +0600</updated>
                  </entry>
                  <entry xml:base="/archive/">
                    <title>Second</title>
                    <link href=" 2 "/>
                    <published>2026-08-13T04:00:00Z</published>
                    <updated>2026-08-13T05:00:00Z</updated>
                  </entry>
                  <entry>
                    <title>No link</title>
                  </entry>
                </feed>
                """;

        List<Headline> items = feed(atom);

        assertThat(items).extracting(Headline::title).containsExactly("First story", "Second");
        assertThat(items).extracting(Headline::url)
                .containsExactly("https://news.example.org/bn/stories/1", "https://news.example.org/archive/2");
        assertThat(items.get(0).publishedAt()).isEqualTo(OffsetDateTime.parse("2026-08-13T10:20:00+06:00"));
        assertThat(items.get(1).publishedAt()).isEqualTo(OffsetDateTime.parse("2026-08-13T04:00:00Z"));
    }

    @Test
    void rss_1_items_outside_the_channel_are_read_with_dc_dates() throws Exception {
        String rdf = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://example.com/"><title>Example</title><link>https://example.com/</link></channel>
                  <item rdf:about="https://example.com/a"><title>A</title><link>https://example.com/a</link>
                    <dc:date>2026-08-13T10:00:00+06:00</dc:date></item>
                  <item rdf:about="https://example.com/b"><title>B</title><link>https://example.com/b</link></item>
                </rdf:RDF>
                """;

        List<Headline> items = feed(rdf);

        assertThat(items).extracting(Headline::url).containsExactly("https://example.com/a", "https://example.com/b");
        assertThat(items.get(0).publishedAt()).isEqualTo(OffsetDateTime.parse("2026-08-13T10:00:00+06:00"));
        assertThat(items.get(1).publishedAt()).isNull();
    }

    @Test
    void entities_inside_cdata_are_decoded_exactly_once_and_tags_stripped() throws Exception {
        String rss = rss("<item><title><![CDATA[ &lsquo;\u09A2\u09BE\u0995\u09BE&rsquo; <b>AT&amp;amp;T</b> ]]></title>"
                + "<link>https://example.com/1</link></item>");

        assertThat(feed(rss)).extracting(Headline::title).containsExactly("\u2018\u09A2\u09BE\u0995\u09BE\u2019 AT&amp;T");
    }

    @Test
    void an_escaped_ampersand_in_a_title_becomes_one_ampersand() throws Exception {
        String rss = rss("<item><title>Tom &amp; Jerry &amp;amp; co</title><link>https://example.com/1</link></item>"
                + "<item><title><![CDATA[Tom &amp; Jerry]]></title><link>https://example.com/2</link></item>");

        assertThat(feed(rss)).extracting(Headline::title).containsExactly("Tom & Jerry &amp; co", "Tom & Jerry");
    }

    @Test
    void rss_link_falls_back_to_a_permalink_guid_then_to_atom_link() throws Exception {
        String rss = rss("<item><title>guid</title><guid>https://example.com/guid</guid></item>"
                + "<item><title>not a permalink</title><guid isPermaLink=\"false\">https://example.com/x</guid>"
                + "<atom:link rel=\"alternate\" href=\"https://example.com/atom\"/></item>"
                + "<item><title>uuid guid only</title><guid>2134aa76-3b44-42f7-a720-d0fa9d2bf1e9</guid></item>");

        assertThat(feed(rss)).extracting(Headline::url).containsExactly("https://example.com/guid", "https://example.com/atom");
    }

    @Test
    void rss_date_falls_back_from_pubdate_to_dc_date_to_atom_updated() throws Exception {
        String rss = rss("<item><title>a</title><link>https://example.com/a</link><pubDate>bogus</pubDate>"
                + "<dc:date>2026-08-13T01:00:00Z</dc:date></item>"
                + "<item><title>b</title><link>https://example.com/b</link><atom:updated>2026-08-13T02:00:00Z</atom:updated></item>");

        assertThat(feed(rss)).extracting(Headline::publishedAt).containsExactly(
                OffsetDateTime.parse("2026-08-13T01:00:00Z"), OffsetDateTime.parse("2026-08-13T02:00:00Z"));
    }

    @Test
    void relative_raw_bengali_and_spaced_links_become_valid_absolute_uris_against_xml_base() throws Exception {
        String rss = "<rss version=\"2.0\" xml:base=\"https://www.jagonews24.com/\"><channel>"
                + "<item><title>a</title><link>\n   national/news/1 \n</link></item>"
                + "<item><title>b</title><link>https://example.com/\u09A2\u09BE\u0995\u09BE news?q=a b</link></item>"
                + "<item><title>c</title><link>https://example.com/%E0%A6%A2 x</link></item>"
                + "</channel></rss>";

        assertThat(feed(rss)).extracting(Headline::url).containsExactly(
                "https://www.jagonews24.com/national/news/1",
                "https://example.com/%E0%A6%A2%E0%A6%BE%E0%A6%95%E0%A6%BE%20news?q=a%20b",
                "https://example.com/%E0%A6%A2%20x");
    }

    @Test
    void items_without_title_or_web_link_are_skipped_and_repeated_links_keep_the_first() throws Exception {
        String rss = rss("<item><title>first</title><link>https://example.com/1</link></item>"
                + "<item><title> </title><link>https://example.com/2</link></item>"
                + "<item><title>mail</title><link>mailto:desk@example.com</link></item>"
                + "<item><title>script</title><link>javascript:void(0)</link></item>"
                + "<item><title>again</title><link>https://example.com/1</link></item>"
                + "<item><title>second</title><link>http://example.com/3</link></item>");

        assertThat(feed(rss)).extracting(Headline::title).containsExactly("first", "second");
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>t</title><link>https://example.com/</link>"
                + items + "</channel></rss>";
    }
}
