package app.khobor.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query language of /search: words match as prefixes of headline words after Bengali normalisation
 * ({@link BengaliText#words}) and every word must match; {@code "quoted words"} (or “quoted words”) match
 * consecutively and in order; {@code -word} and {@code -"a phrase"} exclude; {@code বা}, {@code OR} or {@code |}
 * between two terms gives alternatives. Pure: no regular expressions from users, no I/O.
 *
 * <p>A {@link Word} holds one or more alternative keys, so a later step (Banglish transliteration) can expand a Latin
 * word into its Bengali spellings without changing the matcher.
 */
public final class SearchQuery {
    /** At most this many words in a query, counting every word of phrases and exclusions. */
    public static final int MAX_WORDS = 20;

    static final String UNBALANCED = "উদ্ধৃতিচিহ্ন (\") জোড়ায় জোড়ায় দিন, যেমন: \"জাতীয় সংসদ\"";
    static final String ONLY_EXCLUSIONS = "শুধু বাদ দেওয়ার শব্দ (-শব্দ) দিয়ে খোঁজা যায় না; অন্তত একটি শব্দ দিন, যেমন: ঢাকা -ক্রিকেট";
    static final String TOO_MANY_WORDS = "অনেক বেশি শব্দ; " + BengaliText.bengaliDigits(String.valueOf(MAX_WORDS))
            + "টি পর্যন্ত দিন।";
    static final String NO_WORDS = "খোঁজার মতো কোনো শব্দ নেই; অক্ষর বা সংখ্যা দিন, যেমন: ঢাকা";
    static final String DANGLING_OR = "“বা”, OR বা | দুটি শব্দের মাঝে দিন, যেমন: ঢাকা বা চট্টগ্রাম";

    private static final String OR_WORD = BengaliText.searchKey("বা");

    /** One word: matches a headline word that starts with any of its keys. */
    public record Word(List<String> keys) {
        public Word {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a word needs at least one key");
            }
        }

        boolean matchesAt(List<String> headlineWords, int index) {
            String headlineWord = headlineWords.get(index);
            for (String key : keys) {
                if (headlineWord.startsWith(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A single word, or a phrase: words that must appear consecutively and in this order.
     *
     * @param shown the term as the reader wrote it (without quotes or minus), to say back what a rule means
     */
    public record Term(String shown, List<Word> words) {
        public Term {
            words = List.copyOf(words);
        }

        public boolean isPhrase() {
            return words.size() > 1;
        }

        boolean matches(List<String> headlineWords) {
            for (int start = 0; start + words.size() <= headlineWords.size(); start++) {
                if (matchesFrom(headlineWords, start)) {
                    return true;
                }
            }
            return false;
        }

        boolean matchesFrom(List<String> headlineWords, int start) {
            for (int i = 0; i < words.size(); i++) {
                if (!words.get(i).matchesAt(headlineWords, start + i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Alternatives: the clause matches when any of its terms does. */
    public record Clause(List<Term> alternatives) {
        public Clause {
            alternatives = List.copyOf(alternatives);
        }

        boolean matches(List<String> headlineWords) {
            return alternatives.stream().anyMatch(t -> t.matches(headlineWords));
        }
    }

    /** The outcome of {@link #parse}: a query, or a Bengali message saying what to fix. */
    public sealed interface Parsed permits Valid, Invalid {}

    public record Valid(SearchQuery query) implements Parsed {}

    public record Invalid(String message) implements Parsed {}

    private final List<Clause> required;
    private final List<Term> excluded;

    private SearchQuery(List<Clause> required, List<Term> excluded) {
        this.required = List.copyOf(required);
        this.excluded = List.copyOf(excluded);
    }

    /** Every one of these must match. */
    public List<Clause> required() {
        return required;
    }

    /** None of these may match. */
    public List<Term> excluded() {
        return excluded;
    }

    /** True when every required clause matches and no excluded term does; {@code headlineWords} are search keys. */
    public boolean matches(List<String> headlineWords) {
        if (headlineWords == null) {
            return false;
        }
        return !required.isEmpty() && required.stream().allMatch(c -> c.matches(headlineWords))
                && excluded.stream().noneMatch(t -> t.matches(headlineWords));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchQuery q && q.required.equals(required) && q.excluded.equals(excluded);
    }

    @Override
    public int hashCode() {
        return 31 * required.hashCode() + excluded.hashCode();
    }

    @Override
    public String toString() {
        return "SearchQuery[required=" + required + ", excluded=" + excluded + "]";
    }

    /**
     * This query with extra keys: each word whose key is in {@code alternatives} also matches the listed keys (its
     * own key is kept first, so an English word still matches as itself). Shown texts stay as typed.
     */
    public SearchQuery withAlternatives(Map<String, List<String>> alternatives) {
        List<Clause> clauses = required.stream()
                .map(c -> new Clause(c.alternatives().stream().map(t -> widened(t, alternatives)).toList())).toList();
        return new SearchQuery(clauses, excluded.stream().map(t -> widened(t, alternatives)).toList());
    }

    /** Every word's keys, in order, without repeats: what {@link #withAlternatives} looks up. */
    public List<String> wordKeys() {
        Set<String> keys = new LinkedHashSet<>();
        required.forEach(c -> c.alternatives().forEach(t -> t.words().forEach(w -> keys.addAll(w.keys()))));
        excluded.forEach(t -> t.words().forEach(w -> keys.addAll(w.keys())));
        return List.copyOf(keys);
    }

    private static Term widened(Term term, Map<String, List<String>> alternatives) {
        return new Term(term.shown(), term.words().stream().map(w -> {
            Set<String> keys = new LinkedHashSet<>(w.keys());
            w.keys().forEach(k -> keys.addAll(alternatives.getOrDefault(k, List.of())));
            return new Word(List.copyOf(keys));
        }).toList());
    }

    /** As {@link #matches(List)} on a headline's text. */
    public boolean matchesText(String headline) {
        return matches(BengaliText.words(headline));
    }

    /** Every one of {@code wordKeys} (search-key words) as a prefix, in any order: the plain search of a word list. */
    public static SearchQuery allOf(List<String> wordKeys) {
        List<Clause> clauses = wordKeys.stream().filter(w -> w != null && !w.isBlank())
                .map(w -> new Clause(List.of(new Term(w, List.of(new Word(List.of(w))))))).toList();
        return new SearchQuery(clauses, List.of());
    }

    public static Parsed parse(String text) {
        return new Parser(text == null ? "" : text).parse();
    }

    private static final class Parser {
        private final String text;
        private final List<List<Term>> pending = new ArrayList<>();
        private final List<Term> excluded = new ArrayList<>();
        private List<Term> current;
        private boolean orPending;
        private boolean lastWasExclusion;
        private int wordCount;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Parsed parse() {
            while (true) {
                skipSpaces();
                if (pos >= text.length()) {
                    break;
                }
                char c = text.charAt(pos);
                if (c == '|') {
                    pos++;
                    if (!or()) {
                        return new Invalid(DANGLING_OR);
                    }
                    continue;
                }
                boolean negate = false;
                if (c == '-' && pos + 1 < text.length() && !BengaliText.isSpace(text.charAt(pos + 1))) {
                    negate = true;
                    pos++;
                    c = text.charAt(pos);
                }
                String raw;
                if (isQuote(c)) {
                    int end = closingQuote(pos + 1);
                    if (end < 0) {
                        return new Invalid(UNBALANCED);
                    }
                    raw = text.substring(pos + 1, end);
                    pos = end + 1;
                } else {
                    int start = pos;
                    while (pos < text.length() && !BengaliText.isSpace(text.charAt(pos))
                            && text.charAt(pos) != '|' && !isQuote(text.charAt(pos))) {
                        pos++;
                    }
                    raw = text.substring(start, pos);
                    if (!negate && (raw.equals("OR") || BengaliText.searchKey(raw).equals(OR_WORD))) {
                        if (!or()) {
                            return new Invalid(DANGLING_OR);
                        }
                        continue;
                    }
                }
                List<String> keys = BengaliText.words(raw);
                if (keys.isEmpty()) {
                    continue;
                }
                wordCount += keys.size();
                if (wordCount > MAX_WORDS) {
                    return new Invalid(TOO_MANY_WORDS);
                }
                Term term = new Term(BengaliText.display(raw), keys.stream().map(k -> new Word(List.of(k))).toList());
                if (negate) {
                    if (orPending) {
                        return new Invalid(DANGLING_OR);
                    }
                    excluded.add(term);
                    lastWasExclusion = true;
                } else if (orPending) {
                    current.add(term);
                    orPending = false;
                } else {
                    current = new ArrayList<>();
                    current.add(term);
                    lastWasExclusion = false;
                    pending.add(current);
                }
            }
            if (orPending) {
                return new Invalid(DANGLING_OR);
            }
            if (pending.isEmpty()) {
                return new Invalid(excluded.isEmpty() ? NO_WORDS : ONLY_EXCLUSIONS);
            }
            List<Clause> clauses = pending.stream().map(Clause::new).toList();
            return new Valid(new SearchQuery(clauses, excluded));
        }

        /** An OR: only between two terms, the first not an exclusion. */
        private boolean or() {
            if (orPending || current == null || lastWasExclusion) {
                return false;
            }
            orPending = true;
            return true;
        }

        private int closingQuote(int from) {
            for (int i = from; i < text.length(); i++) {
                if (isQuote(text.charAt(i))) {
                    return i;
                }
            }
            return -1;
        }

        private void skipSpaces() {
            while (pos < text.length() && BengaliText.isSpace(text.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isQuote(char c) {
            return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
        }
    }
}
