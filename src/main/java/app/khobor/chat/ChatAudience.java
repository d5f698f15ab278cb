package app.khobor.chat;

import app.khobor.delivery.Audience;
import app.khobor.delivery.Recipient;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BengaliText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks the chats for a new headline from an in-memory snapshot of all subscribers, so a headline costs one pass over
 * memory rather than a query per chat. The snapshot is reloaded when the store's version moved (any write that can
 * change who gets what), at the next headline or the next push checked.
 */
public final class ChatAudience implements Audience {
    private record Snapshot(long version, List<Subscriber> subscribers, Map<Long, Subscriber> byChat) {
        static Snapshot of(long version, List<Subscriber> subscribers) {
            return new Snapshot(version, List.copyOf(subscribers),
                    subscribers.stream().collect(Collectors.toUnmodifiableMap(Subscriber::chatId, Function.identity(), (a, b) -> a)));
        }
    }

    private final ChatStore store;
    private volatile Snapshot snapshot = Snapshot.of(-1, List.of());

    public ChatAudience(ChatStore store) {
        this.store = store;
    }

    @Override
    public List<Recipient> recipientsOf(StoredHeadline headline) {
        List<String> words = words(headline);
        List<Recipient> recipients = new ArrayList<>();
        for (Subscriber s : current().subscribers()) {
            if (wants(s, headline, words)) {
                recipients.add(new Recipient(s.chatId(), s.kind().isGroup()));
            }
        }
        return recipients;
    }

    /** A chat that stopped, went away or changed its filters since the headline was queued no longer accepts it. */
    @Override
    public boolean accepts(long chatId, StoredHeadline headline) {
        Subscriber s = current().byChat().get(chatId);
        return s != null && wants(s, headline, s.keywords().isEmpty() ? List.of() : words(headline));
    }

    @Override
    public boolean subscribed(long chatId) {
        return current().byChat().containsKey(chatId);
    }

    private static List<String> words(StoredHeadline headline) {
        return BengaliText.words(headline.key() != null ? headline.key() : headline.title());
    }

    /**
     * Only headlines first seen after the /start (a new subscriber is not flooded with old ones), from a source the
     * chat kept on, in a section it chose of that source (when it narrowed it), matching a keyword (when it follows any).
     */
    static boolean wants(Subscriber s, StoredHeadline headline, List<String> headlineWords) {
        return s.subscribedAt() != null
                && !s.subscribedAt().isAfter(headline.firstSeen())
                && !s.disabledSources().contains(headline.sourceId())
                && s.wantsSection(headline.sourceId(), headline.category())
                && (s.keywords().isEmpty() || s.keywords().stream().anyMatch(rule -> rule.matches(headlineWords)));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        return s.version() == store.version() ? s : reload();
    }

    /** One load at a time: the sender threads all notice a change at once and need not each load every chat. */
    private synchronized Snapshot reload() {
        long v = store.version();
        if (snapshot.version() != v) {
            // Version read before loading: a write during the load makes the next call reload again.
            snapshot = Snapshot.of(v, store.subscribers());
        }
        return snapshot;
    }
}
