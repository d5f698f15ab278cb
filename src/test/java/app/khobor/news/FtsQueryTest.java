package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.text.SearchQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The word index's exact expression: FTS5 syntax only from us, phrases in order, exclusions, and where it gives up. */
class FtsQueryTest {
    private static SearchQuery query(String text) {
        return ((SearchQuery.Valid) SearchQuery.parse(text)).query();
    }

    @Test
    void exact_writes_phrases_as_fts5_phrases_of_prefix_tokens_and_exclusions_as_not() {
        assertThat(FtsQuery.exact(query("\u09A2\u09BE\u0995\u09BE \"\u099C\u09BE\u09A4\u09C0\u09AF\u09BC \u09B8\u0982\u09B8\u09A6\" -\u0996\u09C7\u09B2\u09BE")))
                .contains("((((\"\u09A2\u09BE\u0995\u09BE\" *)) AND ((\"\u099C\u09BE\u09A4\u09C0\u09AF\u09BC\" * + \"\u09B8\u0982\u09B8\u09A6\" *)))"
                        + " NOT (\"\u0996\u09C7\u09B2\u09BE\" *))");
        assertThat(FtsQuery.exact(query("a OR b"))).contains("(((\"a\" *) OR (\"b\" *)))");
    }

    @Test
    void exact_spells_out_a_phrase_of_words_with_several_keys_and_gives_up_past_the_limit() {
        SearchQuery two = query("\"x y\"").withAlternatives(Map.of("x", List.of("a", "b")));
        assertThat(FtsQuery.exact(two)).contains("(((\"x\" * + \"y\" * OR \"a\" * + \"y\" * OR \"b\" * + \"y\" *)))");

        SearchQuery many = query("\"x y z\"").withAlternatives(Map.of("x", List.of("a", "b"), "y", List.of("c", "d"),
                "z", List.of("e", "f")));
        assertThat(FtsQuery.exact(many)).as("3 x 3 x 3 = 27 spellings").isPresent();
        SearchQuery tooMany = query("\"w x y z\"").withAlternatives(Map.of("w", List.of("g"), "x", List.of("a", "b"),
                "y", List.of("c", "d"), "z", List.of("e", "f")));
        assertThat(FtsQuery.exact(tooMany)).as("2 x 27 spellings: the word index gives candidates only").isEmpty();
    }

    @Test
    void text_that_looks_like_fts5_syntax_stays_a_quoted_token() {
        assertThat(FtsQuery.exact(SearchQuery.allOf(List.of("a\"b")))).isEmpty();
        assertThat(FtsQuery.exact(SearchQuery.allOf(List.of("near")))).contains("(((\"near\" *)))");
    }
}
