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
     * The candidates, each once: the first required clause's headlines that are also IN every other clause's (semi
     * joins; an INTERSECT of three common words' sets took 2-3 times as long), a clause's alternatives as a UNION ALL,
     * a phrase's words as all of them anywhere; single-word exclusions taken away (an anti join, a little cheaper than
     * EXCEPT). Without phrases that is exactly what {@link SearchQuery#matches} keeps ({@link #isExact}); with them a
     * superset, order and adjacency left to the exact check. Empty when nothing can match: a required clause all of
     * whose alternatives have a word no headline word can start with.
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
            clauses.add(combine(alternatives, "UNION ALL"));
        }
        Sql required = among(clauses, true);
        List<Sql> excluded = new ArrayList<>();
        for (SearchQuery.Term term : query.excluded()) {
            if (!term.isPhrase()) {
                term(term).ifPresent(excluded::add);
            }
        }
        if (excluded.isEmpty()) {
            return Optional.of(required);
        }
        Sql left = combine(excluded, "UNION ALL");
        List<Object> params = new ArrayList<>(required.params());
        params.addAll(left.params());
        return Optional.of(new Sql("SELECT headline_id FROM (" + required.text() + ") r WHERE NOT EXISTS (SELECT 1 FROM ("
                + left.text() + ") x WHERE x.headline_id = r.headline_id)", params));
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

    /** The headlines holding all of {@code words} as prefixes of their words, each once; empty when one can match none. */
    static Optional<Sql> allOf(List<String> words) {
        List<Sql> sets = new ArrayList<>();
        for (String w : words) {
            Optional<Sql> set = word(new SearchQuery.Word(List.of(w)));
            if (set.isEmpty()) {
                return Optional.empty();
            }
            sets.add(set.get());
        }
        return sets.isEmpty() ? Optional.empty() : Optional.of(among(sets, true));
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
        return words.isEmpty() ? Optional.empty() : Optional.of(among(words, false));
    }

    /**
     * The headlines with a word starting with one of the keys (a headline may come more than once): a range per
     * key. A key that is not one word (no letters, or punctuation inside) is the prefix of no headline word, so it
     * adds nothing.
     */
    private static Optional<Sql> word(SearchQuery.Word word) {
        List<Sql> ranges = word.keys().stream().distinct().filter(key -> BengaliText.words(key).equals(List.of(key)))
                .map(key -> new Sql("SELECT headline_id FROM headline_words WHERE word >= ? AND word < ?",
                        List.<Object>of(key, key + TOP)))
                .toList();
        return ranges.isEmpty() ? Optional.empty() : Optional.of(combine(ranges, "UNION ALL"));
    }

    /** The ids of the first set that are in every other one; {@code distinct}: each once. */
    private static Sql among(List<Sql> sets, boolean distinct) {
        if (sets.size() == 1 && !distinct) {
            return sets.get(0);
        }
        StringBuilder text = new StringBuilder("SELECT ").append(distinct ? "DISTINCT " : "")
                .append("headline_id FROM (").append(sets.get(0).text()).append(") s");
        List<Object> params = new ArrayList<>(sets.get(0).params());
        for (int i = 1; i < sets.size(); i++) {
            text.append(i == 1 ? " WHERE" : " AND").append(" headline_id IN (").append(sets.get(i).text()).append(")");
            params.addAll(sets.get(i).params());
        }
        return new Sql(text.toString(), params);
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
