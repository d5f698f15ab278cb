package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedirectsTest {
    private static final URI FEED = URI.create("https://www.example.com/news/feed");

    @Test
    void relative_and_absolute_locations_resolve_against_the_redirecting_url() {
        assertThat(Redirects.target(FEED, "/rss.xml")).contains(URI.create("https://www.example.com/rss.xml"));
        assertThat(Redirects.target(FEED, "latest")).contains(URI.create("https://www.example.com/news/latest"));
        assertThat(Redirects.target(FEED, "https://cdn.example.com/feed"))
                .contains(URI.create("https://cdn.example.com/feed"));
    }

    @Test
    void a_query_only_location_keeps_the_path_of_the_redirecting_url() {
        assertThat(Redirects.target(URI.create("https://x.com/latest/news?page=1"), "?page=2"))
                .contains(URI.create("https://x.com/latest/news?page=2"));
    }

    @Test
    void an_empty_location_is_the_redirecting_url_itself() {
        assertThat(Redirects.target(URI.create("https://x.com/latest/news?page=1"), ""))
                .contains(URI.create("https://x.com/latest/news?page=1"));
    }

    @Test
    void an_https_to_http_downgrade_is_followed_rather_than_returned_as_an_empty_301() {
        assertThat(Redirects.target(FEED, "http://www.example.com/feed"))
                .contains(URI.create("http://www.example.com/feed"));
    }

    @Test
    void stray_spaces_in_a_location_are_tolerated() {
        assertThat(Redirects.target(FEED, " /opinion/new feed ")).contains(URI.create("https://www.example.com/opinion/new%20feed"));
    }

    @Test
    void locations_that_are_not_http_or_not_urls_are_unusable() {
        assertThat(Redirects.target(FEED, "ftp://www.example.com/feed")).isEmpty();
        assertThat(Redirects.target(FEED, "javascript:alert(1)")).isEmpty();
        assertThat(Redirects.target(FEED, "http://exa mple.com:x/")).isEmpty();
    }
}
