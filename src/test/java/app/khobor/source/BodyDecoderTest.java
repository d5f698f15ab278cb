package app.khobor.source;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** ঢাকায় নির্বাচন */
    private static final String BENGALI = "\u09A2\u09BE\u0995\u09BE\u09AF\u09BC \u09A8\u09BF\u09B0\u09CD\u09AC\u09BE\u099A\u09A8";

    @Test
    void the_bangla_tribune_feed_with_a_utf8_bom_decodes_without_the_bom() throws IOException {
        byte[] feed = HttpFetcherTest.fixture("/fixtures/banglatribune/banglatribune.xml");
        assertThat(feed).startsWith(0xEF, 0xBB, 0xBF);

        String text = BodyDecoder.decode(feed, "application/rss+xml; charset=UTF-8");

        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        // গ্যাসের জন্য মহাসড়ক অবরোধ, a headline in the feed (with the precomposed ড় the feed uses)
        String headline = "\u0997\u09CD\u09AF\u09BE\u09B8\u09C7\u09B0 \u099C\u09A8\u09CD\u09AF "
                + "\u09AE\u09B9\u09BE\u09B8\u09DC\u0995 \u0985\u09AC\u09B0\u09CB\u09A7";
        assertThat(text.contains(headline)).as("decoded feed contains the headline").isTrue();
        assertThat(text.indexOf('\uFEFF')).as("position of a BOM left in the text").isEqualTo(-1);
    }

    @Test
    void a_bom_wins_over_a_contradicting_header() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, BENGALI.getBytes(UTF_8));

        assertThat(BodyDecoder.decode(body, "text/html; charset=windows-1252")).isEqualTo(BENGALI);
    }

    @Test
    void utf16_byte_order_marks_select_utf16_and_are_removed() {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ("<rss>" + BENGALI).getBytes(UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, ("<rss>" + BENGALI).getBytes(UTF_16BE));

        assertThat(BodyDecoder.decode(le, null)).isEqualTo("<rss>" + BENGALI);
        assertThat(BodyDecoder.decode(be, "")).isEqualTo("<rss>" + BENGALI);
    }

    @Test
    void the_header_charset_is_used_when_there_is_no_bom() {
        byte[] body = "<p>\u0436\u0443\u0440\u043D\u0430\u043B</p>".getBytes(Charset.forName("windows-1251"));

        assertThat(BodyDecoder.decode(body, "text/html; charset=\"windows-1251\""))
                .isEqualTo("<p>\u0436\u0443\u0440\u043D\u0430\u043B</p>");
    }

    @Test
    void utf8_bengali_labelled_iso_8859_1_is_decoded_as_utf8() {
        byte[] body = ("<title>" + BENGALI + "</title>").getBytes(UTF_8);

        assertThat(BodyDecoder.decode(body, "text/html; charset=ISO-8859-1")).isEqualTo("<title>" + BENGALI + "</title>");
        assertThat(BodyDecoder.decode(body, "text/html; charset=us-ascii")).isEqualTo("<title>" + BENGALI + "</title>");
    }

    @Test
    void real_latin1_text_labelled_iso_8859_1_stays_latin1() {
        byte[] body = "caf\u00E9 cr\u00E8me".getBytes(ISO_8859_1);

        assertThat(BodyDecoder.decode(body, "text/plain; charset=iso-8859-1")).isEqualTo("caf\u00E9 cr\u00E8me");
    }

    @Test
    void a_utf8_feed_labelled_latin1_with_one_stray_byte_is_read_as_utf8_with_one_replacement_character() throws IOException {
        byte[] feed = HttpFetcherTest.fixture("/fixtures/ittefaq/ittefaq.xml");
        String original = new String(feed, UTF_8);
        int at = indexOf(feed, "<title><![CDATA[".getBytes(UTF_8)) + "<title><![CDATA[".length();
        byte[] damaged = concat(concat(Arrays.copyOf(feed, at), new byte[] {(byte) 0xFF}), Arrays.copyOfRange(feed, at, feed.length));

        String text = BodyDecoder.decode(damaged, "application/rss+xml; charset=ISO-8859-1");

        int chars = new String(feed, 0, at, UTF_8).length();
        assertThat(text).isEqualTo(original.substring(0, chars) + "\uFFFD" + original.substring(chars));
    }

    @Test
    void a_utf8_feed_labelled_windows_1252_with_a_character_cut_short_keeps_its_other_titles() throws IOException {
        byte[] feed = HttpFetcherTest.fixture("/fixtures/ittefaq/ittefaq.xml");
        int at = indexOf(feed, "<title><![CDATA[".getBytes(UTF_8)) + "<title><![CDATA[".length();
        // the first letter's last byte is lost: E0 A6 9D becomes E0 A6
        byte[] damaged = concat(Arrays.copyOf(feed, at + 2), Arrays.copyOfRange(feed, at + 3, feed.length));

        String text = BodyDecoder.decode(damaged, "text/xml; charset=windows-1252");

        // ঝিনাইদহে আধিপত্য বিস্তার, the first title without its first letter
        String firstTitle = "\u09BF\u09A8\u09BE\u0987\u09A6\u09B9\u09C7 \u0986\u09A7\u09BF\u09AA\u09A4\u09CD\u09AF "
                + "\u09AC\u09BF\u09B8\u09CD\u09A4\u09BE\u09B0";
        assertThat(text).contains("<title><![CDATA[\uFFFD" + firstTitle);
        assertThat(text.chars().filter(c -> c == '\uFFFD').count())
                .isEqualTo(new String(feed, UTF_8).chars().filter(c -> c == '\uFFFD').count() + 1);
    }

    @Test
    void a_latin_label_gives_way_only_to_more_than_a_hundred_valid_sequences_per_invalid_one() {
        String letters = "\u0995".repeat(BodyDecoder.VALID_PER_INVALID);
        byte[] enough = concat(("\u0995" + letters).getBytes(UTF_8), new byte[] {(byte) 0xE9});
        byte[] tooFew = concat(letters.getBytes(UTF_8), new byte[] {(byte) 0xE9});

        assertThat(BodyDecoder.decode(enough, "text/html; charset=iso-8859-1")).isEqualTo("\u0995" + letters + "\uFFFD");
        assertThat(BodyDecoder.decode(tooFew, "text/html; charset=iso-8859-1")).isEqualTo(new String(tooFew, WINDOWS_1252));
    }

    @Test
    void latin1_text_with_accents_and_a_chance_utf8_pair_stays_windows_1252() {
        // "Ã©" is C3 A9 in Latin-1, a valid UTF-8 pair; the accents around it are not UTF-8
        String text = "caf\u00E9 cr\u00E8me br\u00FBl\u00E9e, \u00C3\u00A9t\u00E9 \u201Cquoted\u201D";
        byte[] body = text.getBytes(WINDOWS_1252);

        assertThat(BodyDecoder.decode(body, "text/html; charset=ISO-8859-1")).isEqualTo(text);
        assertThat(BodyDecoder.decode(body, "text/html; charset=windows-1252")).isEqualTo(text);
    }

    @Test
    void the_xml_declaration_names_the_charset_when_the_header_does_not() {
        byte[] body = "<?xml version='1.0' encoding='ISO-8859-1'?><rss>caf\u00E9</rss>".getBytes(ISO_8859_1);

        assertThat(BodyDecoder.decode(body, "application/xml")).endsWith("<rss>caf\u00E9</rss>");
    }

    @Test
    void html_meta_tags_name_the_charset_when_the_header_does_not() {
        String cyrillic = "\u0436\u0443\u0440\u043D\u0430\u043B";
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] metaCharset = ("<html><head><meta charset=windows-1251></head>" + cyrillic).getBytes(cp1251);
        byte[] httpEquiv = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                + cyrillic).getBytes(cp1251);

        assertThat(BodyDecoder.decode(metaCharset, "text/html")).endsWith(cyrillic);
        assertThat(BodyDecoder.decode(httpEquiv, null)).endsWith(cyrillic);
    }

    @Test
    void unknown_or_illegal_charset_names_fall_back_to_utf8_without_throwing() {
        byte[] body = BENGALI.getBytes(UTF_8);

        assertThat(BodyDecoder.decode(body, "text/html; charset=utf8mb4")).isEqualTo(BENGALI);
        assertThat(BodyDecoder.decode(body, "text/html; charset=???")).isEqualTo(BENGALI);
        assertThat(BodyDecoder.decode(body, "text/html; charset=")).isEqualTo(BENGALI);
    }

    @Test
    void an_unknown_header_charset_falls_back_to_the_meta_tag() {
        byte[] body = "<meta charset=\"iso-8859-1\"><p>caf\u00E9</p>".getBytes(ISO_8859_1);

        assertThat(BodyDecoder.decode(body, "text/html; charset=bogus-42")).endsWith("<p>caf\u00E9</p>");
    }

    @Test
    void a_meta_tag_claiming_utf16_on_ascii_bytes_is_read_as_utf8() {
        byte[] body = ("<meta charset=\"utf-16\"><p>" + BENGALI + "</p>").getBytes(UTF_8);

        assertThat(BodyDecoder.decode(body, null)).endsWith("<p>" + BENGALI + "</p>");
    }

    @Test
    void without_any_declaration_the_body_is_utf8() {
        assertThat(BodyDecoder.decode(BENGALI.getBytes(UTF_8), null)).isEqualTo(BENGALI);
        assertThat(BodyDecoder.decode(new byte[0], null)).isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not in the fixture: " + new String(needle, UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
