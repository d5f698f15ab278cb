package app.khobor.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the matcher over every labelled pair (src/test/resources/stories). Precision comes first: a
 * wrong merge hides a different event from a reader; a missed merge only costs a second push.
 */
class LabelledSetTest {
    private static final LabelledPairs SET = LabelledPairs.load();

    @Test
    void precision_and_recall_over_the_labelled_pairs() {
        StoryMatcher matcher = SET.matcher();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int negatives = 0;
        List<String> mistakes = new ArrayList<>();
        for (LabelledPairs.Pair pair : SET.pairs()) {
            boolean merged = matcher.compare(terms(pair.a()), terms(pair.b())).sameEvent();
            if (pair.same() && merged) {
                truePositives++;
            } else if (merged) {
                falsePositives++;
                mistakes.add("merged  [" + pair.kind() + "] " + pair.a().title() + " | " + pair.b().title());
            } else if (pair.same()) {
                falseNegatives++;
                mistakes.add("missed  " + pair.a().title() + " | " + pair.b().title());
            }
            negatives += pair.same() ? 0 : 1;
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf(Locale.ROOT, "stories labelled set: %d same-event pairs, %d different; precision %.3f, "
                + "recall %.3f (%d merged wrongly, %d missed)%n", truePositives + falseNegatives, negatives,
                precision, recall, falsePositives, falseNegatives);
        mistakes.forEach(System.out::println);

        assertThat(truePositives + falseNegatives).isGreaterThanOrEqualTo(60);
        assertThat(negatives).isGreaterThanOrEqualTo(400);
        assertThat(precision).isGreaterThanOrEqualTo(0.97);
        assertThat(recall).isGreaterThanOrEqualTo(0.65);
    }

    private static HeadlineTerms terms(LabelledPairs.Headline h) {
        return StoryWords.of(h.title(), h.summary());
    }
}
