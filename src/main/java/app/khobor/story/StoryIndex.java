package app.khobor.story;

/**
 * Assigns each new headline to a story: the story of an earlier headline from another source within the window when
 * it reports the same event, else a new story named by its own id. Thread-safe; memory bounded by the window.
 */
public interface StoryIndex {
    /** The story id of a new headline (an earlier headline's story id, or {@code headline.id()}); remembered. */
    long assign(StoryCandidate headline);

    /** Remembers a headline whose story was assigned before (at start, from the history), without matching it. */
    void restore(StoryCandidate headline, long storyId);
}
