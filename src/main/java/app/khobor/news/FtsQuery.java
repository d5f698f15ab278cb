package app.khobor.news;

import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

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

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
