package app.khobor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bengali strings are unicode escapes on purpose: typed literals can come out in either encoding (see bengali-text.md). */
final class BengaliTextTest {
    // ঢাকায় with precomposed য় (U+09DF) and with য + nukta (U+09AF U+09BC)
    private static final String DHAKAY_PRECOMPOSED = "\u09A2\u09BE\u0995\u09BE\u09DF";
    private static final String DHAKAY_DECOMPOSED = "\u09A2\u09BE\u0995\u09BE\u09AF\u09BC";
    private static final String DHAKA = "\u09A2\u09BE\u0995\u09BE";
    // ঢাকার, and ঢেকে (covered) which shares only ঢ with ঢাকা
    private static final String DHAKAR = "\u09A2\u09BE\u0995\u09BE\u09B0";
    private static final String DHEKE = "\u09A2\u09C7\u0995\u09C7";

    @Test
    void both_encodings_of_ya_give_the_same_key() {
        assertThat(BengaliText.searchKey(DHAKAY_PRECOMPOSED)).isEqualTo(BengaliText.searchKey(DHAKAY_DECOMPOSED));
    }

    @Test
    void both_encodings_of_rra_and_rha_give_the_same_key() {
        // পড়া and আষাঢ়
        assertThat(BengaliText.searchKey("\u09AA\u09DC\u09BE")).isEqualTo(BengaliText.searchKey("\u09AA\u09A1\u09BC\u09BE"));
        assertThat(BengaliText.searchKey("\u0986\u09B7\u09BE\u09DD")).isEqualTo(BengaliText.searchKey("\u0986\u09B7\u09BE\u09A2\u09BC"));
    }

    @Test
    void zwj_and_zwnj_are_dropped_so_both_spellings_of_rab_meet() {
        String rabWithZwj = "\u09B0\u200D\u09CD\u09AF\u09BE\u09AC"; // র‍্যাব as pages print the elite force's name
        String rabPlain = "\u09B0\u09CD\u09AF\u09BE\u09AC";
        assertThat(BengaliText.searchKey(rabWithZwj)).isEqualTo(BengaliText.searchKey(rabPlain));
        assertThat(BengaliText.searchKey("\u0995\u09CD\u200C\u09B7")).isEqualTo("\u0995\u09CD\u09B7");
    }

    @Test
    void khanda_ta_written_with_virama_and_zwj_is_the_same_letter() {
        String utsobKhandaTa = "\u0989\u09CE\u09B8\u09AC"; // উৎসব
        String utsobJoined = "\u0989\u09A4\u09CD\u200D\u09B8\u09AC"; // উত্‍সব
        assertThat(BengaliText.searchKey(utsobJoined)).isEqualTo(utsobKhandaTa).isEqualTo(BengaliText.searchKey(utsobKhandaTa));
    }

    @Test
    void bengali_digits_become_ascii() {
        assertThat(BengaliText.searchKey("\u09E8\u09E6\u09E8\u09EA")).isEqualTo("2024");
        assertThat(BengaliText.searchKey("\u09E6\u09E7\u09E8\u09E9\u09EA\u09EB\u09EC\u09ED\u09EE\u09EF")).isEqualTo("0123456789");
    }

    @Test
    void whitespace_including_nbsp_collapses_and_ends_are_trimmed() {
        assertThat(BengaliText.searchKey(" \u00A0" + DHAKA + "\u00A0\u00A0\t\n\u202F\u09B6\u09B9\u09B0 \u2007"))
                .isEqualTo(DHAKA + " \u09B6\u09B9\u09B0");
    }

    @Test
    void latin_is_lower_cased_and_invisible_characters_dropped() {
        assertThat(BengaliText.searchKey("\uFEFFBNP\u200B " + DHAKA)).isEqualTo("bnp " + DHAKA);
    }

    @Test
    void search_key_is_idempotent() {
        List<String> samples = List.of(DHAKAY_PRECOMPOSED, DHAKAY_DECOMPOSED, "\u0989\u09A4\u09CD\u200D\u09B8\u09AC",
                "\u09B0\u200D\u09CD\u09AF\u09BE\u09AC", " A\u00A0B ", "\u0995\u09C7\u200D\u09BE", "\u09E8\u09E6\u09E8\u09EA");
        for (String sample : samples) {
            String key = BengaliText.searchKey(sample);
            assertThat(BengaliText.searchKey(key)).as(sample).isEqualTo(key);
        }
    }

    @Test
    void dropping_a_zwj_between_vowel_sign_parts_still_gives_the_composed_key() {
        // কে + ZWJ + া: once the ZWJ is gone, ে + া is the two-part sign ো and must compose like কো does.
        assertThat(BengaliText.searchKey("\u0995\u09C7\u200D\u09BE")).isEqualTo("\u0995\u09CB");
    }

    @Test
    void null_gives_empty_strings() {
        assertThat(BengaliText.searchKey(null)).isEmpty();
        assertThat(BengaliText.display(null)).isEmpty();
        assertThat(BengaliText.words(null)).isEmpty();
        assertThat(BengaliText.bengaliDigits(null)).isEmpty();
    }

