package app.khobor.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.source.ChallengeDetector.Blocker;
import app.khobor.source.ChallengeDetector.Challenge;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeDetectorTest {
    private static final HttpHeaders NO_HEADERS = headers(Map.of());
    private static final String AKAMAI = "<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n"
            + "You don't have permission to access \"http&#58;&#47;&#47;www&#46;example&#46;com&#47;\" on this server.<P>\n"
            + "Reference&#32;&#35;18&#46;4c2d1402&#46;1755900000&#46;1a2b3c\n</BODY>\n</HTML>\n";

    private final ChallengeDetector detector = new ChallengeDetector();

    @Test
    void the_real_cloudflare_interstitial_is_a_challenge_with_403_and_with_200() throws IOException {
        byte[] page = HttpFetcherTest.fixture("/fixtures/banglanews24/cloudflare-challenge-7413780/opinion.html");

        assertThat(detector.detect(403, NO_HEADERS, page)).contains(new Challenge(Blocker.CLOUDFLARE, 403));
        assertThat(detector.detect(200, NO_HEADERS, page)).contains(new Challenge(Blocker.CLOUDFLARE, 200));
        assertThat(new Challenge(Blocker.CLOUDFLARE, 403).message()).isEqualTo("blocked by a Cloudflare challenge (HTTP 403)");
    }

    @Test
    void real_news_pages_that_load_cloudflare_scripts_are_not_challenges() throws IOException {
        HttpHeaders cloudflare = headers(Map.of("server", "cloudflare"));
        for (String path : List.of("/fixtures/banglanews24/snap-d5ade59/opinion.html", "/fixtures/samakal/opinion.html")) {
            byte[] page = HttpFetcherTest.fixture(path);

            assertThat(detector.detect(200, cloudflare, page)).as(path).isEmpty();
        }
    }

    @Test
    void a_small_article_about_cloudflare_is_not_a_challenge() {
        String article = "<html><head><title>Cloudflare outage: sites showed 'Just a moment...' pages</title></head><body>"
                + "<p>Cloudflare's challenge-platform stopped readers; Access Denied pages and captcha prompts appeared.</p>"
                + "</body></html>";

        assertThat(detector.detect(200, headers(Map.of("server", "cloudflare")), article.getBytes(UTF_8))).isEmpty();
    }

    @Test
    void the_cf_mitigated_header_marks_a_challenge_whatever_the_body() {
        HttpHeaders headers = headers(Map.of("server", "cloudflare", "cf-mitigated", "challenge"));

        assertThat(detector.detect(503, headers, new byte[0])).contains(new Challenge(Blocker.CLOUDFLARE, 503));
    }

    @Test
    void a_cloudflare_block_page_with_403_is_a_challenge() {
        String page = "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>"
                + "<body><h1>Sorry, you have been blocked</h1></body></html>";

        assertThat(detector.detect(403, headers(Map.of("server", "cloudflare")), page.getBytes(UTF_8)))
                .contains(new Challenge(Blocker.CLOUDFLARE, 403));
    }

    @Test
    void an_akamai_denial_is_recognised_with_403_and_with_200() {
        byte[] page = AKAMAI.getBytes(UTF_8);

        assertThat(detector.detect(403, headers(Map.of("server", "AkamaiGHost")), page))
                .contains(new Challenge(Blocker.AKAMAI, 403));
        assertThat(detector.detect(200, NO_HEADERS, page)).contains(new Challenge(Blocker.AKAMAI, 200));
    }

    @Test
    void a_429_captcha_page_is_a_generic_block_but_a_maintenance_503_is_not() {
        byte[] captcha = "<html><body>Please solve the CAPTCHA to continue</body></html>".getBytes(UTF_8);
        byte[] maintenance = "<html><title>Service Unavailable</title><body>Back soon</body></html>".getBytes(UTF_8);

        assertThat(detector.detect(429, NO_HEADERS, captcha)).contains(new Challenge(Blocker.OTHER, 429));
        assertThat(detector.detect(503, NO_HEADERS, maintenance)).isEmpty();
    }

    @Test
    void challenge_markers_in_a_large_page_do_not_count_without_a_challenge_title() {
        String page = "<html><head><title>News</title><script>var cf_chl_opt = {};</script></head><body>"
                + "x".repeat(ChallengeDetector.SMALL_BODY_BYTES) + "</body></html>";

        assertThat(detector.detect(200, NO_HEADERS, page.getBytes(UTF_8))).isEmpty();
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> lists = new java.util.HashMap<>();
        values.forEach((k, v) -> lists.put(k, List.of(v)));
        return HttpHeaders.of(lists, (k, v) -> true);
    }
}
