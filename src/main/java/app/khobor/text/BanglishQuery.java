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
        for (String word : words) {
            List<String> found = Banglish.isLatinWord(word) ? banglish.candidates(word, MAX_ALTERNATIVES) : List.of();
            out.put(word, found.isEmpty() ? List.of(word) : found);
        }
        return out;
    }

    /**
     * The reply's line naming the Bengali words searched ("\u201C\u09A2\u09BE\u0995\u09BE\u201D \u09A6\u09BF\u09AF\u09BC\u09C7 \u0996\u09CB\u0981\u099C\u09BE \u09B9\u09B2\u09CB"), or "" when no Latin word was
     * rewritten into something else.
     */
    public static String searchedPhrase(Map<String, List<String>> expansion) {
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : expansion.entrySet()) {
            if (!e.getValue().equals(List.of(e.getKey()))) {
                shown.add(quoted(e.getValue()));
            }
        }
        return shown.isEmpty() ? "" : String.join(", ", shown) + " \u09A6\u09BF\u09AF\u09BC\u09C7 \u0996\u09CB\u0981\u099C\u09BE \u09B9\u09B2\u09CB";
    }

    private static String quoted(Collection<String> words) {
        return words.stream().map(w -> "\u201C" + w + "\u201D").collect(Collectors.joining(" \u09AC\u09BE "));
    }
}
