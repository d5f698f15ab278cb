package app.khobor.text;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.source.Headline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Latin-script queries drawn from the real fixture headlines, each with the Bengali words a reader means. Searched
 * against a vocabulary of all fixture titles; the first page (10, newest first) is scored against the titles that
 * hold one of the meant words (prefix-matched, as search does).
 */
class BanglishCasesTest {
    private static final int PAGE = 10;

    /** Tuned on: the choices below were looked at while writing the phonetic tables. */
    private static final Map<String, List<String>> TUNED = cases(
            "dhaka", "\u09A2\u09BE\u0995\u09BE", "nirbachon", "\u09A8\u09BF\u09B0\u09CD\u09AC\u09BE\u099A\u09A8", "bnp", "\u09AC\u09BF\u098F\u09A8\u09AA\u09BF", "awami", "\u0986\u0993\u09AF\u09BC\u09BE\u09AE\u09C0", "sarkar", "\u09B8\u09B0\u0995\u09BE\u09B0",
            "police", "\u09AA\u09C1\u09B2\u09BF\u09B6", "bishwa", "\u09AC\u09BF\u09B6\u09CD\u09AC", "biswa", "\u09AC\u09BF\u09B6\u09CD\u09AC", "cricket", "\u0995\u09CD\u09B0\u09BF\u0995\u09C7\u099F", "trump", "\u099F\u09CD\u09B0\u09BE\u09AE\u09CD\u09AA",
            "israel", "\u0987\u09B8\u09B0\u09BE\u09AF\u09BC\u09C7\u09B2", "bangladesh", "\u09AC\u09BE\u0982\u09B2\u09BE\u09A6\u09C7\u09B6", "prothom", "\u09AA\u09CD\u09B0\u09A5\u09AE", "shikkha", "\u09B6\u09BF\u0995\u09CD\u09B7\u09BE",
            "jamaat", "\u099C\u09BE\u09AE\u09BE\u09AF\u09BC\u09BE\u09A4", "ssc", "\u098F\u09B8\u098F\u09B8\u09B8\u09BF", "khela", "\u0996\u09C7\u09B2\u09BE", "sheikh", "\u09B6\u09C7\u0996", "hasina", "\u09B9\u09BE\u09B8\u09BF\u09A8\u09BE",
            "tarek", "\u09A4\u09BE\u09B0\u09C7\u0995", "rahman", "\u09B0\u09B9\u09AE\u09BE\u09A8", "jubodol", "\u09AF\u09C1\u09AC\u09A6\u09B2", "chhatradal", "\u099B\u09BE\u09A4\u09CD\u09B0\u09A6\u09B2", "gonovote", "\u0997\u09A3\u09AD\u09CB\u099F",
            "prodhanmontri", "\u09AA\u09CD\u09B0\u09A7\u09BE\u09A8\u09AE\u09A8\u09CD\u09A4\u09CD\u09B0\u09C0", "bishesh", "\u09AC\u09BF\u09B6\u09C7\u09B7", "mirza", "\u09AE\u09BF\u09B0\u09CD\u099C\u09BE", "fakhrul", "\u09AB\u0996\u09B0\u09C1\u09B2",
            "dam", "\u09A6\u09BE\u09AE", "gaza", "", "chittagong", "");

    /** Held out: written down before running, never tuned on. */
    private static final Map<String, List<String>> HELD_OUT = cases(
            "rajniti", "\u09B0\u09BE\u099C\u09A8\u09C0\u09A4\u09BF", "ain", "\u0986\u0987\u09A8", "adalat", "\u0986\u09A6\u09BE\u09B2\u09A4", "mamla", "\u09AE\u09BE\u09AE\u09B2\u09BE", "hotya", "\u09B9\u09A4\u09CD\u09AF\u09BE",
            "upodeshta", "\u0989\u09AA\u09A6\u09C7\u09B7\u09CD\u099F\u09BE", "sangsad", "\u09B8\u0982\u09B8\u09A6", "school", "\u09B8\u09CD\u0995\u09C1\u09B2", "bazar", "\u09AC\u09BE\u099C\u09BE\u09B0", "shishu", "\u09B6\u09BF\u09B6\u09C1");

    private final Vocabulary vocabulary = FixtureTitles.vocabulary();
    private final BanglishQuery query = new BanglishQuery(vocabulary);

    @Test
    void tuned_latin_words_resolve_to_the_bengali_words_meant() {
        SoftAssertions soft = new SoftAssertions();
        TUNED.forEach((latin, meant) -> {
            List<String> chosen = chosen(latin);
            if (meant.isEmpty()) {
                soft.assertThat(chosen).as(latin).isEqualTo(List.of(latin));
            } else {
                soft.assertThat(chosen).as(latin).contains(meant.get(0));
            }
        });
        soft.assertAll();
    }

    @Test
    void tuned_first_pages_have_recall_085_and_precision_090() {
        Score score = score(TUNED, "tuned");
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.85);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void held_out_figures_are_reported() {
        Score score = score(HELD_OUT, "held-out");
        assertThat(score.shown()).isPositive();
    }

    private List<String> chosen(String latin) {
        return query.expand(List.of(latin)).get(latin);
    }

    private Score score(Map<String, List<String>> cases, String name) {
        int found = 0;
        int wanted = 0;
        int shown = 0;
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            List<String> chosen = chosen(c.getKey());
            List<Headline> truth = matching(c.getValue());
            List<Headline> page = matching(chosen).stream().limit(PAGE).toList();
            int hits = (int) page.stream().filter(truth::contains).count();
            found += hits;
            wanted += Math.min(truth.size(), PAGE);
            shown += page.size();
            System.out.printf("%s %-14s -> %s: %d/%d shown match, %d of %d wanted%n",
                    name, c.getKey(), chosen, hits, page.size(), hits, Math.min(truth.size(), PAGE));
        }
        Score score = new Score(found, wanted, shown);
        System.out.printf("%s: recall %.3f precision %.3f over %d cases%n", name, score.recall(), score.precision(), cases.size());
        return score;
    }

    /** Fixture headlines, newest first, with a word starting with one of these words. */
    private static List<Headline> matching(List<String> words) {
        return FixtureTitles.headlines().stream()
                .filter(h -> words.stream().anyMatch(w -> BengaliText.matchesAll(BengaliText.words(h.title()), List.of(w))))
                .toList();
    }

    private record Score(int found, int wanted, int shown) {
        double recall() {
            return wanted == 0 ? 1 : (double) found / wanted;
        }

        double precision() {
            return shown == 0 ? 1 : (double) found / shown;
        }
    }

    /** Pairs of Latin word and the Bengali word meant ("" when the fixtures have nothing for it). */
    private static Map<String, List<String>> cases(String... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1].isEmpty() ? List.of() : List.of(BengaliText.searchKey(pairs[i + 1])));
        }
        return out;
    }
}
