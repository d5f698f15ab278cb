package app.khobor.delivery;

/**
 * A chat that should receive a headline.
 *
 * @param group a group, supergroup or channel: Telegram's per-group limit (20 a minute) applies on top of the per-chat one
 */
public record Recipient(long chatId, boolean group) {}
