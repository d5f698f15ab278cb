package app.khobor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NearestWordsTest {
    @Test
    void distance_counts_insertions_deletions_and_substitutions_on_code_points() {
        assertThat(distance("ঢাকা", "ঢাকা", 2)).isZero();
        assertThat(distance("ঢাকা", "ঢাকায়", 2)).isEqualTo(2); // য and ় (nukta) are two code points
        assertThat(distance("kitten", "sitting", 3)).isEqualTo(3);
        assertThat(distance("flaw", "lawn", 2)).isEqualTo(2);
        assertThat(distance("", "abc", 3)).isEqualTo(3);
    }

    @Test
    void distance_stops_at_max_plus_one() {
        assertThat(distance("kitten", "sitting", 2)).isEqualTo(3);
        assertThat(distance("abcdef", "uvwxyz", 1)).isEqualTo(2);
        assertThat(distance("a", "abcdef", 2)).isEqualTo(3);
    }

    @Test
    void nearest_words_come_nearest_first_then_most_frequent_and_never_the_word_itself() {
        Vocabulary vocabulary = Vocabulary.fromTitles(List.of(
                "নির্বাচন নির্বাচন নির্বাচন", "নির্বাচনে", "নির্বাচক", "সরকার", "সরকারি", "সরকার"));
        NearestWords near = NearestWords.of(vocabulary);

        assertThat(near.nearest("নির্বাচোন", 3)).containsExactly("নির্বাচন", "নির্বাচক", "নির্বাচনে");
        assertThat(near.nearest("শরকার", 3)).containsExactly("সরকার", "সরকারি");
        assertThat(near.nearest("সরকার", 3)).containsExactly("সরকারি");
        assertThat(near.nearest("খেলাধুলা", 3)).isEmpty();
    }

    @Test
    void short_words_get_no_guesses_and_four_letter_words_one_edit() {
        NearestWords near = NearestWords.of(Vocabulary.fromTitles(List.of("ab abcd abxy")));

        assertThat(near.nearest("ac", 3)).isEmpty();
        assertThat(near.nearest("abce", 3)).containsExactly("abcd");
    }

    @Test
    void the_bounded_search_finds_what_a_full_scan_finds_on_the_fixture_vocabulary() {
        Vocabulary vocabulary = FixtureTitles.vocabulary();
        NearestWords near = NearestWords.of(vocabulary);
        List<String> probes = new ArrayList<>();
        int i = 0;
        for (String word : vocabulary.counts().keySet()) {
            if (i++ % 23 == 0 && word.codePointCount(0, word.length()) > 2) {
                // A typo: the second code point doubled, the last dropped.
                int[] cps = word.codePoints().toArray();
                StringBuilder typo = new StringBuilder().appendCodePoint(cps[0]).appendCodePoint(cps[1]);
                for (int k = 1; k < cps.length - 1; k++) {
                    typo.appendCodePoint(cps[k]);
                }
                probes.add(typo.toString());
            }
        }
        assertThat(probes).hasSizeGreaterThan(40);
        for (String probe : probes) {
            assertThat(near.nearest(probe, 3)).as(probe).isEqualTo(fullScan(vocabulary, probe, 3));
        }
    }

    private static List<String> fullScan(Vocabulary vocabulary, String word, int limit) {
        int[] w = word.codePoints().toArray();
        int max = w.length <= 4 ? 1 : 2;
        record Near(String word, int distance, int count) {}
        List<Near> all = new ArrayList<>();
        for (Map.Entry<String, Integer> e : vocabulary.counts().entrySet()) {
            int d = plainLevenshtein(w, e.getKey().codePoints().toArray());
            if (d > 0 && d <= max) {
                all.add(new Near(e.getKey(), d, e.getValue()));
            }
        }
        all.sort(java.util.Comparator.comparingInt(Near::distance)
                .thenComparing(java.util.Comparator.comparingInt(Near::count).reversed()).thenComparing(Near::word));
        return all.stream().limit(limit).map(Near::word).toList();
    }

    private static int plainLevenshtein(int[] a, int[] b) {
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                d[i][j] = Math.min(d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1),
                        Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        return d[a.length][b.length];
    }

    private static int distance(String a, String b, int max) {
        return NearestWords.distance(a.codePoints().toArray(), b.codePoints().toArray(), max);
    }
}
