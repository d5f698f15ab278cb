package app.khobor.chat;

import app.khobor.text.SearchQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chats' /follow rules indexed by their words, so that routing a headline costs about its words and the rules
 * they touch, not the number of chats. Each distinct rule is kept once with the chats that hold it, and filed under
 * the keys of one of its required clauses (its "anchor": every alternative of it, a phrase by its first word). A rule
 * can only match a headline whose words start with one of those keys, so looking up every prefix of every headline
 * word finds every rule that might match; each found rule is then checked in full with {@link SearchQuery#matches},
 * which keeps the meaning exactly that of checking every rule of every chat. Immutable once built.
 */
public final class RuleIndex {
    /** One distinct rule and the chats that follow it, as positions in the subscriber list the index was built from. */
    private static final class Entry {
        final SearchQuery rule;
        final int id;
        /**
         * Found means matched: one clause of single words and no exclusions, so the key that found the rule is a
         * prefix of a headline word and the rule matches without checking.
         */
        final boolean sure;
        int[] chats = new int[1];
        int size;

        Entry(SearchQuery rule, int id) {
            this.rule = rule;
            this.id = id;
            this.sure = rule.required().size() == 1 && rule.excluded().isEmpty()
                    && rule.required().get(0).alternatives().stream().allMatch(t -> t.words().size() == 1);
        }

        void add(int chat) {
            if (size > 0 && chats[size - 1] == chat) {
                return; // the same rule twice in one chat
            }
            if (size == chats.length) {
                chats = Arrays.copyOf(chats, size * 2);
            }
            chats[size++] = chat;
        }

        void trim() {
            chats = Arrays.copyOf(chats, size);
        }
    }

    private static final Entry[] NONE = new Entry[0];

    private final Map<String, Entry[]> byKey;
    /** Rules no key can stand for (every required clause has a term without words, which matches anything). */
    private final Entry[] everywhere;
    private final int longestKey;
    private final int distinct;
    private final int total;

    private RuleIndex(Map<String, Entry[]> byKey, Entry[] everywhere, int longestKey, int distinct, int total) {
        this.byKey = byKey;
        this.everywhere = everywhere;
        this.longestKey = longestKey;
        this.distinct = distinct;
        this.total = total;
    }

    /** The rules of these subscribers; a chat is named by its position in the list. */
    public static RuleIndex of(List<Subscriber> subscribers) {
        Map<SearchQuery, Entry> distinct = new HashMap<>();
        int total = 0;
        for (int i = 0; i < subscribers.size(); i++) {
            for (SearchQuery rule : subscribers.get(i).keywords()) {
                Entry e = distinct.get(rule);
                if (e == null) {
                    e = new Entry(rule, distinct.size());
                    distinct.put(rule, e);
                }
                e.add(i);
                total++;
            }
        }
        Map<String, List<Entry>> filed = new HashMap<>();
        List<Entry> everywhere = new ArrayList<>();
        int longest = 0;
        for (Entry e : distinct.values()) {
            e.trim();
            Set<String> anchor = anchorKeys(e.rule);
            if (anchor == null) {
                everywhere.add(e);
                continue;
            }
            for (String key : anchor) {
                filed.computeIfAbsent(key, k -> new ArrayList<>(1)).add(e);
                longest = Math.max(longest, key.length());
            }
        }
        Map<String, Entry[]> byKey = new HashMap<>(filed.size() * 4 / 3 + 1);
        filed.forEach((key, entries) -> byKey.put(key, entries.toArray(NONE)));
        return new RuleIndex(byKey, everywhere.toArray(NONE), longest, distinct.size(), total);
    }

    /**
     * Sets in {@code chats} the position of every chat with a rule that matches these headline words (search keys,
     * see {@link app.khobor.text.BengaliText#words}). Safe to call from several threads at once.
     */
    public void matching(List<String> headlineWords, BitSet chats) {
        BitSet checked = new BitSet(distinct);
        for (Entry e : everywhere) {
            check(e, headlineWords, checked, chats);
        }
        for (String word : new LinkedHashSet<>(headlineWords)) {
            int upTo = Math.min(word.length(), longestKey);
            for (int length = 0; length <= upTo; length++) {
                Entry[] entries = byKey.get(word.substring(0, length));
                if (entries == null) {
                    continue;
                }
                for (Entry e : entries) {
                    check(e, headlineWords, checked, chats);
                }
            }
        }
    }

    private static void check(Entry e, List<String> headlineWords, BitSet checked, BitSet chats) {
        if (checked.get(e.id)) {
            return;
        }
        checked.set(e.id);
        if (e.sure || e.rule.matches(headlineWords)) {
            for (int i = 0; i < e.size; i++) {
                chats.set(e.chats[i]);
            }
        }
    }

    /** Rules as the chats hold them, counting repeats. */
    public int totalRules() {
        return total;
    }

    /** Rules kept, each once however many chats hold it. */
    public int distinctRules() {
        return distinct;
    }

    /**
     * The keys a rule is filed under: those of the required clause most likely to rule a headline out, taken as the
     * one whose shortest key is longest (a one-letter key is a prefix of many words), then the one with fewest keys.
     * Empty for a rule without required clauses, which matches nothing; null when no clause can stand for the rule
     * (each has a term without words: such a term matches anything, so the rule must be checked for every headline).
     */
    static Set<String> anchorKeys(SearchQuery rule) {
        Set<String> best = rule.required().isEmpty() ? Set.of() : null;
        int bestShortest = -1;
        for (SearchQuery.Clause clause : rule.required()) {
            Set<String> keys = new LinkedHashSet<>();
            if (clause.alternatives().stream().anyMatch(t -> t.words().isEmpty())) {
                continue;
            }
            for (SearchQuery.Term term : clause.alternatives()) {
                keys.addAll(term.words().get(0).keys());
            }
            int shortest = keys.stream().mapToInt(String::length).min().orElse(0);
            if (best == null || shortest > bestShortest || (shortest == bestShortest && keys.size() < best.size())) {
                best = keys;
                bestShortest = shortest;
            }
        }
        return best;
    }
}
