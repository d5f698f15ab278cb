package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.khobor.config.SourceConfig;
import app.khobor.config.SourceType;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageParserTest {
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-08-22T20:00:00+06:00[Asia/Dhaka]");

    // Selectors as they go into config/khobor.yaml (Bengali text in selectors written as escapes here).
    private static final SourceConfig SAMAKAL = html("samakal", "https://samakal.com/latest/news",
            "div.DCatLead > a, div.Catcards > a, div.CatListNews > a", "h1, h3 ! span.subHeading", null, "span.publishTime");
    private static final SourceConfig DHAKAPOST = html("dhakapost", "https://www.dhakapost.com/latest-news",
            "div:has(> div > h4:containsOwn(\u09B8\u09B0\u09CD\u09AC\u09B6\u09C7\u09B7)) a[href]:has(h3)", "h3", null, null);
    private static final SourceConfig BANGLANEWS24 = html("banglanews24", "https://www.banglanews24.com/todayall",
            "div.position-relative:has(> a.stretched-link)", "h1, h4, h5, h6", null, null);
    private static final SourceConfig PROTHOMALO = html("prothomalo-latest", "https://www.prothomalo.com/collection/latest",
            "div.serial-stories-tabs:has(h2.active-tab:containsOwn(\u09B8\u09B0\u09CD\u09AC\u09B6\u09C7\u09B7)) "
                    + "h3.headline-title a.title-link",
            "span.tilte-no-link-parent ! span.sub-title", null, null);
    private static final SourceConfig BD_PRATIDIN = html("bd-pratidin", "https://www.bd-pratidin.com/online/todaynews",
            "span.section-title:contains(\u09B8\u09B0\u09CD\u09AC\u09B6\u09C7\u09B7 \u0996\u09AC\u09B0) ~ div.scroll-list div.card",
            "h5.card-title", "a.stretched-link", "p.card-text");

    private final PageParser parser = new PageParser();

    private List<Headline> fixture(SourceConfig source, String path, String pageUrl) {
        return parser.parse(source, Fixtures.read(path), URI.create(pageUrl), NOW);
    }

    private List<Headline> page(SourceConfig source, String html) {
        return parser.parse(source, html, URI.create("https://example.com/news/latest"), NOW);
    }

    @Test
    void samakal_gives_15_headlines_without_their_kickers() {
        List<Headline> items = fixture(SAMAKAL, "samakal/opinion.html", "https://samakal.com/opinion");

        assertThat(items).hasSize(15);
        assertThat(items.get(0).title()).isEqualTo("\u09AA\u09CD\u09B0\u09A7\u09BE\u09A8\u09AE\u09A8\u09CD\u09A4\u09CD"
                + "\u09B0\u09C0\u0995\u09C7 \u09B8\u09CC\u09A6\u09BF \u09B8\u09AB\u09B0\u09C7 "
                + "\u0986\u09AE\u09A8\u09CD\u09A4\u09CD\u09B0\u09A3\u09C7\u09B0 \u09A4\u09BE\u09CE\u09AA\u09B0\u09CD\u09AF");
        assertThat(items.get(0).url()).isEqualTo("https://samakal.com/opinion/article/368956/"
                + "%E0%A6%AA%E0%A7%8D%E0%A6%B0%E0%A6%A7%E0%A6%BE%E0%A6%A8%E0%A6%AE%E0%A6%A8%E0%A7%8D%E0%A6%A4%E0%A7%8D"
                + "%E0%A6%B0%E0%A7%80%E0%A6%95%E0%A7%87-%E0%A6%B8%E0%A7%8C%E0%A6%A6%E0%A6%BF-%E0%A6%B8%E0%A6%AB%E0%A6%B0"
                + "%E0%A7%87-%E0%A6%86%E0%A6%AE%E0%A6%A8%E0%A7%8D%E0%A6%A4%E0%A7%8D%E0%A6%B0%E0%A6%A3%E0%A7%87%E0%A6%B0-"
                + "%E0%A6%A4%E0%A6%BE%E0%A7%8E%E0%A6%AA%E0%A6%B0%E0%A7%8D%E0%A6%AF");
        assertThat(items).extracting(Headline::title).noneMatch(title -> title.contains(" / "));
        assertClean(items);
    }

    @Test
    void dhakapost_gives_the_5_headlines_of_its_latest_widget() {
        List<Headline> items = fixture(DHAKAPOST, "dhakapost/opinion.html", "https://www.dhakapost.com/opinion");

        assertThat(items).hasSize(5);
        assertThat(items.get(0).title()).isEqualTo("\u09AA\u09CD\u09B0\u09A5\u09AE \u09AA\u09CD\u09B0\u09B9\u09B0\u09C7 "
                + "\u099A\u099F\u09CD\u099F\u0997\u09CD\u09B0\u09BE\u09AE\u09C7 \u09AD\u09BE\u09B7\u09BE "
                + "\u09B6\u09B9\u09C0\u09A6\u09A6\u09C7\u09B0 \u09AA\u09CD\u09B0\u09A4\u09BF \u09B6\u09CD\u09B0\u09A6\u09CD\u09A7\u09BE");
        assertThat(items.get(0).url()).isEqualTo("https://www.dhakapost.com/national/432463");
        assertClean(items);
    }

    @Test
    void banglanews24_empty_stretched_anchors_with_relative_hrefs_give_26_absolute_headlines() {
        List<Headline> items = fixture(BANGLANEWS24, "banglanews24/snap-d5ade59/opinion.html",
                "https://www.banglanews24.com/category/opinion");

        assertThat(items).hasSize(26);
        assertThat(items.get(0).title()).isEqualTo("\u0986\u0987\u0993\u098F\u09B8 \u09E8\u09ED "
                + "\u09AA\u09BE\u09AC\u09B2\u09BF\u0995 \u09AC\u09BF\u099F\u09BE\u09AF\u09BC "
                + "\u0985\u09CD\u09AF\u09BE\u09AA\u09B2\u09C7\u09B0 \u09A8\u09A4\u09C1\u09A8 \u09B8\u09BF\u09B0\u09BF "
                + "\u098F\u0986\u0987 \u09B8\u09AC\u09BE\u09B0 \u099C\u09A8\u09CD\u09AF \u0989\u09A8\u09CD\u09AE\u09C1\u0995\u09CD\u09A4");
        assertThat(items.get(0).url()).isEqualTo("https://www.banglanews24.com/information-technology/news/bd/1667324.details");
        assertThat(Fixtures.urls(items)).allMatch(url -> url.startsWith("https://www.banglanews24.com/"));
        assertClean(items);
    }

    @Test
    void banglanews24_cloudflare_challenge_gives_no_headlines() {
        List<Headline> items = fixture(BANGLANEWS24, "banglanews24/cloudflare-challenge-7413780/opinion.html",
                "https://www.banglanews24.com/category/opinion");

        assertThat(items).isEmpty();
    }

    @Test
    void prothomalo_latest_widget_gives_5_headlines_without_their_sub_titles() {
        List<Headline> items = fixture(PROTHOMALO, "prothomalo/opinion.html", "https://www.prothomalo.com/opinion");

        assertThat(items).hasSize(5);
        assertThat(items.get(0).title()).isEqualTo("\u0986\u09AF\u09BC \u0995\u09AE\u099B\u09C7 "
                + "\u09B6\u09CD\u09B0\u09AE\u09BF\u0995\u09C7\u09B0, \u09B8\u0982\u09B8\u09BE\u09B0\u09C7 "
                + "\u099F\u09BE\u09A8\u09BE\u099F\u09BE\u09A8\u09BF");
        assertThat(items.get(0).url()).isEqualTo("https://www.prothomalo.com/bangladesh/yi7x2ga82q");
        assertClean(items);
    }

    @Test
    void bd_pratidin_sidebar_gives_30_headlines_in_each_snapshot_and_6_new_links_between_them() {
        List<Headline> older = fixture(BD_PRATIDIN, "bd-pratidin/snap-9da81d7/opinion.html", "https://www.bd-pratidin.com/editorial");
        List<Headline> newer = fixture(BD_PRATIDIN, "bd-pratidin/snap-749e0d7/opinion.html", "https://www.bd-pratidin.com/editorial");

        assertThat(older).hasSize(30);
        assertThat(newer).hasSize(30);
        assertThat(older.get(0).title()).isEqualTo("\u09AC\u09B0\u09BF\u09B6\u09BE\u09B2\u09C7 "
                + "\u0986\u0997\u09C1\u09A8\u09C7 \u09AA\u09C1\u09A1\u09BC\u09B2 \u09E8 \u09AC\u09B8\u09A4\u0998\u09B0");
        assertThat(older.get(0).url()).isEqualTo("https://www.bd-pratidin.com/country/2026/08/22/1291259");
        assertThat(newer.get(0).title()).isEqualTo("\u09A6\u09C1\u09B0\u09CD\u0997\u09BE\u09AA\u09C1\u09B0\u09C7 "
                + "\u09B6\u09BE\u09B6\u09C1\u09A1\u09BC\u09BF\u0995\u09C7 \u0995\u09C1\u09AA\u09BF\u09AF\u09BC\u09C7 "
                + "\u09B9\u09A4\u09CD\u09AF\u09BE\u09B0 \u0985\u09AD\u09BF\u09AF\u09CB\u0997\u09C7 "
                + "\u099C\u09BE\u09AE\u09BE\u0987 \u0986\u099F\u0995");
        assertThat(newer.get(0).url()).isEqualTo("https://www.bd-pratidin.com/country/2026/08/22/1291274");
        assertThat(Fixtures.newLinks(older, newer)).containsExactly(
                "https://www.bd-pratidin.com/country/2026/08/22/1291274",
                "https://www.bd-pratidin.com/country/2026/08/22/1291273",
                "https://www.bd-pratidin.com/country/2026/08/22/1291272",
                "https://www.bd-pratidin.com/international-news/2026/08/22/1291271",
                "https://www.bd-pratidin.com/chittagong-pratidin/2026/08/22/1291268",
                "https://www.bd-pratidin.com/country/2026/08/22/1291262");
        assertClean(older);
        assertClean(newer);
    }

    @Test
    void title_selector_leaves_out_every_excluded_element_and_keeps_serial_numbers() {
        SourceConfig source = html("s", "https://example.com/", "li", "h3 ! span.kicker, small", null, null);
        String html = "<ul><li><a href='/1'><h3>\u09E7. <span class='kicker'>Kicker /</span> Headline"
                + " <small>(video)</small></h3></a></li></ul>";

        assertThat(page(source, html)).extracting(Headline::title).containsExactly("\u09E7. Headline");
    }

    @Test
    void exclusion_marker_inside_a_css_string_is_part_of_the_selector() {
        SourceConfig source = html("s", "https://example.com/", "a:contains(wow!)", "span", null, null);

        assertThat(page(source, "<a href='/1'>wow! <span>Title</span></a><a href='/2'>no</a>"))
                .extracting(Headline::title).containsExactly("Title");
    }

    @Test
    void empty_anchor_without_title_selector_takes_the_nearest_heading_then_title_attribute_then_image_alt() {
        SourceConfig source = html("s", "https://example.com/", "div.card", null, "a.stretched-link", null);
        String html = "<div class='card'><h5>From heading</h5><a class='stretched-link' href='/1'></a></div>"
                + "<div class='card'><a class='stretched-link' href='/2' title='From title'></a></div>"
                + "<div class='card'><img alt='From alt'><a class='stretched-link' href='/3'></a></div>"
                + "<div class='card'><a class='stretched-link' href='/4'></a></div>";

        assertThat(page(source, html)).extracting(Headline::title).containsExactly("From heading", "From title", "From alt");
    }

    @Test
    void default_link_is_the_item_itself_when_it_is_an_anchor_else_its_first_link() {
        SourceConfig anchors = html("a", "https://example.com/", "a.story", null, null, null);
        SourceConfig blocks = html("b", "https://example.com/", "div.story", null, null, null);

        assertThat(page(anchors, "<a class='story' href='/1'>One</a>")).extracting(Headline::url)
                .containsExactly("https://example.com/1");
        assertThat(page(blocks, "<div class='story'><span>Two</span> <a href='/2'>more</a> <a href='/x'>x</a></div>"))
                .extracting(Headline::url, Headline::title).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "https://example.com/2", "Two more x"));
    }

    @Test
    void links_resolve_against_base_href_and_only_web_links_are_kept_once_each() {
        SourceConfig source = html("s", "https://example.com/", "li a", null, null, null);
        String html = "<head><base href='https://cdn.example.org'></head><ul>"
                + "<li><a href='news/1'>One</a></li><li><a href='javascript:void(0)'>Script</a></li>"
                + "<li><a href='mailto:x@example.com'>Mail</a></li><li><a href=' /news/\u09A2\u09BE\u0995\u09BE '>Two</a></li>"
                + "<li><a href='https://cdn.example.org/news/1'>Again</a></li></ul>";

        assertThat(page(source, html)).extracting(Headline::url, Headline::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://cdn.example.org/news/1", "One"),
                org.assertj.core.groups.Tuple.tuple("https://cdn.example.org/news/%E0%A6%A2%E0%A6%BE%E0%A6%95%E0%A6%BE", "Two"));
    }

    @Test
    void nbsp_and_runs_of_whitespace_in_titles_collapse_to_single_spaces() {
        SourceConfig source = html("s", "https://example.com/", "a", null, null, null);

        assertThat(page(source, "<a href='/1'>\n  One&nbsp;&nbsp;two\u00A0 three  </a>")).extracting(Headline::title)
                .containsExactly("One two three");
    }

    @Test
    void time_prefers_the_datetime_attribute_then_text_then_title_attribute() {
        SourceConfig source = html("s", "https://example.com/", "li", null, null, "time");
        String html = "<ul><li><a href='/1'>a</a><time datetime='2026-08-22T10:00:00+06:00'>2 hours ago</time></li>"
                + "<li><a href='/2'>b</a><time>2026-08-22T09:00:00Z</time></li>"
                + "<li><a href='/3'>c</a><time title='Sat, 22 Aug 2026 08:00:00 +0600'>earlier</time></li>"
                + "<li><a href='/4'>d</a></li></ul>";

        assertThat(page(source, html)).extracting(Headline::publishedAt).containsExactly(
                OffsetDateTime.parse("2026-08-22T10:00:00+06:00"), OffsetDateTime.parse("2026-08-22T09:00:00Z"),
                OffsetDateTime.parse("2026-08-22T08:00:00+06:00"), null);
    }

    @Test
    void anchors_that_point_nowhere_are_not_taken_for_the_article_link() {
        SourceConfig source = html("s", "https://example.com/latest", "div.card", "h3", null, null);
        String html = "<div class='card'><a href='#'>share</a><a href='/news/1'><h3>One</h3></a></div>"
                + "<div class='card'><a href='javascript:void(0)'><h3>Two</h3></a></div>"
                + "<div class='card'><a href=''><h3>Three</h3></a></div>";

        assertThat(page(source, html)).extracting(Headline::url).containsExactly("https://example.com/news/1");
    }

    @Test
    void a_page_where_the_item_selector_matches_nothing_gives_an_empty_list() {
        SourceConfig source = html("s", "https://example.com/", "div.nothing-here", null, null, null);

        assertThat(page(source, "<html><body><p>Just a moment...</p></body></html>")).isEmpty();
    }

    @Test
    void invalid_or_missing_selectors_are_reported_with_the_source_id() {
        assertThatThrownBy(() -> PageParser.checkSelectors(html("samakal", "https://samakal.com/", "div..x", null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source 'samakal': item selector 'div..x'");
        assertThatThrownBy(() -> PageParser.checkSelectors(html("samakal", "https://samakal.com/", "a", "h1 ! ", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source 'samakal': title selector 'h1 ! '");
        assertThatThrownBy(() -> PageParser.checkSelectors(html("x", "https://x.com/", null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source 'x': item selector is required");
    }

    @Test
    void changed_selectors_under_the_same_source_id_are_compiled_again() {
        String html = "<a class='one' href='/1'>One</a><a class='two' href='/2'>Two</a>";

        assertThat(page(html("s", "https://example.com/", "a.one", null, null, null), html)).extracting(Headline::title)
                .containsExactly("One");
        assertThat(page(html("s", "https://example.com/", "a.two", null, null, null), html)).extracting(Headline::title)
                .containsExactly("Two");
    }

    private static void assertClean(List<Headline> items) {
        assertThat(items).allSatisfy(h -> {
            assertThat(h.title()).isNotBlank().doesNotContain("\u00A0", "  ").isEqualTo(h.title().trim());
            URI url = URI.create(h.url());
            assertThat(url.getScheme()).isEqualTo("https");
            assertThat(url.getHost()).isNotBlank();
            assertThat(h.url()).doesNotContain("%25");
        });
        assertThat(Fixtures.urls(items)).doesNotHaveDuplicates();
    }

    private static SourceConfig html(String id, String url, String item, String title, String link, String time) {
        return new SourceConfig(id, id, SourceType.HTML, URI.create(url), item, title, link, time, null, true);
    }
}