    @Test
    void display_collapses_every_kind_of_space_and_keeps_zwj() {
        String rabWithZwj = "\u09B0\u200D\u09CD\u09AF\u09BE\u09AC";
        assertThat(BengaliText.display("\n\t" + rabWithZwj + "\u00A0\u2007\u202F\u200B\u09AC\u09BE\u09B9\u09BF\u09A8\u09C0\uFEFF  \r\n"))
                .isEqualTo(rabWithZwj + " \u09AC\u09BE\u09B9\u09BF\u09A8\u09C0");
    }

    @Test
    void display_is_nfc_and_keeps_case_and_bengali_digits() {
        assertThat(BengaliText.display("BNP \u0995\u09C7\u09BE \u09E8\u09E6\u09E8\u09EA")).isEqualTo("BNP \u0995\u09CB \u09E8\u09E6\u09E8\u09EA");
    }

    @Test
    void words_split_on_danda_quotes_and_punctuation_but_keep_vowel_signs() {
        // ‘ঢাকায়’ বৃষ্টি, জনজীবন বিপর্যস্ত। “র‍্যাব”-এর অভিযান?
        String headline = "\u2018" + DHAKAY_PRECOMPOSED + "\u2019 \u09AC\u09C3\u09B7\u09CD\u099F\u09BF, "
                + "\u099C\u09A8\u099C\u09C0\u09AC\u09A8 \u09AC\u09BF\u09AA\u09B0\u09CD\u09AF\u09B8\u09CD\u09A4\u0964 "
                + "\u201C\u09B0\u200D\u09CD\u09AF\u09BE\u09AC\u201D-\u098F\u09B0 \u0985\u09AD\u09BF\u09AF\u09BE\u09A8?";
        assertThat(BengaliText.words(headline)).containsExactly(
                BengaliText.searchKey(DHAKAY_DECOMPOSED),
                "\u09AC\u09C3\u09B7\u09CD\u099F\u09BF",
                "\u099C\u09A8\u099C\u09C0\u09AC\u09A8",
                "\u09AC\u09BF\u09AA\u09B0\u09CD\u09AF\u09B8\u09CD\u09A4",
                "\u09B0\u09CD\u09AF\u09BE\u09AC",
                "\u098F\u09B0",
                "\u0985\u09AD\u09BF\u09AF\u09BE\u09A8");
    }

    @Test
    void words_keep_digits_and_split_on_double_danda_and_colon() {
        assertThat(BengaliText.words("\u09E8\u09E6\u09E8\u09EA \u09B8\u09BE\u09B2\u09C7\u0965 COVID-19: \u0995\u09CB"))
                .containsExactly("2024", "\u09B8\u09BE\u09B2\u09C7", "covid", "19", "\u0995\u09CB");
    }

    @Test
    void dhaka_finds_dhakay_and_dhakar_in_either_encoding() {
        List<String> query = BengaliText.words(DHAKA);
        assertThat(BengaliText.matchesAll(BengaliText.words("\u09AC\u09C3\u09B7\u09CD\u099F\u09BF " + DHAKAY_PRECOMPOSED), query)).isTrue();
        assertThat(BengaliText.matchesAll(BengaliText.words("\u09AC\u09C3\u09B7\u09CD\u099F\u09BF " + DHAKAY_DECOMPOSED), query)).isTrue();
        assertThat(BengaliText.matchesAll(BengaliText.words(DHAKAR + " \u09AE\u09C7\u09AF\u09BC\u09B0"), query)).isTrue();
    }

    @Test
    void query_in_either_encoding_finds_the_headline() {
        List<String> headline = BengaliText.words(DHAKAY_PRECOMPOSED + " \u09AC\u09C3\u09B7\u09CD\u099F\u09BF");
        assertThat(BengaliText.matchesAll(headline, BengaliText.words(DHAKAY_DECOMPOSED))).isTrue();
    }

    @Test
    void dhaka_does_not_match_dheke() {
        assertThat(BengaliText.matchesAll(BengaliText.words(DHEKE + " \u09A6\u09BF\u09B2"), BengaliText.words(DHAKA))).isFalse();
    }

    @Test
    void every_query_word_must_match_and_empty_query_matches_nothing() {
        List<String> headline = BengaliText.words(DHAKAY_PRECOMPOSED + " \u09AC\u09C3\u09B7\u09CD\u099F\u09BF");
        assertThat(BengaliText.matchesAll(headline, BengaliText.words(DHAKA + " \u09AC\u09C3\u09B7"))).isTrue();
        assertThat(BengaliText.matchesAll(headline, BengaliText.words(DHAKA + " \u09AC\u09A8\u09CD\u09AF\u09BE"))).isFalse();
        assertThat(BengaliText.matchesAll(headline, List.of())).isFalse();
        assertThat(BengaliText.matchesAll(headline, BengaliText.words(" \u0964 "))).isFalse();
    }

    @Test
    void matching_is_on_word_starts_not_inside_words() {
        // বাংলাদেশ does not match a query for দেশ
        List<String> headline = BengaliText.words("\u09AC\u09BE\u0982\u09B2\u09BE\u09A6\u09C7\u09B6");
        assertThat(BengaliText.matchesAll(headline, BengaliText.words("\u09A6\u09C7\u09B6"))).isFalse();
    }

    @Test
    void ascii_digits_become_bengali_digits_for_readers() {
        assertThat(BengaliText.bengaliDigits("12:05, 2024")).isEqualTo("\u09E7\u09E8:\u09E6\u09EB, \u09E8\u09E6\u09E8\u09EA");
    }
}
