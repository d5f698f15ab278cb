package app.khobor.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a query matched a title, as character ranges of the title a reader sees, so a result or a push can show the
 * matched words in bold. Matching is the query's own ({@link SearchQuery#matches}): a word is marked whole when one of
 * its keys is a prefix of it (ঢাকা marks ঢাকায়), a phrase is marked as one range from its first word to its last.
 * Excluded terms mark nothing.
 */
public final class Highlights {
    /** Characters {@code [start, end)} of the title. */
    public record Span(int start, int end) {}

    private record TitleWord(String key, int start, int end) {}

    private Highlights() {}

    /**
     * The ranges of {@code title} (display text, as shown) that the query's required terms matched, in order and
     * merged where they touch. Empty when nothing matched or the title's words cannot be lined up with its key.
     */
    public static List<Span> of(SearchQuery query, String title) {
        if (query == null || title == null || title.isEmpty()) {
            return List.of();
        }
        List<TitleWord> titleWords = titleWords(title);
        List<String> keys = titleWords.stream().map(TitleWord::key).toList();
        List<Span> marked = new ArrayList<>();
        for (SearchQuery.Clause clause : query.required()) {
            for (SearchQuery.Term term : clause.alternatives()) {
                int length = term.words().size();
                for (int start = 0; start + length <= keys.size(); start++) {
                    if (term.matchesFrom(keys, start)) {
                        marked.add(new Span(titleWords.get(start).start(), titleWords.get(start + length - 1).end()));
                    }
                }
            }
        }
        return merged(marked);
    }

    /**
     * The title's words with their keys: a run of letters, marks and digits, with the invisible joiners inside it
     * (ZWJ in ত্‍, ZWNJ), is one shown word, and its key words are what {@link BengaliText#words} gives for it.
     */
    private static List<TitleWord> titleWords(String title) {
        List<TitleWord> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= title.length(); ) {
            int cp = i < title.length() ? title.codePointAt(i) : ' ';
            boolean inWord = i < title.length()
                    && (BengaliText.isWordCodePoint(cp) || (start >= 0 && BengaliText.isInvisible((char) cp)));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                int end = trimInvisible(title, start, i);
                for (String key : BengaliText.words(title.substring(start, end))) {
                    words.add(new TitleWord(key, start, end));
                }
                start = -1;
            }
            i += Character.charCount(cp);
        }
        return words;
    }

    private static int trimInvisible(String title, int start, int end) {
        while (end > start && BengaliText.isInvisible(title.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static List<Span> merged(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s.start() <= last.end()) {
                out.set(out.size() - 1, new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
