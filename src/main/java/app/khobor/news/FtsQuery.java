package app.khobor.news;

import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Builds FTS5 MATCH expressions from search words, quoting them so no user text is read as FTS5 syntax. */
final class FtsQuery {
    private FtsQuery() {}

    /**
     * {@code "w1" * AND "w2" *}: every word as a prefix token. Empty when a word has no letter, mark or digit at all:
     * such a word can be no prefix of a headline word, so nothing matches.
     */
    static Optional<String> allPrefixes(List<String> words) {
        StringJoiner expression = new StringJoiner(" AND ");
        for (String word : words) {
            List<String> tokens = BengaliText.words(word);
            if (tokens.isEmpty()) {
                return Optional.empty();
            }
            expression.add(quote(String.join(" ", tokens)) + " *");
        }
        return Optional.of(expression.toString());
    }

    /** Spellings of one phrase written out for {@link #exact}, at most: three Banglish words of three keys each. */
    static final int MAX_PHRASE_SPELLINGS = 27;

    /**
     * A superset of what {@code query} matches, for the word index: each required clause as an OR of its
     * alternatives, a phrase as all of its words (order and exclusions are checked exactly afterwards), each word as
     * an OR of its keys as prefixes. Empty for a query without required clauses.
     */
    static Optional<String> candidates(SearchQuery query) {
        if (query.required().isEmpty()) {
            return Optional.empty();
        }
        StringJoiner clauses = new StringJoiner(" AND ");
        for (SearchQuery.Clause clause : query.required()) {
            StringJoiner alternatives = new StringJoiner(" OR ", "(", ")");
            for (SearchQuery.Term term : clause.alternatives()) {
                StringJoiner words = new StringJoiner(" AND ", "(", ")");
                for (SearchQuery.Word word : term.words()) {
                    StringJoiner keys = new StringJoiner(" OR ", "(", ")");
                    for (String key : word.keys()) {
                        List<String> tokens = BengaliText.words(key);
                        if (!tokens.isEmpty()) {
                            keys.add(quote(String.join(" ", tokens)) + " *");
                        }
                    }
                    if (keys.length() == 2) {
                        return Optional.empty();
                    }
                    words.add(keys.toString());
                }
                alternatives.add(words.toString());
            }
            clauses.add(alternatives.toString());
        }
        return Optional.of(clauses.toString());
    }

    /**
     * Exactly what {@code query} matches, so the word index alone can count the matches of a common word: each word an
     * OR of its keys as prefix tokens, a phrase as FTS5 phrases of prefix tokens ({@code "a" * + "b" *}, one for each
     * spelling of its words), an exclusion as NOT. The index's tokens are the words of {@link BengaliText#words} (V1's
     * tokenizer), so this agrees with {@link SearchQuery#matches} on any text whose letters SQLite's Unicode tables
     * know. Empty when a key is not one token, or a phrase has more than {@value #MAX_PHRASE_SPELLINGS} spellings.
     */
    static Optional<String> exact(SearchQuery query) {
        if (query.required().isEmpty()) {
            return Optional.empty();
        }
        StringJoiner clauses = new StringJoiner(" AND ");
        for (SearchQuery.Clause clause : query.required()) {
            StringJoiner alternatives = new StringJoiner(" OR ", "(", ")");
            for (SearchQuery.Term term : clause.alternatives()) {
                Optional<String> expression = exact(term);
                if (expression.isEmpty()) {
                    return Optional.empty();
                }
                alternatives.add(expression.get());
            }
            clauses.add(alternatives.toString());
        }
        String expression = "(" + clauses + ")";
        for (SearchQuery.Term term : query.excluded()) {
            Optional<String> excluded = exact(term);
            if (excluded.isEmpty()) {
                return Optional.empty();
            }
            expression = "(" + expression + " NOT " + excluded.get() + ")";
        }
        return Optional.of(expression);
    }

    /** A term as an OR of FTS5 phrases of prefix tokens: every spelling of its words in order. */
    private static Optional<String> exact(SearchQuery.Term term) {
        List<String> spellings = List.of("");
        for (SearchQuery.Word word : term.words()) {
            List<String> next = new ArrayList<>();
            for (String key : word.keys()) {
                if (!BengaliText.words(key).equals(List.of(key))) {
                    return Optional.empty();
                }
                for (String before : spellings) {
                    next.add((before.isEmpty() ? "" : before + " + ") + quote(key) + " *");
                }
            }
            if (next.size() > MAX_PHRASE_SPELLINGS) {
                return Optional.empty();
            }
            spellings = next;
        }
        return Optional.of(spellings.stream().collect(Collectors.joining(" OR ", "(", ")")));
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
