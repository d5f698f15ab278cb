package app.khobor.chat;

import java.util.List;
import java.util.Set;

/** Wraps a real store and counts snapshot loads. */
final class CountingStore implements ChatStore {
    private final ChatStore real;
    int loads;

    CountingStore(ChatStore real) {
        this.real = real;
    }

    @Override public List<Subscriber> subscribers() {
        loads++;
        return real.subscribers();
    }

    @Override public long version() { return real.version(); }
    @Override public void register(long chatId, ChatKind kind) { real.register(chatId, kind); }
    @Override public void subscribe(long chatId, ChatKind kind) { real.subscribe(chatId, kind); }
    @Override public boolean unsubscribe(long chatId) { return real.unsubscribe(chatId); }
    @Override public Chat find(long chatId) { return real.find(chatId); }
    @Override public void deactivate(long chatId, String reason) { real.deactivate(chatId, reason); }
    @Override public void migrate(long oldChatId, long newChatId) { real.migrate(oldChatId, newChatId); }
    @Override public boolean addKeyword(long chatId, String keyword) { return real.addKeyword(chatId, keyword); }
    @Override public boolean removeKeyword(long chatId, String keyword) { return real.removeKeyword(chatId, keyword); }
    @Override public List<String> keywords(long chatId) { return real.keywords(chatId); }
    @Override public List<String> clearKeywords(long chatId) { return real.clearKeywords(chatId); }
    @Override public void setSourceEnabled(long chatId, String sourceId, boolean on) { real.setSourceEnabled(chatId, sourceId, on); }
    @Override public Set<String> disabledSources(long chatId) { return real.disabledSources(chatId); }
    @Override public ChatCounts counts() { return real.counts(); }
}
