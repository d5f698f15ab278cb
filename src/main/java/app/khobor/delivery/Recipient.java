package app.khobor.delivery;

import app.khobor.chat.ChatKind;

/** A chat that should receive a headline; the kind decides which rate limits apply. */
public record Recipient(long chatId, ChatKind kind) {}
