package app.khobor.story;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.text.BengaliText;
import org.junit.jupiter.api.Test;

/** Bengali strings as \\u escapes: typed literals can come out in either encoding of য়. */
class StoryWordsTest {
    private static final String DHAKA = "\u09A2\u09BE\u0995\u09BE";

    private static String term(String word) {
        return StoryWords.term(BengaliText.searchKey(word));
    }

    @Test
    void inflected_forms_of_a_place_meet_at_one_term() {
        String inDhakaPrecomposed = DHAKA + "\u09DF";      // ঢাকায় with precomposed য়
        String inDhakaDecomposed = DHAKA + "\u09AF\u09BC"; // the same word, য + nukta
        String ofDhaka = DHAKA + "\u09B0";                 // ঢাকার
        assertThat(term(inDhakaPrecomposed)).isEqualTo(term(DHAKA))
                .isEqualTo(term(inDhakaDecomposed)).isEqualTo(term(ofDhaka));
    }

    @Test
    void case_endings_on_a_name_come_off() {
        String trump = "\u099F\u09CD\u09B0\u09BE\u09AE\u09CD\u09AA";
        assertThat(term(trump + "\u09C7\u09B0")).isEqualTo(term(trump));  // ট্রাম্পের
        assertThat(term(trump + "\u0995\u09C7")).isEqualTo(term(trump));  // ট্রাম্পকে
    }

    @Test
    void the_two_spellings_of_arrested_are_one_term() {
        String grefotar = "\u0997\u09CD\u09B0\u09C7\u09AB\u09A4\u09BE\u09B0";           // গ্রেফতার
        String greptar = "\u0997\u09CD\u09B0\u09C7\u09AA\u09CD\u09A4\u09BE\u09B0";     // গ্রেপ্তার
        assertThat(term(grefotar)).isEqualTo(term(greptar));
    }

    @Test
    void numbers_in_either_script_are_read_as_ascii() {
        // "২৪টি গুইসাপ, 265 জন" : 24 from a counted word, 265 in ASCII
        String title = "\u09E8\u09EA\u099F\u09BF \u0997\u09C1\u0987\u09B8\u09BE\u09AA, 265 \u099C\u09A8";
        assertThat(StoryWords.numbers(title)).containsExactlyInAnyOrder("24", "265");
    }

    @Test
    void function_words_and_weekdays_are_not_terms() {
        // "বৃহস্পতিবার নিয়ে ঢাকা"
        String text = "\u09AC\u09C3\u09B9\u09B8\u09CD\u09AA\u09A4\u09BF\u09AC\u09BE\u09B0 "
                + "\u09A8\u09BF\u09AF\u09BC\u09C7 " + DHAKA;
        assertThat(StoryWords.of(text, null).title()).containsExactly(term(DHAKA));
    }

    @Test
    void only_the_start_of_a_summary_counts() {
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < StoryWords.SUMMARY_WORDS + 10; i++) {
            summary.append("word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        HeadlineTerms terms = StoryWords.of("", summary.toString());
        assertThat(terms.all()).hasSize(StoryWords.SUMMARY_WORDS);
    }
}
