package app.khobor.chat;

import app.khobor.delivery.Audience;
import app.khobor.delivery.Recipient;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the chats for a new headline from an in-memory snapshot of all subscribers: the chats without rules, plus
 * those whose rules the {@link RuleIndex} finds for the headline's words, so a headline costs its words and the
 * rules they touch rather than a pass over every chat. The snapshot is reloaded when the store's version moved (any
 * write that can change who gets what), at the next headline or the next push checked.
 */
public final class ChatAudience implements Audience {
    private static final Logger log = LoggerFactory.getLogger(ChatAudience.class);

    /**
     * All subscribers, their rules indexed, and what every headline is checked against per chat (when it started, no
     * source or section filter) in flat arrays: routing reads thousands of chats per headline, and following a
     * pointer to each chat's objects cost more than finding them.
     */
    private record Snapshot(long version, List<Subscriber> subscribers, Map<Long, Subscriber> byChat, RuleIndex rules,
                            BitSet everything, long[] chatIds, long[] startSecond, int[] startNano, BitSet groups,
                            BitSet unfiltered) {
        static Snapshot of(long version, List<Subscriber> subscribers) {
            List<Subscriber> list = List.copyOf(subscribers);
            int n = list.size();
            BitSet everything = new BitSet(n);
            long[] chatIds = new long[n];
            long[] startSecond = new long[n];
            int[] startNano = new int[n];
            BitSet groups = new BitSet(n);
            BitSet unfiltered = new BitSet(n);
            for (int i = 0; i < n; i++) {
                Subscriber s = list.get(i);
                everything.set(i, s.keywords().isEmpty());
                chatIds[i] = s.chatId();
                // Never started: later than any headline.
                startSecond[i] = s.subscribedAt() == null ? Long.MAX_VALUE : s.subscribedAt().getEpochSecond();
                startNano[i] = s.subscribedAt() == null ? Integer.MAX_VALUE : s.subscribedAt().getNano();
                groups.set(i, s.kind().isGroup());
                unfiltered.set(i, s.disabledSources().isEmpty() && s.sections().isEmpty());
            }
            return new Snapshot(version, list,
                    list.stream().collect(Collectors.toUnmodifiableMap(Subscriber::chatId, Function.identity(), (a, b) -> a)),
                    RuleIndex.of(list), everything, chatIds, startSecond, startNano, groups, unfiltered);
        }

        /** {@link ChatAudience#wantsAny} for the chat at this position. */
        boolean wantsAny(int i, StoredHeadline headline) {
            Instant seen = headline.firstSeen();
            boolean startedBefore = startSecond[i] < seen.getEpochSecond()
                    || (startSecond[i] == seen.getEpochSecond() && startNano[i] <= seen.getNano());
            return startedBefore && (unfiltered.get(i) || ChatAudience.wantsAny(subscribers.get(i), headline));
        }
    }

    private final ChatStore store;
    private volatile Snapshot snapshot = Snapshot.of(-1, List.of());

    public ChatAudience(ChatStore store) {
        this.store = store;
    }

    /** In the order of the store's subscriber list, as {@link #scan} gives them. */
    @Override
    public List<Recipient> recipientsOf(StoredHeadline headline) {
        Snapshot now = current();
        BitSet candidates = (BitSet) now.everything().clone();
        now.rules().matching(words(headline), candidates);
        List<Recipient> recipients = new ArrayList<>(candidates.cardinality());
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (now.wantsAny(i, headline)) {
                recipients.add(new Recipient(now.chatIds()[i], now.groups().get(i)));
            }
        }
        return recipients;
    }

    /**
     * The recipients by checking every rule of every subscriber: what {@link #recipientsOf} did before the index, kept
     * as the reference it is tested and measured against.
     */
    public static List<Recipient> scan(List<Subscriber> subscribers, StoredHeadline headline) {
        List<String> words = words(headline);
        List<Recipient> recipients = new ArrayList<>();
        for (Subscriber s : subscribers) {
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

    /** The chat's first rule that matches the headline, for showing why it came; empty for a chat without rules. */
    @Override
    public Optional<SearchQuery> matchedRule(long chatId, StoredHeadline headline) {
        Subscriber s = current().byChat().get(chatId);
        if (s == null || s.keywords().isEmpty()) {
            return Optional.empty();
        }
        List<String> words = words(headline);
        return s.keywords().stream().filter(rule -> rule.matches(words)).findFirst();
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
        return wantsAny(s, headline)
                && (s.keywords().isEmpty() || s.keywords().stream().anyMatch(rule -> rule.matches(headlineWords)));
    }

    /** {@link #wants} without the rules: what is left to check once the index found a chat's rule matching. */
    private static boolean wantsAny(Subscriber s, StoredHeadline headline) {
        return s.subscribedAt() != null
                && !s.subscribedAt().isAfter(headline.firstSeen())
                && !s.disabledSources().contains(headline.sourceId())
                && s.wantsSection(headline.sourceId(), headline.category());
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
            long start = System.nanoTime();
            List<Subscriber> subscribers = store.subscribers();
            long loaded = System.nanoTime();
            snapshot = Snapshot.of(v, subscribers);
            log.debug("audience: {} chats loaded in {} ms, their {} rules ({} distinct) indexed in {} ms",
                    subscribers.size(), (loaded - start) / 1_000_000, snapshot.rules().totalRules(),
                    snapshot.rules().distinctRules(), (System.nanoTime() - loaded) / 1_000_000);
        }
        return snapshot;
    }
}
