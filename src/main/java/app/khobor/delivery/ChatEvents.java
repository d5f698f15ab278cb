package app.khobor.delivery;

/** What delivery learns about chats from Telegram's answers; the chat store acts on it. */
public interface ChatEvents {
    /** Blocked, kicked, deactivated or not found: mark inactive. */
    void chatGone(long chatId, String reason);

    /** The group became a supergroup: move subscription, keywords and choices to the new id. */
    void chatMigrated(long oldChatId, long newChatId);
}
