package app.khobor.story;

import java.time.Instant;

/**
 * A headline as story matching sees it.
 *
 * @param id        the headline's database id; a story is named by the id of its first headline
 * @param sourceId  headlines of one source never join each other's stories (a portal does not repeat itself)
 * @param title     the display title
 * @param summary   the description or summary the feed carried, or null
 * @param firstSeen when Khobor first read it; the matching window is measured on this
 */
public record StoryCandidate(long id, String sourceId, String title, String summary, Instant firstSeen) {}
