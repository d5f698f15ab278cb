package app.khobor.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The indexed words closest to a word nothing matched ("did you mean"), by edit distance (Levenshtein, on code points)
 * between search keys. Fast on a big vocabulary: words are bucketed by length, only buckets within the distance
 * allowed are read, and each comparison stops as soon as the distance must exceed it. Immutable; build once per
 * vocabulary.
 */
public final class NearestWords {
    /** Words of this many code points or fewer are too short to guess at (every word is near them). */
    private static final int MIN_LENGTH = 2;

    /** Words by length in code points: words[length][i], counts alongside. */
    private final int[][][] words;
    private final int[][] counts;
    private final String[][] keys;

    private NearestWords(int[][][] words, int[][] counts, String[][] keys) {
        this.words = words;
        this.counts = counts;
        this.keys = keys;
    }

    public static NearestWords of(Vocabulary vocabulary) {
        Map<String, Integer> all = vocabulary.counts();
        int longest = 0;
        for (String word : all.keySet()) {
            longest = Math.max(longest, word.codePointCount(0, word.length()));
        }
        List<List<String>> byLength = new ArrayList<>();
        for (int i = 0; i <= longest; i++) {
            byLength.add(new ArrayList<>());
        }
        all.keySet().forEach(word -> byLength.get(word.codePointCount(0, word.length())).add(word));
        int[][][] words = new int[longest + 1][][];
        int[][] counts = new int[longest + 1][];
        String[][] keys = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            List<String> bucket = byLength.get(length);
            words[length] = new int[bucket.size()][];
            counts[length] = new int[bucket.size()];
            keys[length] = bucket.toArray(String[]::new);
            for (int i = 0; i < bucket.size(); i++) {
                words[length][i] = bucket.get(i).codePoints().toArray();
                counts[length][i] = all.get(bucket.get(i));
            }
        }
        return new NearestWords(words, counts, keys);
    }

    /**
     * Up to {@code limit} indexed words nearest to {@code key} (a search key), nearest first, then the most frequent:
     * within one edit for words of up to four letters, two for longer ones. The word itself is never among them.
     */
    public List<String> nearest(String key, int limit) {
        int[] word = key.codePoints().toArray();
        if (word.length <= MIN_LENGTH || limit <= 0) {
            return List.of();
        }
        int max = word.length <= 4 ? 1 : 2;
        record Near(String word, int distance, int count) {}
        List<Near> found = new ArrayList<>();
        // Two rows reused for every comparison: a lookup compares tens of thousands of words.
        int[] previous = new int[word.length + max + 1];
        int[] current = new int[word.length + max + 1];
        for (int length = Math.max(1, word.length - max); length <= word.length + max && length < words.length;
                length++) {
            int[][] bucket = words[length];
            for (int i = 0; i < bucket.length; i++) {
                int distance = distance(word, bucket[i], max, previous, current);
                if (distance > 0 && distance <= max) {
                    found.add(new Near(keys[length][i], distance, counts[length][i]));
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Near::distance).thenComparing(Comparator.comparingInt(Near::count)
                        .reversed()).thenComparing(Near::word))
                .limit(limit).map(Near::word).toList();
    }

    /**
     * Levenshtein distance between a and b, or max + 1 as soon as it must exceed max: only the diagonal band of
     * width 2 * max + 1 is filled, and a row whose every cell is beyond max ends it.
     */
    static int distance(int[] a, int[] b, int max) {
        return distance(a, b, max, new int[b.length + 1], new int[b.length + 1]);
    }

    /** The same in the given rows, each at least {@code b.length + 1} long. */
    private static int distance(int[] a, int[] b, int max, int[] previous, int[] current) {
        if (Math.abs(a.length - b.length) > max) {
            return max + 1;
        }
        int beyond = max + 1;
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j <= max ? j : beyond;
        }
        for (int i = 1; i <= a.length; i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(b.length, i + max);
            current[0] = i <= max ? i : beyond;
            if (from > 1) {
                current[from - 1] = beyond;
            }
            int best = current[0];
            for (int j = from; j <= to; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
                current[j] = Math.min(value, beyond);
                best = Math.min(best, current[j]);
            }
            if (to < b.length) {
                current[to + 1] = beyond;
            }
            if (best > max) {
                return beyond;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length], beyond);
    }
}
