package app.khobor.chat;

import java.util.List;

/** The bot's side of the conversation: what it does with each update, and the commands it offers. */
public interface IncomingHandler {
    /** Receives every update. Must not throw: one bad update never stops the bot. */
    void handle(Incoming update);

    /** The command menu for Telegram to show; empty for none. */
    default List<MenuEntry> menu() {
        return List.of();
    }
}
