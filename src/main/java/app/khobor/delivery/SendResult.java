package app.khobor.delivery;

import java.time.Duration;

/** How Telegram answered one request, reduced to what the sender must do next. */
public sealed interface SendResult {
    /** Accepted. */
    record Sent(long messageId) implements SendResult {}

    /** 429: wait this long, then resend. */
    record RetryAfter(Duration delay) implements SendResult {}

    /** 403 blocked/kicked/deactivated or 400 chat not found: stop sending to this chat. */
    record ChatGone(String description) implements SendResult {}

    /** 400 with migrate_to_chat_id: the group became a supergroup with this id. */
    record Migrated(long newChatId) implements SendResult {}

    /** 400 can't parse entities: our bug; resend as plain text. */
    record BadMarkup(String description) implements SendResult {}

    /** Other 4xx: resending will not help. */
    record Rejected(String description) implements SendResult {}

    /** 5xx, timeout, network: retry with backoff. */
    record TransientFailure(String description) implements SendResult {}
}
