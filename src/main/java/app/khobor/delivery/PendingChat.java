package app.khobor.delivery;

import app.khobor.chat.ChatKind;
import java.time.Instant;

/** A chat with pending deliveries, as the outbox pages them: no rows, no text. */
public record PendingChat(long chatId, ChatKind kind, Instant notBefore) {}
