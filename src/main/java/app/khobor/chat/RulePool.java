package app.khobor.chat;

import app.khobor.text.SearchQuery;
import app.khobor.text.SearchQuery.Clause;
import app.khobor.text.SearchQuery.Term;
import app.khobor.text.SearchQuery.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Hands out one {@link SearchQuery} for equal rules while the subscribers are loaded: with 100,000 chats most rules
 * are the same few words, so each text is parsed once, each distinct rule is held once, and distinct rules share
 * their equal parts (words, terms, clauses, strings) rather than each holding a copy. For one load only.
 */
public final class RulePool {
    private final Map<String, SearchQuery> byText = new HashMap<>();
    private final Map<Object, Object> parts = new HashMap<>();

    /** A stored /follow text as a rule ({@link Subscriber#rule}), the same object for equal rules. */
    public SearchQuery rule(String followed) {
        SearchQuery rule = byText.get(followed);
        if (rule == null) {
            rule = of(Subscriber.rule(followed));
            byText.put(followed, rule);
        }
        return rule;
    }

    /** The pool's copy of this rule (a Banglish rule widened with Bengali spellings, say). */
    public SearchQuery of(SearchQuery rule) {
        Object known = parts.get(rule);
        if (known != null) {
            return (SearchQuery) known;
        }
        SearchQuery rebuilt = SearchQuery.of(sharedAll(rule.required(), this::clause), sharedAll(rule.excluded(), this::term));
        parts.put(rebuilt, rebuilt);
        return rebuilt;
    }

    private Clause clause(Clause c) {
        return shared(new Clause(sharedAll(c.alternatives(), this::term)));
    }

    private Term term(Term t) {
        return shared(new Term(shared(t.shown()), sharedAll(t.words(), this::word)));
    }

    private Word word(Word w) {
        return shared(new Word(sharedAll(w.keys(), this::shared)));
    }

    private <T> List<T> sharedAll(List<T> items, UnaryOperator<T> each) {
        List<T> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(each.apply(item)));
        return shared(List.copyOf(out));
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        return (T) parts.computeIfAbsent(value, v -> v);
    }
}
