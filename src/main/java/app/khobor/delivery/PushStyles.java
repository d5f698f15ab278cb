package app.khobor.delivery;

import java.time.Duration;
import java.time.Instant;

/** Each chat's {@link PushStyle}; asked just before each push, so a changed setting covers what is already queued. */
@FunctionalInterface
public interface PushStyles {
    PushStyles DEFAULT = (chatId, now) -> PushStyle.DEFAULT;

    PushStyle of(long chatId, Instant now);

    /**
     * When a headline queued at {@code enqueuedAt} was (or will be) let go by the chat's own schedule: the next batch,
     * or the end of quiet hours that hold pushes. Staleness ({@code delivery.maxAge}) counts from here, so a push the
     * chat asked to hold is not dropped while held. At most {@link #MAX_HOLD} after {@code enqueuedAt}.
     */
    default Instant releaseOf(long chatId, Instant enqueuedAt) {
        return enqueuedAt;
    }

    /** The longest a chat's schedule holds a push (twice-daily digests: twelve hours). */
    Duration MAX_HOLD = Duration.ofHours(12);
}
