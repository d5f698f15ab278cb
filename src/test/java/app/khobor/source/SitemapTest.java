package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.khobor.config.PollingSettings;
import app.khobor.config.SourceConfig;
import app.khobor.config.SourceType;
import app.khobor.fakes.FakePortal;
import app.khobor.fakes.FixtureFiles;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Google News sitemaps (hand-written in the real format, with real titles: see fixtures/SOURCES.txt). */
class SitemapTest {
    private static final Instant NOW = Instant.parse("2026-08-13T05:00:00Z");
    private static final ZonedDateTime NOW_DHAKA = NOW.atZone(ZoneOffset.ofHours(6));
    private static final URI BASE = URI.create("https://www.jagonews24.com/news-sitemap.xml");

    private final FakePortal portal = new FakePortal();
    private final HttpFetcher fetcher = new HttpFetcher(new PollingSettings(Duration.ofMinutes(2), Duration.ofMinutes(8),
            Duration.ofSeconds(5), PollingSettings.DEFAULT_MAX_BODY, "khobor-test"));
    private final SourceReader reader = new SourceReader(fetcher, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        fetcher.close();
        portal.close();
    }

    private SourceConfig sitemap(String path) {
        return new SourceConfig("jagonews24", "জাগো নিউজ", SourceType.SITEMAP, portal.url(path), null, null, null, null,
                null, true);
    }

    @Test
    void a_news_sitemap_gives_each_entry_with_its_news_title_link_and_publication_date() throws ParseException {
        SitemapParser.Sitemap sitemap = new SitemapParser().parse("jagonews24",
                FixtureFiles.text("sitemaps/news-sitemap.xml"), BASE, NOW_DHAKA);

        assertThat(sitemap.children()).isEmpty();
        assertThat(sitemap.headlines()).hasSize(8); // the plain <url> without news: gives none
        Headline first = sitemap.headlines().get(0);
        assertThat(first.title()).isEqualTo("তাসকিনের বলে উড়ে গেলো ওয়েবস্টারের স্ট্যাম্প");
        assertThat(first.url()).isEqualTo("https://www.jagonews24.com/sports/cricket/1146793");
        assertThat(first.publishedAt()).isEqualTo(OffsetDateTime.parse("2026-08-13T10:44:45+06:00"));
        assertThat(sitemap.headlines()).extracting(Headline::url).doesNotContain("https://www.jagonews24.com/about-us");
    }

    @Test
    void an_index_lists_its_children_and_the_newest_come_first() throws ParseException {
        SitemapParser.Sitemap index = new SitemapParser().parse("jagonews24",
                FixtureFiles.text("sitemaps/sitemap-index.xml"), BASE, NOW_DHAKA);

        assertThat(index.headlines()).isEmpty();
        assertThat(index.children()).hasSize(3);
        assertThat(SitemapParser.newest(index.children(), 2)).extracting(c -> c.url().getPath())
                .containsExactly("/sitemaps/2026-08-13.xml.gz", "/sitemaps/2026-08-12.xml");
    }

    @Test
    void children_without_lastmod_keep_the_index_order_after_dated_ones() {
        List<SitemapParser.Child> children = List.of(
                new SitemapParser.Child(URI.create("https://x.test/a.xml"), null),
                new SitemapParser.Child(URI.create("https://x.test/b.xml"), OffsetDateTime.parse("2026-08-01T00:00:00Z")),
                new SitemapParser.Child(URI.create("https://x.test/c.xml"), null));
        assertThat(SitemapParser.newest(children, 3)).extracting(c -> c.url().getPath())
                .containsExactly("/b.xml", "/a.xml", "/c.xml");
    }

    @Test
    void an_html_page_is_not_a_sitemap() {
        assertThatThrownBy(() -> new SitemapParser().parse("x", "<html><body>hi</body></html>", BASE, NOW_DHAKA))
                .isInstanceOf(ParseException.class).hasMessageContaining("not a sitemap");
    }

    @Test
    void a_sitemap_source_is_read_with_conditional_get_like_a_feed() {
        portal.on("/news-sitemap.xml", exchange -> FakePortal.respond(exchange, 200,
                java.util.Map.of("Content-Type", "application/xml", "ETag", "\"v1\""),
                FixtureFiles.bytes("sitemaps/news-sitemap.xml")));

        ReadOutcome outcome = reader.read(sitemap("/news-sitemap.xml"), Validators.NONE);

        assertThat(outcome).isInstanceOf(ReadOutcome.Read.class);
        ReadOutcome.Read read = (ReadOutcome.Read) outcome;
        assertThat(read.headlines()).hasSize(8);
        assertThat(read.validators().etag()).isEqualTo("\"v1\"");
    }

    @Test
    void an_index_is_followed_to_its_two_newest_children_gzip_or_not() {
        String index = FixtureFiles.text("sitemaps/sitemap-index.xml")
                .replace("https://www.jagonews24.com", portal.url("").toString().replaceAll("/$", ""));
        portal.serve("/sitemap-index.xml", 200, "application/xml", index.getBytes(StandardCharsets.UTF_8))
                .serve("/sitemaps/2026-08-13.xml.gz", 200, "application/x-gzip",
                        FixtureFiles.bytes("sitemaps/2026-08-13.xml.gz"))
                .fixture("/sitemaps/2026-08-12.xml", 200, "application/xml", "sitemaps/2026-08-12.xml")
                .fixture("/sitemaps/2026-08-11.xml", 200, "application/xml", "sitemaps/2026-08-11.xml");

        ReadOutcome outcome = reader.read(sitemap("/sitemap-index.xml"), Validators.NONE);

        assertThat(outcome).isInstanceOf(ReadOutcome.Read.class);
        List<Headline> headlines = ((ReadOutcome.Read) outcome).headlines();
        assertThat(headlines).hasSize(6 + 4);
        assertThat(headlines.get(0).title()).isEqualTo("হঠাৎ ফোনের কভারের পেছনে তেজপাতা রাখছেন কেন সবাই?");
        assertThat(headlines).extracting(Headline::title).contains("রাঙ্গুনিয়ায় যুবলীগ নেতা গ্রেফতার");
        assertThat(portal.requests()).extracting(FakePortal.Request::path).doesNotContain("/sitemaps/2026-08-11.xml");
        assertThat(((ReadOutcome.Read) outcome).validators()).isEqualTo(Validators.NONE);
    }

    @Test
    void a_child_that_fails_fails_the_read_naming_it() {
        String index = FixtureFiles.text("sitemaps/sitemap-index.xml")
                .replace("https://www.jagonews24.com", portal.url("").toString().replaceAll("/$", ""));
        portal.serve("/sitemap-index.xml", 200, "application/xml", index.getBytes(StandardCharsets.UTF_8))
                .serve("/sitemaps/2026-08-13.xml.gz", 500, "text/plain", new byte[0]);

        ReadOutcome outcome = reader.read(sitemap("/sitemap-index.xml"), Validators.NONE);

        assertThat(outcome).isInstanceOf(ReadOutcome.Failed.class);
        assertThat(((ReadOutcome.Failed) outcome).message()).startsWith("child sitemap: ").contains("500");
    }
}
