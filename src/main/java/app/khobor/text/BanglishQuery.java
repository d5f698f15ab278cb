package app.khobor.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rewrites the Latin words of a search or /follow query into the Bengali words to search for, and says so in
 * Bengali for the reply. Pure: the caller owns the query language and the vocabulary.
 */
public final class BanglishQuery {
    /** Bengali words searched for one Latin word, at most. */
    public static final int MAX_ALTERNATIVES = 3;

    private final Banglish banglish;

    public BanglishQuery(Vocabulary vocabulary) {
        this.banglish = new Banglish(vocabulary);
    }

    /**
     * Each Latin word (search keys, see {@link BengaliText#words}) to the words that stand for it: its Bengali
     * candidates, or the word itself when there are none. Words already in Bengali map to themselves. Order kept.
     */
    public Map<String, List<String>> expand(List<String> words) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (out.containsKey(word)) {
                continue;
            }
            List<String> joined = joinedName(words, i);
            if (!joined.isEmpty()) {
                // "cox's bazar": every Latin piece of the name stands for the one Bengali word (\u0995\u0995\u09CD\u09B8\u09AC\u09BE\u099C\u09BE\u09B0).
                for (int j = i; j < i + joinedLength(words, i); j++) {
                    out.putIfAbsent(words.get(j), joined);
                }
                continue;
            }
            if (word.equals("s") && i > 0 && Banglish.isLatinWord(words.get(i - 1))) {
                // The possessive of "Dhaka's": it adds nothing, so it stands for the word before it.
                out.put(word, out.get(words.get(i - 1)));
                continue;
            }
            List<String> found = Banglish.isLatinWord(word) ? banglish.candidates(word, MAX_ALTERNATIVES) : List.of();
            out.put(word, found.isEmpty() ? List.of(word) : found);
        }
        return out;
    }

    /** A name of two Latin words (a possessive "s" between them allowed) written as one Bengali word; else empty. */
    private List<String> joinedName(List<String> words, int at) {
        int length = joinedLength(words, at);
        if (length == 0) {
            return List.of();
        }
        String joined = String.join("", words.subList(at, at + length));
        List<String> found = banglish.candidates(joined, MAX_ALTERNATIVES);
        return found.isEmpty() || found.equals(List.of(joined)) || Exonyms.bengali(joined) == null ? List.of() : found;
    }

    /** How many words from {@code at} form a two-word Latin name candidate (2, or 3 with a possessive "s"), else 0. */
    private static int joinedLength(List<String> words, int at) {
        int length = at + 2 < words.size() && words.get(at + 1).equals("s") ? 3 : 2;
        if (at + length > words.size()) {
            return 0;
        }
        for (String w : words.subList(at, at + length)) {
            if (!Banglish.isLatinWord(w)) {
                return 0;
            }
        }
        return Exonyms.bengali(String.join("", words.subList(at, at + length))) != null ? length : 0;
    }

    /**
     * The reply's line naming the Bengali words searched ("\u201C\u09A2\u09BE\u0995\u09BE\u201D \u09A6\u09BF\u09AF\u09BC\u09C7 \u0996\u09CB\u0981\u099C\u09BE \u09B9\u09B2\u09CB"), or "" when no Latin word was
     * rewritten into something else.
     */
    public static String searchedPhrase(Map<String, List<String>> expansion) {
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : expansion.entrySet()) {
            String quoted = quoted(e.getValue());
            if (!e.getValue().equals(List.of(e.getKey())) && !shown.contains(quoted)) {
                shown.add(quoted);
            }
        }
        return shown.isEmpty() ? "" : String.join(", ", shown) + " \u09A6\u09BF\u09AF\u09BC\u09C7 \u0996\u09CB\u0981\u099C\u09BE \u09B9\u09B2\u09CB";
    }

    private static String quoted(Collection<String> words) {
        return words.stream().map(w -> "\u201C" + w + "\u201D").collect(Collectors.joining(" \u09AC\u09BE "));
    }
}
