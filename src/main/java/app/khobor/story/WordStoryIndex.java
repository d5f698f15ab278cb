package app.khobor.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The real {@link StoryIndex}: a new headline joins the story it matches most strongly among recent headlines of
 * other sources (see {@link StoryMatcher}), if it matches most of that story's members, else starts its own. Two
 * existing stories are never merged: a story id, once given to a reader, stays.
 * <p>Recent headlines sit in an inverted index, term to the headlines whose title or summary carries it, so a lookup
 * touches only headlines that share a title term with the new one. Terms carried by more than {@link #COMMON_SHARE}
 * of the window (and by at least {@link #COMMON_FLOOR} headlines) are not looked up: they cannot make a match on their
 * own and would make every lookup a scan; they still count as evidence once a candidate is found through another term.
 * Headlines leave the index when their {@code firstSeen} falls out of the window, and the oldest leave first whenever
 * more than {@code capacity} are held, so memory stays bounded however long Khobor runs. Synchronized: one assign
 * against a day's 5,000 headlines takes about half a millisecond (median, {@code bench/run stories}).
 */
public final class WordStoryIndex implements StoryIndex {
    /** The default window: a day's reports of one event arrive within it. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** The default bound on remembered headlines: several busy days of every source. */
    public static final int DEFAULT_CAPACITY = 50_000;
    /** Terms in more than this share of the window are too common to find candidates by. */
    static final double COMMON_SHARE = 0.02;
    /**
     * The share of a title's weight a headline must carry to be compared in full. No match in the labelled set comes
     * near it (a title the other headline explains this little cannot reach {@link StoryMatcher#TITLE_MATCH}).
     */
    static final double CANDIDATE_SHARE = 0.2;
    /** The fewest holders at which a term counts as too common, so a small or quiet window still finds by every term. */
    static final int COMMON_FLOOR = 100;

    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final Map<String, Set<Entry>> byTerm = new HashMap<>();
    /** The remembered members of each story, in the order they came: a story is joined by agreeing with most of them. */
    private final Map<Long, List<Entry>> stories = new HashMap<>();
    private final PriorityQueue<Entry> byAge = new PriorityQueue<>(Comparator.comparing(Entry::firstSeen));
    private final StoryMatcher matcher = new StoryMatcher(new Frequencies());

    /** A remembered headline and the story it belongs to; identity equality keeps the index's sets cheap. */
    private static final class Entry {
        final String sourceId;
        final long storyId;
        final Instant firstSeen;
        final HeadlineTerms terms;

        Entry(StoryCandidate headline, long storyId, HeadlineTerms terms) {
            this.sourceId = headline.sourceId();
            this.storyId = storyId;
            this.firstSeen = headline.firstSeen();
            this.terms = terms;
        }

        Instant firstSeen() {
            return firstSeen;
        }
    }

    public WordStoryIndex(Clock clock) {
        this(clock, DEFAULT_WINDOW, DEFAULT_CAPACITY);
    }

    public WordStoryIndex(Clock clock, Duration window, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("story window must be positive, got " + window);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("story index capacity must be at least 1, got " + capacity);
        }
        this.window = window;
        this.capacity = capacity;
    }

    @Override
    public synchronized long assign(StoryCandidate headline) {
        evictOld();
        matcher.frequenciesChanged();
        HeadlineTerms terms = StoryWords.of(headline.title(), headline.summary());
        long storyId = bestStory(headline, terms);
        remember(new Entry(headline, storyId, terms));
        return storyId;
    }

    @Override
    public synchronized void restore(StoryCandidate headline, long storyId) {
        evictOld();
        HeadlineTerms terms = StoryWords.of(headline.title(), headline.summary());
        remember(new Entry(headline, storyId, terms));
    }

    /** How many headlines the index holds now (for tests and the benchmark). */
    public synchronized int size() {
        return byAge.size();
    }

    /** How many distinct terms the index holds now: bounded with the headlines. */
    public synchronized int terms() {
        return byTerm.size();
    }

    /**
     * The story the headline joins: of the stories whose members it matches, the one it matches most strongly, provided
     * it matches more than half of that story's members from other sources; else a new story of its own.
     * <p>One match alone lets stories drift: a forecast of heavy rain joined a storm warning through a third report that
     * resembled both, and a nomination joined an objection to the nominee's words. The headline's own portal's members
     * do not vote: a portal's second piece on a story is another angle, which the new report need not resemble. Members
     * that are no candidates are compared only while the vote is still open, so most assigns cost no more comparisons
     * than the candidates take.
     */
    private long bestStory(StoryCandidate headline, HeadlineTerms terms) {
        Map<Long, Support> byStory = new HashMap<>();
        Set<Entry> compared = new HashSet<>();
        for (Entry candidate : candidates(headline, terms)) {
            compared.add(candidate);
            StoryMatcher.Evidence evidence = compare(headline, terms, candidate);
            if (evidence.sameEvent()) {
                byStory.computeIfAbsent(candidate.storyId, Support::new).add(evidence.strength());
            }
        }
        List<Support> strongestFirst = new ArrayList<>(byStory.values());
        strongestFirst.sort(Comparator.comparingDouble((Support s) -> s.strongest).reversed());
        for (Support support : strongestFirst) {
            if (mostAgree(headline, terms, support, compared)) {
                return support.storyId;
            }
        }
        return headline.id();
    }

    /** Whether the headline matches more than half of the story's members from other sources. */
    private boolean mostAgree(StoryCandidate headline, HeadlineTerms terms, Support support, Set<Entry> compared) {
        List<Entry> voters = new ArrayList<>();
        for (Entry member : stories.get(support.storyId)) {
            if (!member.sourceId.equals(headline.sourceId())) {
                voters.add(member);
            }
        }
        int matched = support.matched;
        int open = 0;
        for (Entry member : voters) {
            open += compared.contains(member) ? 0 : 1;
        }
        for (Entry member : voters) {
            if (2 * matched > voters.size() || 2 * (matched + open) <= voters.size()) {
                break;
            }
            if (!compared.contains(member)) {
                open--;
                matched += compare(headline, terms, member).sameEvent() ? 1 : 0;
            }
        }
        return 2 * matched > voters.size();
    }

    private StoryMatcher.Evidence compare(StoryCandidate headline, HeadlineTerms terms, Entry other) {
        return matcher.compare(terms, other.terms, Duration.between(other.firstSeen, headline.firstSeen()));
    }

    /** The members of one story the new headline matched among the candidates, and how strongly the best of them. */
    private static final class Support {
        final long storyId;
        int matched;
        double strongest;

        Support(long storyId) {
            this.storyId = storyId;
        }

        void add(double strength) {
            matched++;
            strongest = Math.max(strongest, strength);
        }
    }

    /**
     * Headlines of other sources within the window that carry enough of the title: each less common title term adds
     * its weight to the headlines carrying it, and only those reaching {@link #CANDIDATE_SHARE} of the title's weight
     * are compared in full. One shared word (a common name, a place) thus costs a sum, not a comparison.
     */
    private List<Entry> candidates(StoryCandidate headline, HeadlineTerms terms) {
        int tooCommon = Math.max(COMMON_FLOOR, (int) (byAge.size() * COMMON_SHARE));
        double titleWeight = 0;
        Map<Entry, Double> shared = new HashMap<>();
        for (String term : terms.title()) {
            double weight = matcher.weight(term);
            titleWeight += weight;
            Set<Entry> carrying = byTerm.get(term);
            if (carrying == null || carrying.size() > tooCommon) {
                continue;
            }
            for (Entry entry : carrying) {
                if (!entry.sourceId.equals(headline.sourceId()) && within(entry.firstSeen, headline.firstSeen())) {
                    shared.merge(entry, weight, Double::sum);
                }
            }
        }
        double enough = titleWeight * CANDIDATE_SHARE;
        List<Entry> found = new ArrayList<>();
        shared.forEach((entry, weight) -> {
            if (weight >= enough) {
                found.add(entry);
            }
        });
        return found;
    }

    private boolean within(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(window) <= 0;
    }

    private void remember(Entry entry) {
        byAge.add(entry);
        stories.computeIfAbsent(entry.storyId, id -> new ArrayList<>()).add(entry);
        for (String term : entry.terms.all()) {
            byTerm.computeIfAbsent(term, t -> new HashSet<>()).add(entry);
        }
        while (byAge.size() > capacity) {
            forget(byAge.poll());
        }
    }

    private void evictOld() {
        Instant oldest = clock.instant().minus(window);
        while (!byAge.isEmpty() && byAge.peek().firstSeen.isBefore(oldest)) {
            forget(byAge.poll());
        }
    }

    private void forget(Entry entry) {
        List<Entry> members = stories.get(entry.storyId);
        members.remove(entry);
        if (members.isEmpty()) {
            stories.remove(entry.storyId);
        }
        for (String term : entry.terms.all()) {
            Set<Entry> carrying = byTerm.get(term);
            if (carrying != null) {
                carrying.remove(entry);
                if (carrying.isEmpty()) {
                    byTerm.remove(term);
                }
            }
        }
    }

    /** Document frequencies over the window, read off the inverted index; the new headline counts as one more. */
    private final class Frequencies implements StoryMatcher.Frequencies {
        @Override
        public int headlines() {
            return byAge.size() + 1;
        }

        @Override
        public int containing(String term) {
            Set<Entry> carrying = byTerm.get(term);
            return (carrying == null ? 0 : carrying.size()) + 1;
        }
    }
}
