package app.khobor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {
    private static List<String> marked(String query, String title) {
        SearchQuery q = ((SearchQuery.Valid) SearchQuery.parse(query)).query();
        return Highlights.of(q, title).stream().map(s -> title.substring(s.start(), s.end())).toList();
    }

    @Test
    void a_prefix_marks_the_whole_inflected_word() {
        assertThat(marked("ঢাকা", "ঢাকায় বৃষ্টি, ঢাকার রাস্তায় পানি")).containsExactly("ঢাকায়", "ঢাকার");
    }

    @Test
    void a_phrase_is_one_range_and_only_where_its_words_follow_each_other() {
        assertThat(marked("\"জাতীয় সংসদ\"", "জাতীয় সংসদ নির্বাচন: সংসদ ও জাতীয় ঐক্য"))
                .containsExactly("জাতীয় সংসদ");
    }

    @Test
    void alternatives_mark_each_found_and_exclusions_mark_nothing() {
        assertThat(marked("ঢাকা বা চট্টগ্রাম -ক্রিকেট", "চট্টগ্রামে ও ঢাকায় সমাবেশ"))
                .containsExactly("চট্টগ্রামে", "ঢাকায়");
    }

    @Test
    void digits_of_either_script_and_latin_case_match_as_search_does() {
        assertThat(marked("2024 bnp", "২০২৪ সালে BNP-র সমাবেশ")).containsExactly("২০২৪", "BNP");
    }

    @Test
    void joiners_inside_a_word_stay_inside_its_range() {
        String title = "র\u200D্যাবের অভিযানে উৎসব ও উত\u09CD\u200Dসব";
        assertThat(marked("র্যাব", title)).containsExactly("র\u200D্যাবের");
        assertThat(marked("উৎসব", title)).containsExactly("উৎসব", "উত\u09CD\u200Dসব");
    }

    @Test
    void words_added_as_alternatives_mark_too() {
        SearchQuery q = ((SearchQuery.Valid) SearchQuery.parse("dhaka")).query()
                .withAlternatives(java.util.Map.of("dhaka", List.of("ঢাকা")));
        String title = "ঢাকায় যানজট";
        assertThat(Highlights.of(q, title)).containsExactly(new Highlights.Span(0, title.indexOf(' ')));
    }
}
