package app.khobor.story;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides whether two headlines report the same event, from their terms and how rare each term is among recent
 * headlines (a name or a place weighs more than "বাংলাদেশ").
 * <p>The evidence is how much of each title the other headline explains: the weighted share of a title's terms found
 * in the other's title or summary start. Two reports of one event explain each other's titles; two events that share
 * a person or a place leave each title's other names unexplained (a Jubo League leader arrested in Kawkhali and one
 * arrested in Rangunia). A headline whose title another barely explains still joins when their summaries agree
 * closely, and reports first seen within the hour of each other need less: portals cover a fresh event at once, each
 * from its own angle. Different numbers in both titles (a toll of 265 and one of 250, 126 workers and 460) mean
 * different reports.
 * Thresholds were set on the labelled pairs under src/test/resources/stories, precision first.
 */
final class StoryMatcher {
    /** Title evidence alone that makes a match. */
    static final double TITLE_MATCH = 0.55;
    /** Summary likeness (cosine over title and summary terms) that makes a match with some title evidence... */
    static final double SUMMARY_MATCH = 0.35;
    /** ...this much of it. */
    static final double TITLE_WITH_SUMMARY = 0.3;
    /**
     * Portals report a fresh event within the hour, each from its own angle (one counts the wickets at lunch, another
     * praises the bowlers); two different events that share their words rarely come that close together. Reports this
     * close in time...
     */
    static final Duration CLOSE_IN_TIME = Duration.ofHours(1);
    /**
     * ...match on this much title and summary evidence together ({@link Evidence#strength()}): among labelled pairs
     * within the hour whose titles share two terms, the same-event ones reach 0.42, the different ones at most 0.35...
     */
    static final double STRENGTH_CLOSE = 0.4;
    /** ...when their titles share at least this many terms (one shared word is a topic, not an event). */
    static final int CLOSE_SHARED_TERMS = 2;

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
     * @param closeInTime    first seen within {@link #CLOSE_IN_TIME} of each other
     * @param sharedTerms    how many title terms the two titles share
     */
    record Evidence(double title, double summary, boolean numbersDiffer, boolean closeInTime, int sharedTerms) {
        boolean sameEvent() {
            return sameEvent(STRENGTH_CLOSE);
        }

        /** {@link #sameEvent()} with another {@link #STRENGTH_CLOSE}: the test that sets it on held-out pairs. */
        boolean sameEvent(double strengthClose) {
            return !numbersDiffer && (title >= TITLE_MATCH || (summary >= SUMMARY_MATCH && title >= TITLE_WITH_SUMMARY)
                    || (closeInTime && strength() >= strengthClose && sharedTerms >= CLOSE_SHARED_TERMS));
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

    /** Compares two headlines first seen {@code apart} from each other. */
    Evidence compare(HeadlineTerms a, HeadlineTerms b, Duration apart) {
        double ab = coverage(a, b);
        double ba = coverage(b, a);
        double title = (2 * Math.min(ab, ba) + Math.max(ab, ba)) / 3;
        boolean numbersDiffer = !a.numbers().isEmpty() && !b.numbers().isEmpty()
                && a.numbers().stream().noneMatch(b.numbers()::contains);
        int shared = 0;
        for (String term : a.title()) {
            shared += b.title().contains(term) ? 1 : 0;
        }
        boolean close = apart.abs().compareTo(CLOSE_IN_TIME) <= 0;
        // Likeness of whole texts is evidence only where both carry a summary: two titles alone that share their words
        // are as often two events of one topic (measured on the labelled set without summaries: precision fell to
        // 0.78 when the titles' cosine stood in for it).
        double summary = hasSummary(a) && hasSummary(b) ? cosine(a, b) : 0;
        return new Evidence(title, summary, numbersDiffer, close, shared);
    }

    private static boolean hasSummary(HeadlineTerms h) {
        return h.all().size() > h.title().size();
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
