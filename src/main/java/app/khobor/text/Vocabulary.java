package app.khobor.text;

import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Words of stored headline titles (search keys, see {@link BengaliText#words}) with how often each occurs, for
 * turning Latin-script words into the Bengali words readers mean (see {@link Banglish}). Immutable once built.
 */
public final class Vocabulary {
    private final NavigableMap<String, Integer> counts;

    private Vocabulary(NavigableMap<String, Integer> counts) {
        this.counts = counts;
    }

    /** The words of these titles; null or blank titles add nothing. */
    public static Vocabulary fromTitles(Collection<String> titles) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String title : titles) {
            for (String word : BengaliText.words(title)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return new Vocabulary(counts);
    }

    /** How often this exact word occurs. */
    public int count(String word) {
        return counts.getOrDefault(word, 0);
    }

    /** True when some word starts with {@code prefix} (the empty prefix: when there is any word). */
    public boolean hasPrefix(String prefix) {
        String next = counts.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    /** Occurrences of all words that start with {@code prefix}: what a prefix search for it would find. */
    public int prefixCount(String prefix) {
        int total = 0;
        for (Map.Entry<String, Integer> e : counts.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            total += e.getValue();
        }
        return total;
    }

    /**
     * Occurrences of words that are {@code prefix} plus an inflection of at most {@code maxSuffix} code points
     * (\u09A2\u09BE\u0995\u09BE: \u09A2\u09BE\u0995\u09BE\u09AF\u09BC, \u09A2\u09BE\u0995\u09BE\u09B0; not \u0997\u099C\u09BE: \u0997\u099C\u09BE\u09B0\u09BF\u09AF\u09BC\u09BE\u09AF\u09BC).
     */
    public int inflectedCount(String prefix, int maxSuffix) {
        int total = 0;
        int length = prefix.codePointCount(0, prefix.length());
        for (Map.Entry<String, Integer> e : counts.tailMap(prefix, true).entrySet()) {
            String word = e.getKey();
            if (!word.startsWith(prefix)) {
                break;
            }
            if (word.codePointCount(0, word.length()) - length <= maxSuffix) {
                total += e.getValue();
            }
        }
        return total;
    }

    /** Every word with how often it occurs, in the words' sort order (read-only). */
    public Map<String, Integer> counts() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    public int size() {
        return counts.size();
    }
}
