package app.khobor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    private static SearchQuery query(String text) {
        return assertInstanceOf(SearchQuery.Valid.class, SearchQuery.parse(text), text).query();
    }

    private static String invalid(String text) {
        return assertInstanceOf(SearchQuery.Invalid.class, SearchQuery.parse(text), text).message();
    }

    private static boolean finds(String query, String headline) {
        return query(query).matchesText(headline);
    }

    @Test
    void every_word_must_match_as_a_prefix_in_any_order() {
        assertTrue(finds("ঢাকা নির্বাচন", "নির্বাচনে ঢাকায় নতুন জোট"));
        assertFalse(finds("ঢাকা নির্বাচন", "ঢাকায় যানজট"));
        assertFalse(finds("ঢাকায়", "ঢাকা শহর"));
    }

    @Test
    void a_quoted_phrase_matches_only_consecutive_words_in_order() {
        assertTrue(finds("\"জাতীয় ইরাকের\"", "জাতীয় ইরাকের দল"));
        assertFalse(finds("\"জাতীয় ইরাকের\"", "ইরাকের জাতীয় দল"));
        assertFalse(finds("\"জাতীয় ইরাকের\"", "জাতীয় দল ইরাকের"));
        assertTrue(finds("“জাতীয় সংসদ”", "জাতীয় সংসদে বিল"));
        assertTrue(query("\"জাতীয় সংসদ\"").required().get(0).alternatives().get(0).isPhrase());
    }

    @Test
    void a_minus_word_or_phrase_excludes() {
        assertTrue(finds("বাংলাদেশ -ক্রিকেট", "বাংলাদেশের অর্থনীতি"));
        assertFalse(finds("বাংলাদেশ -ক্রিকেট", "বাংলাদেশ ক্রিকেট দলের জয়"));
        assertFalse(finds("বাংলাদেশ -\"টি টোয়েন্টি\"", "বাংলাদেশের টি টোয়েন্টি"));
        assertTrue(finds("বাংলাদেশ -\"টি টোয়েন্টি\"", "টোয়েন্টি বছর পরে বাংলাদেশের টি"));
    }

    @Test
    void or_in_all_three_spellings_gives_alternatives() {
        for (String or : List.of("বা", "OR", "|")) {
            String q = "ঢাকা " + or + " চট্টগ্রাম";
            assertTrue(finds(q, "ঢাকায় বৃষ্টি"), q);
            assertTrue(finds(q, "চট্টগ্রামে বৃষ্টি"), q);
            assertFalse(finds(q, "সিলেটে বৃষ্টি"), q);
        }
        assertTrue(finds("ঢাকা|চট্টগ্রাম", "চট্টগ্রামে বৃষ্টি"));
        assertEquals(1, query("ঢাকা বা চট্টগ্রাম বা সিলেট").required().size());
        assertEquals(3, query("ঢাকা বা চট্টগ্রাম বা সিলেট").required().get(0).alternatives().size());
    }

    @Test
    void or_binds_the_two_neighbours_and_the_rest_must_still_match() {
        SearchQuery q = query("বৃষ্টি ঢাকা বা চট্টগ্রাম -বন্যা");
        assertTrue(q.matchesText("চট্টগ্রামে ভারী বৃষ্টি"));
        assertFalse(q.matchesText("চট্টগ্রামে ভারী বাতাস"));
        assertFalse(q.matchesText("ঢাকায় বৃষ্টি, বন্যার আশঙ্কা"));
    }

    @Test
    void both_encodings_of_ya_rra_rha_meet() {
        String composedYa = "\u09DF"; // য়
        String decomposedYa = "\u09AF\u09BC";
        assertTrue(finds("ঢাকা" + composedYa, "ঢাকা" + decomposedYa + " যানজট"));
        assertTrue(finds("ঢাকা" + decomposedYa, "ঢাকা" + composedYa + " যানজট"));
        assertTrue(finds("প\u09DCা", "প\u09A1\u09BCাশোনা"));
        assertTrue(finds("\u09A2\u09BC", "\u09DDাকা"));
    }

    @Test
    void bengali_and_latin_digits_meet() {
        assertTrue(finds("২০২৬", "2026 সালের বাজেট"));
        assertTrue(finds("2026", "২০২৬ সালের বাজেট"));
    }

    @Test
    void zwj_and_zwnj_are_ignored() {
        assertTrue(finds("র\u200D্যাব", "র্যাবের অভিযান"));
        assertTrue(finds("র্যাব", "র\u200C্যাবের অভিযান"));
    }

    @Test
    void a_word_may_hold_several_alternative_keys() {
        SearchQuery.Word word = new SearchQuery.Word(List.of("dhaka", BengaliText.searchKey("ঢাকা")));
        SearchQuery.Term term = new SearchQuery.Term("dhaka", List.of(word));
        assertTrue(term.matches(BengaliText.words("ঢাকায় বৃষ্টি")));
        assertTrue(term.matches(BengaliText.words("Dhaka rain")));
    }

    @Test
    void bad_input_gets_a_clear_bengali_message() {
        assertEquals(SearchQuery.UNBALANCED, invalid("\"জাতীয় সংসদ"));
        assertEquals(SearchQuery.ONLY_EXCLUSIONS, invalid("-ক্রিকেট -ফুটবল"));
        assertEquals(SearchQuery.NO_WORDS, invalid("।, ?! —"));
        assertEquals(SearchQuery.NO_WORDS, invalid(""));
        assertEquals(SearchQuery.TOO_MANY_WORDS, invalid("খবর ".repeat(200)));
        assertEquals(SearchQuery.DANGLING_OR, invalid("বা ঢাকা"));
        assertEquals(SearchQuery.DANGLING_OR, invalid("ঢাকা OR"));
        assertEquals(SearchQuery.DANGLING_OR, invalid("ঢাকা | | চট্টগ্রাম"));
        assertEquals(SearchQuery.DANGLING_OR, invalid("ঢাকা -সিলেট বা চট্টগ্রাম"));
    }

    @Test
    void regular_expression_characters_are_plain_text() {
        assertFalse(finds(".* ঢাকা", "চট্টগ্রাম"));
        assertTrue(finds("[ঢাকা]", "ঢাকায় বৃষ্টি"));
    }

    @Test
    void a_hyphen_inside_a_word_is_not_an_exclusion() {
        assertTrue(finds("ঢাকা-চট্টগ্রাম", "ঢাকা চট্টগ্রাম মহাসড়কে যানজট"));
        assertTrue(query("ঢাকা-চট্টগ্রাম").excluded().isEmpty());
    }

    @Test
    void with_alternatives_adds_the_bengali_keys_to_latin_words_and_keeps_the_latin_key() {
        String dhaka = BengaliText.searchKey("\u09A2\u09BE\u0995\u09BE");
        String cricket = BengaliText.searchKey("\u0995\u09CD\u09B0\u09BF\u0995\u09C7\u099F");
        SearchQuery query = ((SearchQuery.Valid) SearchQuery.parse("dhaka \"bnp rally\" -cricket")).query();

        assertEquals(List.of("dhaka", "bnp", "rally", "cricket"), query.wordKeys());
        SearchQuery wide = query.withAlternatives(
                java.util.Map.of("dhaka", List.of(dhaka), "cricket", List.of(cricket), "rally", List.of("rally")));

        assertEquals(List.of("dhaka", dhaka), wide.required().get(0).alternatives().get(0).words().get(0).keys());
        assertEquals(List.of("bnp"), wide.required().get(1).alternatives().get(0).words().get(0).keys());
        assertEquals("dhaka", wide.required().get(0).alternatives().get(0).shown());
        assertTrue(wide.matchesText("\u09A2\u09BE\u0995\u09BE\u09DF bnp rally"));
        assertTrue(wide.matchesText("Dhaka bnp rally"));
        assertFalse(wide.matchesText("\u09A2\u09BE\u0995\u09BE\u09DF bnp rally \u0995\u09CD\u09B0\u09BF\u0995\u09C7\u099F"));
        assertFalse(query.matchesText("\u09A2\u09BE\u0995\u09BE\u09DF bnp rally"));
        assertEquals(query, query.withAlternatives(java.util.Map.of()));
    }
}
