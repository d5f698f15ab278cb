package app.khobor.chat;

import java.time.Instant;

/**
 * A chat as stored.
 *
 * @param active       false once Telegram said the chat is gone (blocked, kicked, not found)
 * @param subscribed   between /start and /stop; pushes need both active and subscribed
 * @param subscribedAt the last /start, null when never subscribed
 */
public record Chat(long id, ChatKind kind, boolean active, boolean subscribed, Instant subscribedAt) {
    public boolean receivesPushes() {
        return active && subscribed;
    }
}
