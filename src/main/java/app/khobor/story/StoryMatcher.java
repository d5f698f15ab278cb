package app.khobor.story;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides whether two headlines report the same event, from their terms and how rare each term is among recent
 * headlines (a name or a place weighs more than "বাংলাদেশ").
 * <p>The evidence is how much of each title the other headline explains: the weighted share of a title's terms found
 * in the other's title or summary start. Two reports of one event explain each other's titles; two events that share
 * a person or a place leave each title's other names unexplained (a Jubo League leader arrested in Kawkhali and one
 * arrested in Rangunia). A headline whose title another barely explains still joins when their summaries agree
 * closely. Different numbers in both titles (a toll of 265 and one of 250, 126 workers and 460) mean different reports.
 * Thresholds were set on the labelled pairs under src/test/resources/stories, precision first.
 */
final class StoryMatcher {
    /** Title evidence alone that makes a match. */
    static final double TITLE_MATCH = 0.55;
    /** Summary likeness (cosine over title and summary terms) that makes a match with some title evidence... */
    static final double SUMMARY_MATCH = 0.35;
    /** ...this much of it. */
    static final double TITLE_WITH_SUMMARY = 0.3;

    /** How many recent headlines there are and how many carry a term. */
    interface Frequencies {
        int headlines();

        int containing(String term);
    }

    /**
     * What the matcher found.
     *
     * @param title          both titles' coverage by the other headline, the weaker counting twice (0..1)
     * @param summary        cosine likeness of title-and-summary terms (0..1)
     * @param numbersDiffer  both titles carry numbers and share none
     */
    record Evidence(double title, double summary, boolean numbersDiffer) {
        boolean sameEvent() {
            return !numbersDiffer && (title >= TITLE_MATCH || (summary >= SUMMARY_MATCH && title >= TITLE_WITH_SUMMARY));
        }

        /** Orders matching candidates: the best explained one wins. */
        double strength() {
            return title + summary;
        }
    }

    private final Frequencies frequencies;
    /** Weights computed since the frequencies last changed: one assign weighs the same terms for many candidates. */
    private final Map<String, Double> weights = new HashMap<>();

    StoryMatcher(Frequencies frequencies) {
        this.frequencies = frequencies;
    }

    /** Drops the remembered weights; call when headlines came or went. Not thread-safe: the caller serialises. */
    void frequenciesChanged() {
        weights.clear();
    }

    Evidence compare(HeadlineTerms a, HeadlineTerms b) {
        double ab = coverage(a, b);
        double ba = coverage(b, a);
        double title = (2 * Math.min(ab, ba) + Math.max(ab, ba)) / 3;
        boolean numbersDiffer = !a.numbers().isEmpty() && !b.numbers().isEmpty()
                && a.numbers().stream().noneMatch(b.numbers()::contains);
        return new Evidence(title, cosine(a, b), numbersDiffer);
    }

    /** Inverse document frequency: a term in every headline weighs about nothing, one in a single headline the most. */
    double weight(String term) {
        Double known = weights.get(term);
        if (known == null) {
            known = Math.max(0, Math.log((frequencies.headlines() + 1.0) / (frequencies.containing(term) + 0.5)));
            weights.put(term, known);
        }
        return known;
    }

    /** The weighted share of {@code a}'s title terms that {@code b} mentions in its title or summary. */
    private double coverage(HeadlineTerms a, HeadlineTerms b) {
        double total = 0;
        double found = 0;
        for (String term : a.title()) {
            double w = weight(term);
            total += w;
            if (b.all().contains(term)) {
                found += w;
            }
        }
        return total > 0 ? found / total : 0;
    }

    private double cosine(HeadlineTerms a, HeadlineTerms b) {
        double shared = 0;
        double normA = 0;
        for (String term : a.all()) {
            double w2 = square(weight(term));
            normA += w2;
            if (b.all().contains(term)) {
                shared += w2;
            }
        }
        double normB = 0;
        for (String term : b.all()) {
            normB += square(weight(term));
        }
        return normA > 0 && normB > 0 ? shared / Math.sqrt(normA * normB) : 0;
    }

    private static double square(double x) {
        return x * x;
    }
}
