package app.khobor.delivery;

import java.time.Instant;

/** Each chat's {@link PushStyle}; asked just before each push, so a changed setting covers what is already queued. */
@FunctionalInterface
public interface PushStyles {
    PushStyles DEFAULT = (chatId, now) -> PushStyle.DEFAULT;

    PushStyle of(long chatId, Instant now);
}
