package app.khobor.news;

import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * SQL over PostgreSQL's word index ({@link HeadlineWords}) giving the ids of headlines a query may match: what
 * {@link FtsQuery} is to SQLite's FTS5 table. A query word matches a headline word it is a prefix of; in the word
 * column's "C" collation (code point order) the words starting with {@code k} are exactly those from {@code k} up to,
 * not including, {@code k + U+10FFFF} (no word holds that non-character), so each key is a range of the primary key.
 */
final class WordRows {
    /** The last code point: {@code key + TOP} sorts after every word that starts with {@code key}. */
    private static final String TOP = new String(Character.toChars(Character.MAX_CODE_POINT));

    /** A SELECT of one column of headline ids, and its parameters. */
    record Sql(String text, List<Object> params) {}

    /**
     * The candidates: required clauses INTERSECTed, a clause's alternatives UNIONed, a phrase's words INTERSECTed;
     * single-word exclusions taken away (EXCEPT). Without phrases that is exactly what {@link SearchQuery#matches}
     * keeps ({@link #isExact}); with them a superset, order and adjacency left to the exact check. Empty when
     * nothing can match: a required clause all of whose alternatives have a word no headline word can start with.
     */
    static Optional<Sql> candidates(SearchQuery query) {
        if (query.required().isEmpty()) {
            return Optional.empty();
        }
        List<Sql> clauses = new ArrayList<>();
        for (SearchQuery.Clause clause : query.required()) {
            List<Sql> alternatives = new ArrayList<>();
            for (SearchQuery.Term term : clause.alternatives()) {
                term(term).ifPresent(alternatives::add);
            }
            if (alternatives.isEmpty()) {
                return Optional.empty();
            }
            clauses.add(combine(alternatives, "UNION"));
        }
        Sql required = combine(clauses, "INTERSECT");
        List<Sql> excluded = new ArrayList<>();
        for (SearchQuery.Term term : query.excluded()) {
            if (!term.isPhrase()) {
                term(term).ifPresent(excluded::add);
            }
        }
        if (excluded.isEmpty()) {
            return Optional.of(required);
        }
        List<Sql> parts = new ArrayList<>(List.of(required));
        parts.add(combine(excluded, "UNION"));
        return Optional.of(combine(parts, "EXCEPT"));
    }

    /**
     * True when {@link #candidates} is exactly the query's matches: no phrase that could match (a phrase with a word
     * no headline word can start with matches nothing, as required or excluded).
     */
    static boolean isExact(SearchQuery query) {
        return query.required().stream().flatMap(c -> c.alternatives().stream())
                .noneMatch(t -> t.isPhrase() && term(t).isPresent())
                && query.excluded().stream().noneMatch(t -> t.isPhrase() && term(t).isPresent());
    }

    /** The headlines holding all of {@code words} as prefixes of their words; empty when one can match no word. */
    static Optional<Sql> allOf(List<String> words) {
        return term(new SearchQuery.Term("", words.stream().map(w -> new SearchQuery.Word(List.of(w))).toList()));
    }

    /** The headlines holding every word of the term, anywhere; empty when a word can match no headline word. */
    private static Optional<Sql> term(SearchQuery.Term term) {
        List<Sql> words = new ArrayList<>();
        for (SearchQuery.Word word : term.words()) {
            Optional<Sql> rows = word(word);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            words.add(rows.get());
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(combine(words, "INTERSECT"));
    }

    /**
     * The headlines with a word starting with one of the keys: a range per key. A key that is not one word (no
     * letters, or punctuation inside) is the prefix of no headline word, so it adds nothing.
     */
    private static Optional<Sql> word(SearchQuery.Word word) {
        List<Sql> ranges = new ArrayList<>();
        word.keys().stream().distinct().filter(key -> BengaliText.words(key).equals(List.of(key))).forEach(key ->
                ranges.add(new Sql("SELECT headline_id FROM headline_words WHERE word >= ? AND word < ?",
                        List.of(key, key + TOP))));
        if (ranges.size() == 1) { // a headline with two words that start with the key counts once
            return Optional.of(new Sql(ranges.get(0).text().replace("SELECT ", "SELECT DISTINCT "), ranges.get(0).params()));
        }
        return ranges.isEmpty() ? Optional.empty() : Optional.of(combine(ranges, "UNION"));
    }

    private static Sql combine(List<Sql> parts, String operator) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringJoiner text = new StringJoiner(" " + operator + " ");
        List<Object> params = new ArrayList<>();
        for (Sql part : parts) {
            text.add("(" + part.text() + ")");
            params.addAll(part.params());
        }
        return new Sql(text.toString(), params);
    }

    private WordRows() {}
}
