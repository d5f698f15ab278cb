package app.khobor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BanglishTest {
    private final Vocabulary vocabulary = Vocabulary.fromTitles(List.of(
            "\u09A2\u09BE\u0995\u09BE\u09AF\u09BC \u09AC\u09C3\u09B7\u09CD\u099F\u09BF, \u09A2\u09BE\u0995\u09BE\u09B0 \u09B8\u09A1\u09BC\u0995\u09C7 \u099C\u09B2\u09BE\u09AC\u09A6\u09CD\u09A7\u09A4\u09BE", "\u09A2\u09BE\u0995\u09BE \u09A5\u09C7\u0995\u09C7 \u099A\u099F\u09CD\u099F\u0997\u09CD\u09B0\u09BE\u09AE", "\u09A2\u09C7\u0995\u09C7 \u0997\u09C7\u09B2 \u0986\u0995\u09BE\u09B6",
            "\u09AC\u09BF\u098F\u09A8\u09AA\u09BF\u09B0 \u09B8\u09AE\u09BE\u09AC\u09C7\u09B6", "\u098F\u09B8\u098F\u09B8\u09B8\u09BF\u09B0 \u09AB\u09B2", "Trump says tariffs stay", "\u0997\u099C\u09BE\u09B0\u09BF\u09AF\u09BC\u09BE\u09AF\u09BC \u0986\u0997\u09C1\u09A8", "\u09A6\u09C7\u09B6\u09C7 \u09A6\u09BE\u09AE \u09AC\u09BE\u09A1\u09BC\u09B2"));
    private final Banglish banglish = new Banglish(vocabulary);

    @Test
    void a_latin_word_becomes_the_bengali_word_the_vocabulary_has() {
        assertThat(banglish.candidates("Dhaka", 3)).containsExactly(BengaliText.searchKey("\u09A2\u09BE\u0995\u09BE"));
    }

    @Test
    void acronyms_are_read_as_bengali_letter_names() {
        assertThat(banglish.candidates("bnp", 3)).containsExactly(BengaliText.searchKey("\u09AC\u09BF\u098F\u09A8\u09AA\u09BF"));
        assertThat(banglish.candidates("ssc", 3)).containsExactly(BengaliText.searchKey("\u098F\u09B8\u098F\u09B8\u09B8\u09BF"));
    }

    @Test
    void exonyms_give_the_bengali_name() {
        assertThat(banglish.candidates("Chittagong", 3)).containsExactly(BengaliText.searchKey("\u099A\u099F\u09CD\u099F\u0997\u09CD\u09B0\u09BE\u09AE"));
    }

    @Test
    void an_english_word_in_the_headlines_stays_itself() {
        assertThat(banglish.candidates("trump", 3)).contains("trump");
    }

    @Test
    void a_spelling_that_is_only_the_start_of_a_longer_word_is_not_chosen() {
        assertThat(banglish.candidates("gaza", 3)).isEmpty();
    }

    @Test
    void unknown_words_give_nothing() {
        assertThat(banglish.candidates("xylophone", 3)).isEmpty();
        assertThat(banglish.candidates("\u09A2\u09BE\u0995\u09BE", 3)).isEmpty();
    }

    @Test
    void expand_keeps_bengali_and_unknown_words_as_they_are() {
        Map<String, List<String>> expansion = new BanglishQuery(vocabulary).expand(List.of("dhaka", "\u09AC\u09C3\u09B7\u09CD\u099F\u09BF", "xyz"));
        assertThat(expansion).containsExactly(
                Map.entry("dhaka", List.of(BengaliText.searchKey("\u09A2\u09BE\u0995\u09BE"))),
                Map.entry("\u09AC\u09C3\u09B7\u09CD\u099F\u09BF", List.of("\u09AC\u09C3\u09B7\u09CD\u099F\u09BF")),
                Map.entry("xyz", List.of("xyz")));
    }

    @Test
    void the_reply_names_the_bengali_words_searched() {
        Map<String, List<String>> expansion = new BanglishQuery(vocabulary).expand(List.of("dhaka", "dam"));
        assertThat(BanglishQuery.searchedPhrase(expansion)).isEqualTo("\u201C\u09A2\u09BE\u0995\u09BE\u201D, \u201C\u09A6\u09BE\u09AE\u201D \u09A6\u09BF\u09AF\u09BC\u09C7 \u0996\u09CB\u0981\u099C\u09BE \u09B9\u09B2\u09CB");
        assertThat(BanglishQuery.searchedPhrase(Map.of("xyz", List.of("xyz")))).isEmpty();
    }

    @Test
    void a_twelve_letter_word_resolves_against_the_whole_fixture_vocabulary() {
        // How fast is bench/BanglishBench's question; here only that the long word is found.
        Banglish big = new Banglish(FixtureTitles.vocabulary());
        assertThat(big.candidates("prodhanmontri", 3)).contains("\u09AA\u09CD\u09B0\u09A7\u09BE\u09A8\u09AE\u09A8\u09CD\u09A4\u09CD\u09B0\u09C0");
    }

    @Test
    void a_two_word_name_and_a_possessive_stand_for_one_bengali_word() {
        Vocabulary places = Vocabulary.fromTitles(List.of("কক্সবাজারে পর্যটকের ভিড়", "ঢাকার বাজারে আগুন", "ঢাকায় বৃষ্টি"));
        BanglishQuery query = new BanglishQuery(places);

        Map<String, List<String>> cox = query.expand(List.of("cox", "s", "bazar"));
        assertThat(cox).containsEntry("cox", List.of("কক্সবাজার")).containsEntry("s", List.of("কক্সবাজার"))
                .containsEntry("bazar", List.of("কক্সবাজার"));
        assertThat(BanglishQuery.searchedPhrase(cox)).isEqualTo("“কক্সবাজার” দিয়ে খোঁজা হলো");
        assertThat(query.expand(List.of("dhaka", "s")).get("s")).isEqualTo(query.expand(List.of("dhaka")).get("dhaka"));
        assertThat(query.expand(List.of("bazar")).get("bazar")).containsExactly("বাজার");
    }

    @Test
    void a_spoken_inherent_vowel_after_a_conjunct_finds_the_inflected_word_when_nothing_else_does() {
        Banglish students = new Banglish(Vocabulary.fromTitles(List.of("ছাত্রদের বিক্ষোভ", "শিক্ষা ও শিক্ষক")));

        assertThat(students.candidates("chhatra", 3)).containsExactly("ছাত্র");
        assertThat(students.candidates("shikkha", 3)).containsExactly("শিক্ষা");
    }
}
