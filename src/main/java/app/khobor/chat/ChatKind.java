package app.khobor.chat;

/** Telegram chat types; groups have their own per-minute sending limit. */
public enum ChatKind {
    PRIVATE, GROUP, SUPERGROUP, CHANNEL;

    public boolean isGroup() {
        return this != PRIVATE;
    }
}
