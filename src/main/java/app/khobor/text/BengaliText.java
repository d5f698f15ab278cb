package app.khobor.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Bengali normaliser. Every comparison (dedupe keys, keywords, search) goes through {@link #searchKey};
 * text shown to readers goes through {@link #display}. See shared notes bengali-text.md.
 */
public final class BengaliText {
    private static final char TA = '\u09A4';
    private static final char VIRAMA = '\u09CD';
    private static final char KHANDA_TA = '\u09CE';
    private static final char ZWNJ = '\u200C';
    private static final char ZWJ = '\u200D';
    private static final char ZERO_WIDTH_SPACE = '\u200B';
    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';
    private static final char BENGALI_ZERO = '\u09E6';
    private static final char BENGALI_NINE = '\u09EF';

    private BengaliText() {}

    /**
     * NFC -> ত্‍ to ৎ -> drop ZWJ/ZWNJ and other invisible format characters -> Bengali digits to ASCII -> lower-case
     * -> collapse whitespace (NBSP too) -> trim. Idempotent; null gives "".
     * <p>NFC turns precomposed য় ড় ঢ় into letter + nukta (they are composition exclusions), so both encodings meet.
     */
    public static String searchKey(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfc = nfc(text);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        boolean droppedInside = false;
        int n = nfc.length();
        for (int i = 0; i < n; i++) {
            char c = nfc.charAt(i);
            if (c == TA && i + 2 < n && nfc.charAt(i + 1) == VIRAMA && nfc.charAt(i + 2) == ZWJ) {
                c = KHANDA_TA;
                i += 2;
            } else if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            } else if (isInvisible(c)) {
                droppedInside |= out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(keyChar(c));
        }
        return renormalizeIfNeeded(out.toString(), droppedInside);
    }

    /**
     * NFC with all whitespace (NBSP, figure and narrow spaces, tabs, newlines) collapsed to single spaces, trimmed,
     * and everything a reader or a log line must not get removed (see {@link #isHidden}). ZWJ/ZWNJ stay: they change
     * how র‍্যাব renders. Every scraped title and every portal error text goes through here. null gives "".
     */
    public static String display(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfc = nfc(text);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else if (!isHidden(c)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Characters dropped from display text: C0 and C1 controls (NUL from {@code &#0;}, ESC that starts a terminal
     * sequence in a log), DEL; the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
     * reorder everything after them (a U+202E title reads backwards, "gpj.exe" style); the directional marks
     * LRM/RLM/ALM (U+200E, U+200F, U+061C): Bengali and English both run left to right, so in a headline a mark
     * has no job but can still move punctuation and digits around it; zero-width space and byte-order mark; and
     * U+FFFD, the replacement character a decoder leaves for bytes that were not text: a run of "�" tells a reader
     * nothing, and the title around it stays readable without it. ZWJ and ZWNJ are kept: Bengali needs them.
     */
    public static boolean isHidden(char c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        return c == ZERO_WIDTH_SPACE || c == BOM || c == REPLACEMENT
                || c == '\u200E' || c == '\u200F' || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * Words of a text, each as a search key: maximal runs of letters, marks and decimal digits, so vowel signs and
     * the virama stay inside words while punctuation (। ॥ ‘ ’ “ ” , : ; - ? !) and spaces split.
     */
    public static List<String> words(String text) {
        String key = searchKey(text);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            if (isWordCodePoint(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(key.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(key.substring(start));
        }
        return words;
    }

    /**
     * True when every query word is a prefix of some headline word. Prefixes because Bengali inflects by suffix:
     * ঢাকা must find ঢাকায় and ঢাকার. Both lists must already be search-key words (see {@link #words}).
     * A query without words matches nothing.
     */
    public static boolean matchesAll(List<String> headlineWords, List<String> queryWords) {
        if (headlineWords == null || queryWords == null) {
            return false;
        }
        boolean anyQueryWord = false;
        for (String query : queryWords) {
            if (query == null || query.isEmpty()) {
                continue;
            }
            anyQueryWord = true;
            if (!isPrefixOfAny(query, headlineWords)) {
                return false;
            }
        }
        return anyQueryWord;
    }

    /** ASCII digits to Bengali digits, for times and counts shown to readers ("12:05" -> "১২:০৫"). null gives "". */
    public static String bengaliDigits(String text) {
        if (text == null) {
            return "";
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= '0' && chars[i] <= '9') {
                chars[i] = (char) (BENGALI_ZERO + (chars[i] - '0'));
            }
        }
        return new String(chars);
    }

    private static boolean isPrefixOfAny(String query, List<String> headlineWords) {
        for (String word : headlineWords) {
            if (word != null && word.startsWith(query)) {
                return true;
            }
        }
        return false;
    }

    private static String nfc(String text) {
        // isNormalized is a cheap scan; most ASCII and already-clean text skips the costly normalize.
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Dropping a ZWJ between, say, ে and া leaves a pair NFC would compose; normalising once more keeps
     * searchKey idempotent. Rare, so only checked when something was dropped mid-text.
     */
    private static String renormalizeIfNeeded(String key, boolean droppedInside) {
        if (!droppedInside || Normalizer.isNormalized(key, Normalizer.Form.NFC)) {
            return key;
        }
        return Normalizer.normalize(key, Normalizer.Form.NFC);
    }

    private static char keyChar(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        if (c >= BENGALI_ZERO && c <= BENGALI_NINE) {
            return (char) ('0' + (c - BENGALI_ZERO));
        }
        return Character.toLowerCase(c);
    }

    /** Whitespace in the wide sense: Java whitespace plus the no-break spaces (NBSP, U+2007, U+202F) pages use. */
    static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        return c == '\u0085' || Character.isSpaceChar(c) || Character.isWhitespace(c);
    }

    /** ZWJ, ZWNJ, zero-width space, BOM, soft hyphen, direction marks: format characters nobody types in a query. */
    static boolean isInvisible(char c) {
        return c >= 0x80 && (c == ZWJ || c == ZWNJ || c == ZERO_WIDTH_SPACE || c == BOM
                || Character.getType(c) == Character.FORMAT);
    }

    static boolean isWordCodePoint(int cp) {
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER:
                return true;
            default:
                return false;
        }
    }
}
