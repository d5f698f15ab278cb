package app.khobor.chat;

import app.khobor.db.Database;
import app.khobor.delivery.ChatEvents;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chats, their subscription, keywords and source choices. Limits (keyword length, how many) are the command layer's
 * business; the store only keeps data consistent. Also takes delivery's news about chats (gone, migrated).
 */
public interface ChatStore extends ChatEvents {

    static ChatStore create(Database database, Clock clock) {
        return new SqlChatStore(database, clock);
    }

    /** Records a chat on first contact (not subscribed); later calls only update its kind. */
    void register(long chatId, ChatKind kind);

    /** /start: subscribed from now on, active again if it was gone; keywords and choices stay. */
    void subscribe(long chatId, ChatKind kind);

    /** /stop: no more pushes; keywords and choices stay. @return false when it was not subscribed */
    boolean unsubscribe(long chatId);

    /** Null when the chat never talked to the bot. */
    Chat find(long chatId);

    /** Telegram said the chat is gone: no pushes until a later /start. */
    void deactivate(long chatId, String reason);

    /**
     * Moves everything from {@code oldChatId} to {@code newChatId} (a group became a supergroup). When the new id is
     * already known the two merge: subscribed if either was, earliest subscription time, the union of keywords, and
     * the new chat's own source choices win over the old one's.
     */
    void migrate(long oldChatId, long newChatId);

    /** @return false when a keyword with the same search key is already there */
    boolean addKeyword(long chatId, String keyword);

    /** @return false when no keyword with that search key was there */
    boolean removeKeyword(long chatId, String keyword);

    /** Keywords as typed, oldest first. */
    List<String> keywords(long chatId);

    /** Drops every keyword (back to all headlines). @return the removed keywords as typed */
    List<String> clearKeywords(long chatId);

    void setSourceEnabled(long chatId, String sourceId, boolean enabled);

    Set<String> disabledSources(long chatId);

    /** Source id to the sections the chat narrowed it to (V10); a source not in the map sends every section. */
    default Map<String, Set<String>> chosenSections(long chatId) {
        return Map.of();
    }

    /** Narrows a source to {@code sections} for the chat; an empty set sends every section again. */
    default void setSections(long chatId, String sourceId, Set<String> sections) {
        throw new UnsupportedOperationException("this store keeps no sections");
    }

    ChatCounts counts();

    /** Every active, subscribed chat with what filters its pushes; one load for the whole audience. */
    List<Subscriber> subscribers();

    /** Grows on every change that can alter {@link #subscribers()}; lets caches know when to reload. */
    long version();

    @Override
    default void chatGone(long chatId, String reason) {
        deactivate(chatId, reason);
    }

    @Override
    default void chatMigrated(long oldChatId, long newChatId) {
        migrate(oldChatId, newChatId);
    }
}
