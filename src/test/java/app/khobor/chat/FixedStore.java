package app.khobor.chat;

import java.util.List;
import java.util.Set;

/** A read-only store with a given subscriber list, for audience sizes a test database would be slow to build. */
public final class FixedStore implements ChatStore {
    private final List<Subscriber> subscribers;

    public FixedStore(List<Subscriber> subscribers) {
        this.subscribers = subscribers;
    }

    @Override public List<Subscriber> subscribers() { return subscribers; }
    @Override public long version() { return 1; }
    @Override public void register(long chatId, ChatKind kind) { throw new UnsupportedOperationException(); }
    @Override public void subscribe(long chatId, ChatKind kind) { throw new UnsupportedOperationException(); }
    @Override public boolean unsubscribe(long chatId) { throw new UnsupportedOperationException(); }
    @Override public Chat find(long chatId) { return null; }
    @Override public void deactivate(long chatId, String reason) { throw new UnsupportedOperationException(); }
    @Override public void migrate(long oldChatId, long newChatId) { throw new UnsupportedOperationException(); }
    @Override public boolean addKeyword(long chatId, String keyword) { throw new UnsupportedOperationException(); }
    @Override public boolean removeKeyword(long chatId, String keyword) { throw new UnsupportedOperationException(); }
    @Override public List<String> keywords(long chatId) { return List.of(); }
    @Override public List<String> clearKeywords(long chatId) { throw new UnsupportedOperationException(); }
    @Override public void setSourceEnabled(long chatId, String sourceId, boolean on) { throw new UnsupportedOperationException(); }
    @Override public Set<String> disabledSources(long chatId) { return Set.of(); }
    @Override public ChatCounts counts() { return new ChatCounts(subscribers.size(), subscribers.size()); }
}
