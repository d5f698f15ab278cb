package app.khobor.news;

import app.khobor.text.BengaliText;
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

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
