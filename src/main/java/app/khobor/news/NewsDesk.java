package app.khobor.news;

import app.khobor.source.Headline;
import app.khobor.story.SoloStories;
import app.khobor.story.StoryCandidate;
import app.khobor.story.StoryIndex;
import app.khobor.text.BengaliText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a source shows into what is new: canonicalises links, skips what the history already knows, stores the
 * rest, and hands back the new headlines in page order.
 *
 * <p>The first successful read of a source is its baseline: everything on it is stored and nothing is announced,
 * so adding a source (or starting on an empty database) never floods readers with old news. Position on the page
 * means nothing: a link already known is never new again, however the page is reordered, whether or not it is still
 * in the seen-cache, and across restarts. Retention never forgets a link a source still shows: every read refreshes
 * the last-seen time of all its links, and history is purged by that time.
 *
 * <p>Safe to call for different sources in parallel. Two calls for the same source at once cannot announce one
 * headline twice either: the database stores each (source, canonical URL) once and only the call that stored it
 * returns it.
 */
public final class NewsDesk {
    private static final Logger log = LoggerFactory.getLogger(NewsDesk.class);
    /** How long history is kept unless configured otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    /**
     * How far the stored last-seen time of a link may lag behind the last read that showed it. Rewriting it on every
     * poll would cost one row write per link shown, several times the cost of a round that writes nothing (StoreBench,
     * "every last-seen time due"); once an hour, that cost comes once an hour.
     */
    static final Duration LAST_SEEN_PRECISION = Duration.ofHours(1);

    private final HeadlineHistory history;
    private final SourceReadState reads;
    private final SeenCache seen;
    private final Clock clock;
    private final StoryIndex stories;

    /** Every headline its own story. */
    public NewsDesk(HeadlineHistory history, SourceReadState reads, SeenCache seen, Clock clock) {
        this(history, reads, seen, clock, new SoloStories());
    }

    /** @param stories assigns each stored headline (baselines too: a later copy may join them) to a story */
    public NewsDesk(HeadlineHistory history, SourceReadState reads, SeenCache seen, Clock clock, StoryIndex stories) {
        this.history = history;
        this.reads = reads;
        this.seen = seen;
        this.clock = clock;
        this.stories = stories;
    }

    /**
     * Fills the story index with the headlines first seen within {@code window} and the stories they were stored in,
     * so a restart keeps merging into the same stories. Returns how many were restored.
     */
    public int restoreStories(Duration window) {
        List<StoredHeadline> recent = history.firstSeenSince(clock.instant().minus(window));
        for (StoredHeadline h : recent) {
            stories.restore(candidate(h), h.storyId());
        }
        return recent.size();
    }

    /**
     * Accepts one successful read of a source.
     *
     * @return the headlines never seen before, in page order; empty for the baseline read
     */
    public List<StoredHeadline> accept(String sourceId, List<Headline> read) {
        boolean baseline = !reads.wasRead(sourceId);
        if (baseline && read.isEmpty()) {
            // An empty first read (a CMS glitch) is no baseline: the feed filling up later would look all new.
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, Headline> byUrl = byCanonicalUrl(read);
        List<StoredHeadline> stored = assignStories(history.insertAll(unseen(sourceId, byUrl), now, !baseline), byUrl);
        stored.forEach(h -> seen.remember(h.sourceId(), h.canonicalUrl(), now));
        keepShown(sourceId, byUrl.keySet(), now);
        // marked after storing: a crash in between repeats the baseline, which stores nothing twice and announces nothing
        reads.markRead(sourceId, now);
        return baseline ? List.of() : stored;
    }

    /**
     * Asks the story index for each stored headline's story (it needs the database id, so after the insert) and
     * stores those that joined an earlier headline's story. A crash in between leaves them their own stories: a reader
     * may then get a copy twice, never miss one. A failing matcher is logged and changes nothing: news goes on.
     */
    private List<StoredHeadline> assignStories(List<StoredHeadline> stored, Map<String, Headline> read) {
        Map<Long, Long> joined = new HashMap<>();
        List<StoredHeadline> assigned = new ArrayList<>(stored.size());
        for (StoredHeadline h : stored) {
            Headline asRead = read.get(h.canonicalUrl());
            long story = storyOf(h, asRead == null ? null : asRead.summary());
            if (story != h.id()) {
                joined.put(h.id(), story);
            }
            assigned.add(h.inStory(story));
        }
        history.joinStories(joined);
        return assigned;
    }

    /** @param summary the feed's description of it, which the matcher reads beside the title; null when none */
    private long storyOf(StoredHeadline h, String summary) {
        try {
            return stories.assign(new StoryCandidate(h.id(), h.sourceId(), h.title(), summary, h.firstSeen()));
        } catch (RuntimeException e) {
            log.error("story matching failed for headline {} of {}; it stays its own story", h.id(), h.sourceId(), e);
            return h.id();
        }
    }

    private static StoryCandidate candidate(StoredHeadline h) {
        return new StoryCandidate(h.id(), h.sourceId(), h.title(), null, h.firstSeen());
    }

    /**
     * Moves the last-seen time of every link the read showed, so retention keeps it however old it is: purged, it
     * would be announced again after a restart. Only links whose time is more than {@link #LAST_SEEN_PRECISION} behind
     * are written, so the common poll writes nothing; the purge allows for that lag.
     */
    private void keepShown(String sourceId, Set<String> shown, Instant now) {
        List<String> due = seen.seenBefore(sourceId, shown, now.minus(LAST_SEEN_PRECISION));
        if (!due.isEmpty()) {
            history.markSeen(sourceId, due, now);
            due.forEach(url -> seen.remember(sourceId, url, now));
        }
    }

    /**
     * Deletes the headlines no read has shown for longer than {@code retention} (plus up to
     * {@link #LAST_SEEN_PRECISION}); returns how many went. A headline a source still lists is kept however long ago it
     * was first seen.
     */
    public int purgeOlderThan(Duration retention) {
        return history.purgeBefore(clock.instant().minus(retention).minus(LAST_SEEN_PRECISION));
    }

    /** The page's links by canonical URL, each once (pages link one article many times), first occurrence wins. */
    private static Map<String, Headline> byCanonicalUrl(List<Headline> read) {
        Map<String, Headline> byUrl = new LinkedHashMap<>();
        for (Headline h : read) {
            byUrl.putIfAbsent(CanonicalUrl.of(h.url()), h);
        }
        return byUrl;
    }

    /** The page's headlines not known yet, in page order. */
    private List<NewHeadline> unseen(String sourceId, Map<String, Headline> byUrl) {
        List<NewHeadline> unseen = new ArrayList<>();
        byUrl.forEach((canonical, h) -> {
            if (!seen.isKnown(sourceId, canonical)) {
                unseen.add(new NewHeadline(ofSource(sourceId, h), canonical, BengaliText.searchKey(h.title())));
            }
        });
        return unseen;
    }

    /** The history files a headline under the source that was read, whatever the parser put in the record. */
    private static Headline ofSource(String sourceId, Headline h) {
        return sourceId.equals(h.sourceId()) ? h : new Headline(sourceId, h.title(), h.url(), h.publishedAt(), h.category());
    }
}
