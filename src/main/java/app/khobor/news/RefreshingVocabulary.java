package app.khobor.news;

import app.khobor.text.Vocabulary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A vocabulary that stays fresh without being rebuilt per query: built on first use, then rebuilt on access once it
 * is older than the interval (or while it is still empty, so the first headlines count at once). Thread-safe.
 */
public final class RefreshingVocabulary implements Supplier<Vocabulary> {
    /** How stale the vocabulary of the stored headlines may get. */
    public static final Duration EVERY = Duration.ofMinutes(5);

    private final Supplier<Vocabulary> build;
    private final Duration every;
    private final Clock clock;
    private Vocabulary current;
    private Instant builtAt;

    public RefreshingVocabulary(Supplier<Vocabulary> build, Duration every, Clock clock) {
        this.build = Objects.requireNonNull(build);
        this.every = Objects.requireNonNull(every);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The vocabulary of the newest stored titles, refreshed every {@link #EVERY}. */
    public static RefreshingVocabulary of(HeadlineHistory history, Clock clock) {
        return new RefreshingVocabulary(() -> HeadlineVocabulary.of(history, HeadlineVocabulary.TITLES), EVERY, clock);
    }

    @Override
    public synchronized Vocabulary get() {
        Instant now = clock.instant();
        if (current == null || current.size() == 0 || !now.isBefore(builtAt.plus(every))) {
            current = build.get();
            builtAt = now;
        }
        return current;
    }
}
