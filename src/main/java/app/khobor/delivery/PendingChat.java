package app.khobor.delivery;

import java.time.Instant;

/** A chat with pending deliveries, as the outbox pages them: no rows, no text. */
public record PendingChat(long chatId, boolean group, Instant notBefore) {}
