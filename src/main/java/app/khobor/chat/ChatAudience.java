package app.khobor.chat;

import app.khobor.delivery.Audience;
import app.khobor.delivery.Recipient;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BengaliText;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the chats for a new headline from an in-memory snapshot of all subscribers, so a headline costs one pass over
 * memory rather than a query per chat. The snapshot is reloaded when the store's version moved (any write that can
 * change who gets what), at the next headline.
 */
public final class ChatAudience implements Audience {
    private record Snapshot(long version, List<Subscriber> subscribers) {}

    private final ChatStore store;
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    public ChatAudience(ChatStore store) {
        this.store = store;
    }

    @Override
    public List<Recipient> recipientsOf(StoredHeadline headline) {
        List<String> words = BengaliText.words(headline.key() != null ? headline.key() : headline.title());
        List<Recipient> recipients = new ArrayList<>();
        for (Subscriber s : current().subscribers()) {
            if (wants(s, headline, words)) {
                recipients.add(new Recipient(s.chatId(), s.kind()));
            }
        }
        return recipients;
    }

    /** Only headlines first seen after the /start: a new subscriber is not flooded with old ones. */
    static boolean wants(Subscriber s, StoredHeadline headline, List<String> headlineWords) {
        return s.subscribedAt() != null
                && !s.subscribedAt().isAfter(headline.firstSeen())
                && !s.disabledSources().contains(headline.sourceId())
                && (s.keywords().isEmpty() || s.keywords().stream().anyMatch(k -> BengaliText.matchesAll(headlineWords, k)));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long v = store.version();
        if (s.version() != v) {
            // Version read before loading: a write during the load makes the next call reload again.
            s = new Snapshot(v, List.copyOf(store.subscribers()));
            snapshot = s;
        }
        return s;
    }
}
