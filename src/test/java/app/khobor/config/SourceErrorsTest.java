package app.khobor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each mistake in a source gives one message naming the file, the source and the key. */
class SourceErrorsTest {
    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void an_unknown_key_names_the_source_and_lists_the_known_keys() {
        String message = files.errorOfSource("- {id: samakal, type: html, url: https://samakal.com/, selector: div.x}");

        assertThat(message).startsWith(dir.resolve("config.yaml") + ": ")
                .contains("source 'samakal': unknown key 'selector'")
                .contains("(known: id, name, type, url, item, title, link, time, interval, enabled)");
    }

    @Test
    void a_missing_url_names_the_source() {
        assertThat(files.errorOfSource("- {id: samakal, type: feed}")).contains("source 'samakal': missing 'url'");
    }

    @Test
    void an_empty_url_counts_as_missing() {
        assertThat(files.errorOfSource("- {id: samakal, type: feed, url: ''}")).contains("source 'samakal': missing 'url'");
    }

    @Test
    void a_missing_id_names_the_position_of_the_source() {
        assertThat(files.errorOfSource("- {name: x, type: feed, url: https://x.example/}"))
                .contains("source #2: missing 'id'");
    }

    @Test
    void an_id_with_capitals_or_spaces_is_refused() {
        assertThat(files.errorOfSource("- {id: Samakal News, type: feed, url: https://x.example/}"))
                .contains("source #2: id 'Samakal News' must be 1 to 32 lower-case letters, digits, '-' or '_'");
    }

    @Test
    void an_id_longer_than_32_characters_is_refused() {
        String id = "a".repeat(33);
        assertThat(files.errorOfSource("- {id: " + id + ", type: feed, url: https://x.example/}"))
                .contains("id '" + id + "' must be 1 to 32");
    }

    @Test
    void a_url_that_is_not_http_is_refused() {
        assertThat(files.errorOfSource("- {id: x, type: feed, url: 'ftp://files.example/feed'}"))
                .contains("source 'x': url 'ftp://files.example/feed' must be http or https");
    }

    @Test
    void a_url_without_a_scheme_is_refused() {
        assertThat(files.errorOfSource("- {id: x, type: feed, url: www.prothomalo.com/feed}"))
                .contains("source 'x': url 'www.prothomalo.com/feed' must be http or https");
    }

    @Test
    void an_unparseable_url_is_refused_with_the_reason() {
        assertThat(files.errorOfSource("- {id: x, type: feed, url: 'https://bad host/feed'}"))
                .contains("source 'x': url 'https://bad host/feed' is not a valid URL: Illegal character");
    }

    @Test
    void a_url_with_a_bengali_host_name_asks_for_the_ascii_form() {
        assertThat(files.errorOfSource("- {id: x, type: feed, url: 'https://প্রথম.com/feed'}"))
                .contains("source 'x': url 'https://প্রথম.com/feed' is not a valid URL: the host name must be ASCII");
    }

    @Test
    void a_duplicate_id_is_refused() {
        assertThat(files.errorOfSource("- {id: prothomalo, type: feed, url: https://x.example/}"))
                .contains("source 'prothomalo' is defined twice (sources #1 and #2)");
    }

    @Test
    void an_invalid_item_selector_names_the_key_and_gives_jsoup_reason() {
        String message = files.errorOfSource("- {id: samakal, type: html, url: https://samakal.com/, item: 'div >'}");

        assertThat(message).contains("source 'samakal': selector 'div >' in 'item' is not valid CSS: unexpected token");
    }

    @Test
    void a_double_dot_selector_is_refused() {
        assertThat(files.errorOfSource("- {id: samakal, type: html, url: https://samakal.com/, item: 'div..x'}"))
                .contains("source 'samakal': selector 'div..x' in 'item' is not valid CSS: ");
    }

    @Test
    void an_invalid_title_link_or_time_selector_names_its_key() {
        String source = "- {id: s, type: html, url: https://s.example/, item: div.card, %s: 'a[href'}";

        assertThat(files.errorOfSource(source.formatted("title"))).contains("source 's': selector 'a[href' in 'title'");
        assertThat(files.errorOfSource(source.formatted("link"))).contains("source 's': selector 'a[href' in 'link'");
        assertThat(files.errorOfSource(source.formatted("time"))).contains("source 's': selector 'a[href' in 'time'");
    }

