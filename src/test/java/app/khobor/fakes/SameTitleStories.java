package app.khobor.fakes;

import app.khobor.story.StoryCandidate;
import app.khobor.story.StoryIndex;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A story index whose rule a test controls: a headline joins the story of an earlier headline of another source
 * with the very same title, first seen within a day. Stands in for the real matcher, so tests of what is built
 * around stories do not depend on its judgement.
 */
public final class SameTitleStories implements StoryIndex {
    private static final Duration WINDOW = Duration.ofHours(24);

    private record Story(long id, StoryCandidate first, Set<String> sources) {}

    private final Map<String, Story> byTitle = new HashMap<>();

    @Override
    public synchronized long assign(StoryCandidate headline) {
        Story story = byTitle.get(headline.title());
        if (story != null && !story.sources().contains(headline.sourceId())
                && !headline.firstSeen().isAfter(story.first().firstSeen().plus(WINDOW))) {
            story.sources().add(headline.sourceId());
            return story.id();
        }
        byTitle.put(headline.title(), new Story(headline.id(), headline, new HashSet<>(Set.of(headline.sourceId()))));
        return headline.id();
    }

    @Override
    public synchronized void restore(StoryCandidate headline, long storyId) {
        Story story = byTitle.get(headline.title());
        if (story != null && story.id() == storyId) {
            story.sources().add(headline.sourceId());
        } else if (storyId == headline.id()) {
            byTitle.put(headline.title(), new Story(storyId, headline, new HashSet<>(Set.of(headline.sourceId()))));
        }
    }
}
