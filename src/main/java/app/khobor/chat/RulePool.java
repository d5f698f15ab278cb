package app.khobor.chat;

import app.khobor.text.SearchQuery;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out one {@link SearchQuery} for equal rules while the subscribers are loaded: with 100,000 chats most rules
 * are the same few words, each text is parsed once and each distinct rule is held once in memory. For one load only.
 */
public final class RulePool {
    private final Map<String, SearchQuery> byText = new HashMap<>();
    private final Map<SearchQuery, SearchQuery> distinct = new HashMap<>();

    /** A stored /follow text as a rule ({@link Subscriber#rule}), the same object for equal rules. */
    public SearchQuery rule(String followed) {
        return byText.computeIfAbsent(followed, text -> of(Subscriber.rule(text)));
    }

    /** The pool's copy of this rule (a Banglish rule widened with Bengali spellings, say). */
    public SearchQuery of(SearchQuery rule) {
        return distinct.computeIfAbsent(rule, r -> r);
    }
}