    @Test
    void both_halves_of_a_title_exclusion_are_checked() {
        String source = "- {id: s, type: html, url: https://s.example/, item: div.card, title: '%s'}";

        assertThat(files.errorOfSource(source.formatted("h1..x ! span")))
                .contains("source 's': selector 'h1..x' in 'title' is not valid CSS");
        assertThat(files.errorOfSource(source.formatted("h1 ! span[")))
                .contains("source 's': selector 'span[' in the exclusion part (after ' ! ') of 'title' is not valid CSS");
    }

    @Test
    void a_port_out_of_range_is_refused() {
        assertThat(files.errorOfSource("- {id: s, url: 'https://s.example:99999/feed'}"))
                .contains("source 's'").contains("port 99999 is out of range");
    }

    @Test
    void a_bang_inside_brackets_or_quotes_is_css_not_an_exclusion_as_the_page_parser_reads_it() throws Exception {
        assertThat(files.load(ConfigFiles.ONE_FEED + ("- {id: s, type: html, url: https://s.example/, item: div.card,"
                + " title: 'h3:contains(wow ! yes)'}").indent(2)).sources()).hasSize(2);
        assertThat(files.errorOfSource("- {id: s, type: html, url: https://s.example/, item: div.card,"
                + " title: 'h3 ! span ! b'}")).contains("'title' may have only one ' ! '");
    }

    @Test
    void an_exclusion_outside_title_is_refused_with_a_hint() {
        assertThat(files.errorOfSource("- {id: s, type: html, url: https://s.example/, item: 'div ! span'}"))
                .contains("source 's': selector 'div ! span' in 'item' is not valid CSS")
                .contains("the ' ! ' exclusion works only in 'title'");
    }

    @Test
    void an_html_source_without_item_is_refused() {
        assertThat(files.errorOfSource("- {id: s, type: html, url: https://s.example/, title: h3}"))
                .contains("source 's': missing 'item'");
    }

    @Test
    void a_feed_with_selectors_is_refused() {
        for (String key : new String[] {"item", "title", "link", "time"}) {
            assertThat(files.errorOfSource("- {id: f, type: feed, url: https://f.example/, " + key + ": h3}"))
                    .contains("source 'f': '" + key + "' is only for type html");
        }
    }

    @Test
    void a_sitemap_with_selectors_is_refused() {
        assertThat(files.errorOfSource("- {id: s, type: sitemap, url: https://s.example/news-sitemap.xml, item: url}"))
                .contains("source 's': 'item' is only for type html (this source is a sitemap)");
    }

    @Test
    void an_unknown_type_is_refused() {
        assertThat(files.errorOfSource("- {id: x, type: atom, url: https://x.example/}"))
                .contains("source 'x': type 'atom' must be feed or html or sitemap");
    }

    @Test
    void a_bad_source_interval_names_the_source_and_key() {
        assertThat(files.errorOfSource("- {id: x, type: feed, url: https://x.example/, interval: 5 minutes}"))
                .contains("source 'x': interval '5 minutes' is not a duration (examples: 30s, 2m, 1h");
        assertThat(files.errorOfSource("- {id: x, type: feed, url: https://x.example/, interval: 0s}"))
                .contains("source 'x': interval '0s' must be longer than zero");
    }

    @Test
    void enabled_must_be_true_or_false() {
        assertThat(files.errorOfSource("- {id: x, type: feed, url: https://x.example/, enabled: maybe}"))
                .contains("source 'x': enabled must be true or false (got the text 'maybe')");
    }

    @Test
    void a_map_where_a_text_is_expected_is_refused() {
        assertThat(files.errorOfSource("- {id: x, type: feed, url: {href: https://x.example/}}"))
                .contains("source 'x': url must be a single value (got a map)");
    }

    @Test
    void a_source_that_is_not_a_map_is_refused() {
        assertThat(files.errorOfSource("- https://x.example/feed"))
                .contains("source #2: must be a map with id, type and url (got the text 'https://x.example/feed')");
    }

    @Test
    void an_empty_source_list_is_refused() {
        assertThat(files.errorOf("sources: []")).contains("no sources configured");
    }

    @Test
    void a_file_without_sources_is_refused() {
        assertThat(files.errorOf("polling: {interval: 2m}")).contains("no sources configured");
    }

    @Test
    void sources_given_as_a_map_are_refused() {
        assertThat(files.errorOf("sources: {prothomalo: https://www.prothomalo.com/feed/}"))
                .contains("sources must be a list").contains("(got a map)");
    }
}
