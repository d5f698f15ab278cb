package app.khobor.story;

/** Every headline its own story: what Khobor did before stories, and what a test wants when merging is not its subject. */
public final class SoloStories implements StoryIndex {
    @Override
    public long assign(StoryCandidate headline) {
        return headline.id();
    }

    @Override
    public void restore(StoryCandidate headline, long storyId) {
        // Nothing to remember: no headline ever joins another's story.
    }
}
