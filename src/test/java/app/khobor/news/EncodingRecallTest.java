package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.fakes.TestDatabases;
import app.khobor.source.Headline;
import app.khobor.text.BengaliText;
import app.khobor.text.FixtureTitles;
import app.khobor.text.SearchQuery;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recall over every fixture title, through the store's real search path (word index and all): each title is stored
 * twice, once as the portal wrote it and once re-encoded the other way a portal may write it (য় ড় ঢ় precomposed or
 * as letter + nukta, Bengali or Latin digits, ৎ or ত্‍, র‍্য with a ZWJ, a ZWNJ inside a word). A word taken from
 * a title, searched in either spelling, must find every stored title holding a word that starts with it (both copies
 * of its own title among them) and nothing else.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class EncodingRecallTest {
    @Parameter
    Engine engine;

    private static final char NUKTA = '\u09BC';

    @TempDir
    Path dir;
    private Database db;
    private HeadlineHistory history;
    private final List<String> stored = new ArrayList<>();

    @BeforeEach
    void storeEveryFixtureTitleInBothSpellings() {
        db = TestDatabases.open(engine, dir);
        history = HeadlineHistory.create(db);
        List<NewHeadline> batch = new ArrayList<>();
        Set<String> titles = FixtureTitles.headlines().stream().map(Headline::title)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        int n = 0;
        for (String title : titles) {
            for (String spelling : List.of(title, otherSpelling(title))) {
                String url = "https://x.test/" + n++;
                batch.add(new NewHeadline(new Headline("src", spelling, url, null), url, BengaliText.searchKey(spelling)));
                stored.add(spelling);
            }
        }
        history.insertAll(batch, Instant.parse("2026-08-13T05:00:00Z"), true);
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the PostgreSQL run was skipped
            db.close();
        }
    }

    @Test
    void most_titles_are_stored_in_a_second_spelling_that_differs() {
        long differ = 0;
        for (int i = 0; i < stored.size(); i += 2) {
            differ += stored.get(i).equals(stored.get(i + 1)) ? 0 : 1;
        }
        assertThat(differ).isGreaterThan(stored.size() / 4);
    }

    @Test
    void a_word_in_either_spelling_finds_every_title_holding_it_in_either_spelling_and_nothing_else() {
        List<String> words = wordsWithVariantLetters();
        assertThat(words).as("fixture words with য় ড় ঢ়, digits, ৎ or র্য").hasSizeGreaterThan(40);
        SoftAssertions soft = new SoftAssertions();
        for (String word : words) {
            Set<String> expected = stored.stream().filter(t -> holds(t, word)).collect(Collectors.toSet());
            for (String spelling : List.of(word, otherSpelling(word))) {
                soft.assertThat(found(spelling)).as("%s (searched as %s)", word, spelling)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            soft.assertThat(expected.size() % 2).as("%s: both copies of each title", word).isZero();
        }
        soft.assertAll();
    }

    private Set<String> found(String word) {
        SearchQuery query = ((SearchQuery.Valid) SearchQuery.parse(word)).query();
        return history.searchPublished(query, Set.of(), Map.of(), 0, 10_000).headlines().stream()
                .map(StoredHeadline::title).collect(Collectors.toSet());
    }

    /** The documented rule, written plainly: some word of the title starts with the word, after normalisation. */
    private static boolean holds(String title, String word) {
        String key = BengaliText.searchKey(word);
        return BengaliText.words(title).stream().anyMatch(w -> w.startsWith(key));
    }

    /** Up to 80 distinct title words that a portal could spell another way, longest first per letter kind. */
    private static List<String> wordsWithVariantLetters() {
        Set<String> words = new LinkedHashSet<>();
        for (Headline h : FixtureTitles.headlines()) {
            for (String w : h.title().split("[\\s,:;‘’“”'\"!?।()\\-]+")) {
                String nfc = Normalizer.normalize(w, Normalizer.Form.NFC);
                if (nfc.length() >= 3 && !otherSpelling(nfc).equals(nfc) && BengaliText.words(nfc).size() == 1) {
                    words.add(nfc);
                }
            }
        }
        return words.stream().limit(80).toList();
    }

    /** The same text as another portal might encode it. */
    static String otherSpelling(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            String precomposed = precomposed(c, next);
            if (precomposed != null) {
                out.append(precomposed); // য + ় -> য়
                i++;
            } else if (c == '\u09DF' || c == '\u09DC' || c == '\u09DD') {
                out.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)); // য় -> য + ়
            } else if (c >= '0' && c <= '9') {
                out.append((char) ('\u09E6' + (c - '0')));
            } else if (c >= '\u09E6' && c <= '\u09EF') {
                out.append((char) ('0' + (c - '\u09E6')));
            } else if (c == '\u09CE') {
                out.append("\u09A4\u09CD\u200D"); // ৎ -> ত্‍
            } else if (c == '\u09CD' && i > 0 && text.charAt(i - 1) == '\u09B0' && next == '\u09AF') {
                out.append('\u200D').append(c); // র্য -> র‍্য
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String precomposed(char base, char next) {
        if (next != NUKTA) {
            return null;
        }
        return switch (base) {
            case '\u09AF' -> "\u09DF";
            case '\u09A1' -> "\u09DC";
            case '\u09A2' -> "\u09DD";
            default -> null;
        };
    }
}
