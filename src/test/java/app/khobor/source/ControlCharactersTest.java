package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.config.SourceConfig;
import app.khobor.config.SourceType;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a portal sends that no reader or log line should get: NUL from {@code &#0;}, C0/C1 controls, bidi overrides
 * and isolates, direction marks, and runs of U+FFFD left by bytes that were not UTF-8. ZWJ/ZWNJ stay.
 */
class ControlCharactersTest {
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-08-13T11:00:00+06:00[Asia/Dhaka]");
    private static final URI FEED_URL = URI.create("https://example.com/feed/");
    /** র‍্যাব with ZWJ, as real feeds write it. */
    private static final String RAB_ZWJ = "\u09B0\u200D\u09CD\u09AF\u09BE\u09AC";
    /** ঢাকায় (one-code-point য়, which NFC decomposes) */
    private static final String DHAKAY_NFC = "\u09A2\u09BE\u0995\u09BE\u09AF\u09BC";

    private static List<Headline> feed(String xml) throws ParseException {
        return new FeedParser().parse("test", xml, FEED_URL, NOW);
    }

    private static String rss(String title, String link) {
        return "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title><item><title>" + title
                + "</title><link>" + link + "</link></item></channel></rss>";
    }

    @Test
    void nul_and_control_entities_and_bidi_overrides_are_stripped_from_feed_titles_and_links() throws ParseException {
        String title = "&#0;" + RAB_ZWJ + "&#x202E; \u0985\u09AD\u09BF\u09AF\u09BE\u09A8&#x1B;[31m &#x2066;\u09A2\u09BE\u0995\u09BE\u09AF\u09BC&#x2069;"
                + "&#x200F;\u0085\u009B";
        String link = "https://example.com/&#x202E;news/1&#0;";

        Headline h = feed(rss(title, link)).get(0);

        assertThat(h.title()).isEqualTo(RAB_ZWJ + " \u0985\u09AD\u09BF\u09AF\u09BE\u09A8[31m " + DHAKAY_NFC);
        assertThat(h.title()).as("ZWJ kept: Bengali needs it").contains("\u200D");
        assertThat(h.url()).isEqualTo("https://example.com/news/1");
        assertThat(isForbidden(h.title() + h.url())).isFalse();
    }

    @Test
    void cdata_titles_lose_their_controls_too_and_zwnj_stays() throws ParseException {
        String title = "<![CDATA[\u0000\u09B8\u200C\u09AE\u09BE\u09AC\u09C7\u09B6\u202D &amp; \u202A\u09A2\u09BE\u0995\u09BE\u202C]]>";

        Headline h = feed(rss(title, "https://example.com/2")).get(0);

        assertThat(h.title()).isEqualTo("\u09B8\u200C\u09AE\u09BE\u09AC\u09C7\u09B6 & \u09A2\u09BE\u0995\u09BE");
    }

    @Test
    void bytes_that_are_not_utf8_do_not_reach_readers_as_a_run_of_replacement_marks() throws ParseException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(rss("\u09A2\u09BE\u0995\u09BE", "https://example.com/3").replace("</title><link>", "@@")
                .split("@@")[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, ' ', (byte) 0xE0, (byte) 0xA6});
        body.writeBytes(" \u0996\u09AC\u09B0</title><link>https://example.com/3</link></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8));

        String text = BodyDecoder.decode(body.toByteArray(), "application/rss+xml; charset=utf-8");
        assertThat(text).as("the decoder does leave replacement marks").contains("\uFFFD");
        Headline h = feed(text).get(0);

        assertThat(h.title()).isEqualTo("\u09A2\u09BE\u0995\u09BE \u0996\u09AC\u09B0");
    }

    @Test
    void page_titles_from_html_lose_controls_and_bidi_overrides() throws ParseException {
        SourceConfig page = new SourceConfig("page", "page", SourceType.HTML, URI.create("https://example.com/latest"),
                "div.card", "h3", "a", null, null, true);
        String html = "<html><body><div class='card'><a href='/n/&#x202E;1'><h3>&#0;\u202E\u09AC\u09BE\u099C\u09C7\u099F"
                + "&#x7F;\u2067</h3></a></div></body></html>";

        Headline h = new PageParser().parse(page, html, URI.create("https://example.com/latest"), NOW).get(0);

        assertThat(h.title()).isEqualTo("\u09AC\u09BE\u099C\u09C7\u099F");
        assertThat(h.url()).isEqualTo("https://example.com/n/1");
    }

    @Test
    void a_failure_message_quoting_the_portal_reaches_logs_and_stats_as_one_clean_line() {
        ReadOutcome.Failed failed = new ReadOutcome.Failed(FailureKind.BLOCKED,
                "blocked: \"\u202Etxt.exe\u0000\"\n\u001B[2J\u0085 \uFFFD\uFFFD\uFFFDdone", 403);

        assertThat(failed.message()).isEqualTo("blocked: \"txt.exe\" [2J done");
    }

    static boolean isForbidden(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFD' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isForbidden(String s) {
        return s.chars().anyMatch(c -> isForbidden((char) c));
    }
}
