package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {
    /** ক (U+0995) as UTF-8 escapes. */
    private static final String KA = "%E0%A6%95";
    /** An Ittefaq-style slug: ঝিনাইদহে (percent-encoded Bengali, as in the feed). */
    private static final String SLUG = "%E0%A6%9D%E0%A6%BF%E0%A6%A8%E0%A6%BE%E0%A6%87%E0%A6%A6%E0%A6%B9%E0%A7%87";

    @Test
    void upper_lower_and_raw_bengali_slugs_give_one_form() {
        String upper = CanonicalUrl.of("https://www.ittefaq.com.bd/803887/" + SLUG);
        String lower = CanonicalUrl.of("https://www.ittefaq.com.bd/803887/" + SLUG.toLowerCase());
        String raw = CanonicalUrl.of("https://www.ittefaq.com.bd/803887/\u099D\u09BF\u09A8\u09BE\u0987\u09A6\u09B9\u09C7");

        assertThat(upper).isEqualTo("https://www.ittefaq.com.bd/803887/" + SLUG).isEqualTo(lower).isEqualTo(raw);
    }

    @Test
    void mixed_raw_and_encoded_text_in_one_path_gives_the_same_form() {
        assertThat(CanonicalUrl.of("https://x.com/a/\u0995-%e0%a6%95")).isEqualTo("https://x.com/a/" + KA + "-" + KA);
    }

    @Test
    void tracking_parameters_go_and_the_others_keep_their_order() {
        String url = "https://samakal.com/news?utm_source=fb&id=7&fbclid=abc&page=2&gclid=x&UTM_Medium=y&mc_cid=1&mc_eid=2&igshid=3&ref_src=tw";

        assertThat(CanonicalUrl.of(url)).isEqualTo("https://samakal.com/news?id=7&page=2");
    }

    @Test
    void a_query_of_only_tracking_parameters_is_removed() {
        assertThat(CanonicalUrl.of("https://samakal.com/a?utm_source=x&utm_campaign=y")).isEqualTo("https://samakal.com/a");
        assertThat(CanonicalUrl.of("https://samakal.com/a?")).isEqualTo("https://samakal.com/a");
    }

    @Test
    void the_fragment_is_dropped() {
        assertThat(CanonicalUrl.of("https://x.com/a?id=1#comments")).isEqualTo("https://x.com/a?id=1");
        assertThat(CanonicalUrl.of("https://x.com/a#top")).isEqualTo("https://x.com/a");
    }

    @Test
    void scheme_and_host_are_lower_cased_but_the_path_keeps_its_case() {
        assertThat(CanonicalUrl.of("HTTPS://WWW.Prothomalo.COM/Bangladesh/X")).isEqualTo("https://www.prothomalo.com/Bangladesh/X");
    }

    @Test
    void default_ports_are_dropped_and_others_kept() {
        assertThat(CanonicalUrl.of("http://x.com:80/a")).isEqualTo("http://x.com/a");
        assertThat(CanonicalUrl.of("https://x.com:443/a")).isEqualTo("https://x.com/a");
        assertThat(CanonicalUrl.of("https://x.com:80/a")).isEqualTo("https://x.com:80/a");
        assertThat(CanonicalUrl.of("http://x.com:8080/a")).isEqualTo("http://x.com:8080/a");
        assertThat(CanonicalUrl.of("http://x.com:/a")).isEqualTo("http://x.com/a");
    }

    @Test
    void http_and_https_stay_different() {
        assertThat(CanonicalUrl.of("http://x.com/a")).isNotEqualTo(CanonicalUrl.of("https://x.com/a"));
    }

    @Test
    void an_empty_path_becomes_a_slash() {
        assertThat(CanonicalUrl.of("https://x.com")).isEqualTo("https://x.com/");
        assertThat(CanonicalUrl.of("https://x.com?id=1")).isEqualTo("https://x.com/?id=1");
    }

    @Test
    void stray_spaces_are_trimmed_outside_and_encoded_inside() {
        assertThat(CanonicalUrl.of("  https://x.com/a b?q=c d \n")).isEqualTo("https://x.com/a%20b?q=c%20d");
        assertThat(CanonicalUrl.of("https://x.com/a%20b")).isEqualTo("https://x.com/a%20b");
    }

    @Test
    void escaped_unreserved_characters_are_decoded() {
        assertThat(CanonicalUrl.of("https://x.com/%61%62c%2D%7e")).isEqualTo("https://x.com/abc-~");
    }

    @Test
    void escaped_reserved_characters_stay_escaped_and_literal_ones_stay_literal() {
        assertThat(CanonicalUrl.of("https://x.com/a%2fb/c?q=a%26b&r=1+2&s=%2b"))
                .isEqualTo("https://x.com/a%2Fb/c?q=a%26b&r=1+2&s=%2B");
        assertThat(CanonicalUrl.of("https://x.com/a:b@c,d;e=f")).isEqualTo("https://x.com/a:b@c,d;e=f");
    }

    @Test
    void a_lone_percent_sign_is_encoded() {
        assertThat(CanonicalUrl.of("https://x.com/100%-sure")).isEqualTo("https://x.com/100%25-sure");
        assertThat(CanonicalUrl.of("https://x.com/100%25-sure")).isEqualTo("https://x.com/100%25-sure");
    }

    @Test
    void a_unicode_host_becomes_punycode() {
        assertThat(CanonicalUrl.of("https://\u09AC\u09BE\u0982\u09B2\u09BE.\u09AC\u09BE\u0982\u09B2\u09BE/a"))
                .startsWith("https://xn--").endsWith("/a");
    }

    @Test
    void canonical_form_is_stable_when_applied_twice() {
        String once = CanonicalUrl.of("HTTP://X.com:80/\u0995 a?utm_x=1&b=%e0%a6%95#f");

        assertThat(CanonicalUrl.of(once)).isEqualTo(once);
    }

    @Test
    void unparseable_input_comes_back_trimmed_without_throwing() {
        assertThat(CanonicalUrl.of("  not a url ")).isEqualTo("not a url");
        assertThat(CanonicalUrl.of("/relative/path")).isEqualTo("/relative/path");
        assertThat(CanonicalUrl.of("http:///nohost")).isEqualTo("http:///nohost");
        assertThat(CanonicalUrl.of("http://x.com:99999999999999/a")).isEqualTo("http://x.com:99999999999999/a");
        assertThat(CanonicalUrl.of("")).isEmpty();
        assertThat(CanonicalUrl.of(null)).isEmpty();
    }
}
