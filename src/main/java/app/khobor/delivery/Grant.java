package app.khobor.delivery;

import java.time.Duration;

/** The rate limiter's answer: go now, or how long to wait and whose limit is in the way. */
public sealed interface Grant {
    /** The send may start now; call {@link Permit#done()} when Telegram answered. */
    record Granted(Permit permit) implements Grant {}

    /** This chat (its per-chat or group window, or a 429 penalty) must wait; other chats may go. */
    record ChatWait(Duration delay) implements Grant {}

    /** The bot-wide budget is used up; nothing may go for this long (or until a send in flight completes). */
    record GlobalWait(Duration delay) implements Grant {}
}
