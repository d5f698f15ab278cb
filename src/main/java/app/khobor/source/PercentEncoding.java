package app.khobor.source;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/**
 * The one percent-encoder of URLs: every code point a URL part may not hold literally becomes %XX of its UTF-8 bytes,
 * upper-case. Used to make hrefs fetchable ({@code Links}) and to give links one spelling ({@code CanonicalUrl}).
 */
public final class PercentEncoding {
    /** What happens to a %XX escape already in the text. */
    public enum Escapes {
        /** Written back as found: the URL is only made valid, not rewritten. */
        KEEP,
        /** Escapes of unreserved characters (letters, digits, {@code -._~}) decoded, the others upper-cased. */
        NORMALISE
    }

    private static final String UNRESERVED_MARKS = "-._~";

    private PercentEncoding() {}

    /**
     * Encodes {@code s}: a code point {@code literal} accepts stays as it is, every other one is percent-encoded.
     * A '%' that starts an escape (two ASCII hex digits follow) is treated as {@code escapes} says; any other '%' is
     * encoded as %25, since left alone it would be read as an escape.
     */
    public static String encode(String s, IntPredicate literal, Escapes escapes) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%' && startsEscape(s, i)) {
                appendEscape(out, s.substring(i, i + 3), escapes);
                i += 3;
                continue;
            }
            int cp = s.codePointAt(i);
            if (cp != '%' && literal.test(cp)) {
                out.appendCodePoint(cp);
            } else {
                appendUtf8(out, cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** ASCII letters and digits and {@code -._~}: never need escaping anywhere in a URL (RFC 3986 section 2.3). */
    public static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || (c < 0x80 && UNRESERVED_MARKS.indexOf(c) >= 0);
    }

    private static boolean startsEscape(String s, int at) {
        return at + 2 < s.length() && isHex(s.charAt(at + 1)) && isHex(s.charAt(at + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void appendEscape(StringBuilder out, String escape, Escapes escapes) {
        if (escapes == Escapes.KEEP) {
            out.append(escape);
            return;
        }
        int b = Integer.parseInt(escape.substring(1), 16);
        if (isUnreserved(b)) {
            out.append((char) b);
        } else {
            appendByte(out, b);
        }
    }

    private static void appendUtf8(StringBuilder out, int cp) {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            appendByte(out, b & 0xFF);
        }
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }
}
