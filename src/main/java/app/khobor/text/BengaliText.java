package app.khobor.text;

import java.util.List;

/**
 * The one Bengali normaliser. Every comparison (dedupe keys, keywords, search) goes through {@link #searchKey};
 * text shown to readers goes through {@link #display}. See shared notes bengali-text.md.
 */
public final class BengaliText {
    private BengaliText() {}

    /** NFC -> ত্‍ to ৎ -> drop ZWJ/ZWNJ -> Bengali digits to ASCII -> lower-case -> collapse whitespace -> trim. */
    public static String searchKey(String text) {
        throw new UnsupportedOperationException("TODO");
    }

    /** NFC, HTML-free text with all whitespace (NBSP too) collapsed to single spaces and trimmed. */
    public static String display(String text) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Words of a text, each as a search key: runs of letters, marks and digits; punctuation (। ‘ ’ “ ” etc.) splits. */
    public static List<String> words(String text) {
        throw new UnsupportedOperationException("TODO");
    }

    /** True when every query word is a prefix of some word of {@code headlineKeyWords}. */
    public static boolean matchesAll(List<String> headlineWords, List<String> queryWords) {
        throw new UnsupportedOperationException("TODO");
    }
}
