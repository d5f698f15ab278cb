package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinksTest {
    private static final URI PAGE = URI.create("https://www.example.com/section/page");

    @Test
    void existing_percent_escapes_are_not_encoded_twice() {
        assertThat(Links.absolute(PAGE, "https://samakal.com/a/%E0%A6%B9%C2%A0%E0%A6%95")).isEqualTo(
                "https://samakal.com/a/%E0%A6%B9%C2%A0%E0%A6%95");
    }

    @Test
    void raw_bengali_spaces_nbsp_and_a_lone_percent_are_encoded_as_utf8() {
        assertThat(Links.absolute(PAGE, "/\u09B9 \u00A0x/100%")).isEqualTo("https://www.example.com/%E0%A6%B9%20%C2%A0x/100%25");
    }

    @Test
    void whitespace_around_and_line_breaks_inside_a_link_are_dropped() {
        assertThat(Links.absolute(PAGE, " \n\thttps://www.example.com/long/\n   path \u00A0")).isEqualTo(
                "https://www.example.com/long/path");
    }

    @Test
    void relative_protocol_relative_and_dot_segments_resolve_against_the_base() {
        assertThat(Links.absolute(PAGE, "other")).isEqualTo("https://www.example.com/section/other");
        assertThat(Links.absolute(PAGE, "//cdn.example.com/x")).isEqualTo("https://cdn.example.com/x");
        assertThat(Links.absolute(PAGE, "../up")).isEqualTo("https://www.example.com/up");
        assertThat(Links.absolute(URI.create("https://www.bd-pratidin.com"), "country/1")).isEqualTo(
                "https://www.bd-pratidin.com/country/1");
    }

    @Test
    void a_query_only_link_keeps_the_whole_path_of_the_page() {
        URI listing = URI.create("https://x.com/latest/news?page=1#top");

        assertThat(Links.absolute(listing, "?id=5")).isEqualTo("https://x.com/latest/news?id=5");
        assertThat(Links.absolute(listing, " ?id=5&q=\u09B9#c")).isEqualTo("https://x.com/latest/news?id=5&q=%E0%A6%B9#c");
        assertThat(Links.absolute(URI.create("https://x.com"), "?id=5")).isEqualTo("https://x.com?id=5");
    }

    @Test
    void a_fragment_only_link_keeps_the_path_and_query_of_the_page() {
        assertThat(Links.absolute(URI.create("https://x.com/latest/news?page=1#top"), "#c"))
                .isEqualTo("https://x.com/latest/news?page=1#c");
    }

    @Test
    void an_empty_base_href_is_the_parent_without_its_fragment() {
        URI feed = URI.create("https://x.com/feed/rss?cat=2#items");

        assertThat(Links.base(feed, "")).isEqualTo(URI.create("https://x.com/feed/rss?cat=2"));
        assertThat(Links.base(feed, " \n")).isEqualTo(URI.create("https://x.com/feed/rss?cat=2"));
        assertThat(Links.base(feed, "?cat=3")).isEqualTo(URI.create("https://x.com/feed/rss?cat=3"));
    }

    @Test
    void an_empty_href_is_the_page_itself_and_so_no_headline_link() {
        assertThat(Links.absolute(PAGE, "")).isNull();
    }

    @Test
    void the_normal_examples_of_rfc_3986_resolve_as_the_rfc_says() {
        URI base = URI.create("http://a/b/c/d;p?q");
        String[][] examples = {
            {"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"}, {"g/", "http://a/b/c/g/"},
            {"/g", "http://a/g"}, {"//g", "http://g"}, {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"},
            {"#s", "http://a/b/c/d;p?q#s"}, {"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"},
            {";x", "http://a/b/c/;x"}, {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"},
            {"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"}, {"./", "http://a/b/c/"}, {"..", "http://a/b/"},
            {"../", "http://a/b/"}, {"../g", "http://a/b/g"}, {"../..", "http://a/"}, {"../../", "http://a/"},
            {"../../g", "http://a/g"},
        };
        for (String[] example : examples) {
            assertThat(Links.resolve(base, URI.create(example[0]))).as("'%s'", example[0]).isEqualTo(URI.create(example[1]));
        }
    }

    @Test
    void non_web_and_unusable_links_give_null() {
        assertThat(Links.absolute(PAGE, "mailto:desk@example.com")).isNull();
        assertThat(Links.absolute(PAGE, "javascript:void(0)")).isNull();
        assertThat(Links.absolute(PAGE, "ftp://example.com/file")).isNull();
        assertThat(Links.absolute(PAGE, "   ")).isNull();
        assertThat(Links.absolute(PAGE, null)).isNull();
        assertThat(Links.absolute(PAGE, "https:///no-host")).isNull();
    }

    @Test
    void a_second_hash_is_encoded_so_the_uri_stays_valid() {
        assertThat(Links.absolute(PAGE, "/a#b#c")).isEqualTo("https://www.example.com/a#b%23c");
    }
}
