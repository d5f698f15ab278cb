package app.khobor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bengali strings are unicode escapes so the test pins the exact encoding; readable text is in the comments. */
final class NewsDatesTest {
    /** About when the fixture pages were captured. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 8, 22, 23, 30, 0, 0, BanglaCalendar.ZONE);

    private static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }

    static Stream<Arguments> iso_dates() {
        return Stream.of(
                Arguments.of("2026-08-13T10:24:00+06:00", "2026-08-13T10:24+06:00"),
                Arguments.of("2026-08-13T04:52:00Z", "2026-08-13T04:52Z"),
                Arguments.of("2026-08-13T02:00:00.000Z", "2026-08-13T02:00Z"),         // prothomalo atom:updated
                Arguments.of("2026-08-13T10:48:28+06:00", "2026-08-13T10:48:28+06:00"), // jagonews dc:date
                Arguments.of("2026-08-13T10:24:00.123456+05:30", "2026-08-13T10:24:00.123456+05:30"),
                Arguments.of("2026-08-13T10:24:00+0600", "2026-08-13T10:24+06:00"),
                Arguments.of("2026-08-13 10:24:00", "2026-08-13T10:24+06:00"),
                Arguments.of("2026-08-13T10:24", "2026-08-13T10:24+06:00"),
                Arguments.of("2026-08-13", "2026-08-13T00:00+06:00"),
                Arguments.of("2026/07/13", "2026-07-13T00:00+06:00"));                  // banglanews24 f_date
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void iso_dates(String text, String expected) {
        assertThat(NewsDates.parse(text, NOW)).isEqualTo(at(expected));
    }

    static Stream<Arguments> rfc_822_dates() {
        return Stream.of(
                Arguments.of("Wed, 13 Aug 2026 10:24:00 +0600", "2026-08-13T10:24+06:00"),
                Arguments.of("Thu, 13 Aug 2026 02:00:00 +0000", "2026-08-13T02:00Z"),
                Arguments.of("Thu, 13 Aug 2026 02:00:00 GMT", "2026-08-13T02:00Z"),
                Arguments.of("Thu, 13 Aug 2026 08:00:00 BDT", "2026-08-13T08:00+06:00"),
                Arguments.of("Thu, 13 Aug 2026 02:00:00 UT", "2026-08-13T02:00Z"),
                Arguments.of("Thu, 13 Aug 2026 02:00:00 EST", "2026-08-13T02:00-05:00"),
                Arguments.of("Thu, 13 Aug 2026 02:00:00 PDT", "2026-08-13T02:00-07:00"),
                Arguments.of("Thu, 13 Aug 2026 02:00:00 +05:30", "2026-08-13T02:00+05:30"),
                Arguments.of("13 Aug 2026 10:24:00 +0600", "2026-08-13T10:24+06:00"),
                Arguments.of("Sun, 2 Aug 2026 10:24:00 +0600", "2026-08-02T10:24+06:00"),
                Arguments.of("Thu, 13 Aug 26 10:24:00 +0600", "2026-08-13T10:24+06:00"),
                Arguments.of("Thu, 13 Aug 2026 10:24 +0600", "2026-08-13T10:24+06:00"),
                Arguments.of("Thursday, 13 August 2026 10:24:00 -0400", "2026-08-13T10:24-04:00"),
                Arguments.of("Thu, 13 Aug 2026 10:24:00", "2026-08-13T10:24+06:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rfc_822_dates(String text, String expected) {
        assertThat(NewsDates.parse(text, NOW)).isEqualTo(at(expected));
    }

    @Test
    void rfc_822_with_an_unknown_zone_name_is_not_guessed() {
        assertThat(NewsDates.parse("Thu, 13 Aug 2026 10:24:00 XYZ", NOW)).isNull();
    }

    /** Strings as the fixture pages print them (element text, whitespace as in the HTML). */
    static Stream<Arguments> real_page_dates() {
        return Stream.of(
                // samakal span.publishTime: আপডেটঃ ২২ আগস্ট ২০২৬ | ০৭:৩৪ (visarga after the label, line break inside)
                Arguments.of("\u0986\u09AA\u09A1\u09C7\u099F\u0983\n                                                \u09E8\u09E8 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC | \u09E6\u09ED:\u09E9\u09EA", "2026-08-22T07:34+06:00"),
                Arguments.of("\u0986\u09AA\u09A1\u09C7\u099F\u0983 \u09E8\u09E6 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC | \u09E8\u09E7:\u09E6\u09EC", "2026-08-20T21:06+06:00"),
                Arguments.of("\u0986\u09AA\u09A1\u09C7\u099F\u0983 \u09E8\u09E7 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC | \u09E7\u09EC:\u09EB\u09E7", "2026-08-21T16:51+06:00"),
                // samakal and bd-pratidin page headers: শনিবার, ২২ আগস্ট ২০২৬ / শনিবার, ২২ আগস্ট, ২০২৬
                Arguments.of("\u09B6\u09A8\u09BF\u09AC\u09BE\u09B0,\n                            \u09E8\u09E8 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC", "2026-08-22T00:00+06:00"),
                Arguments.of("\u09B6\u09A8\u09BF\u09AC\u09BE\u09B0, \u09E8\u09E8 \u0986\u0997\u09B8\u09CD\u099F, \u09E8\u09E6\u09E8\u09EC", "2026-08-22T00:00+06:00"),
                // prothomalo <time> for older items: ১৮ আগস্ট ২০২৬ (date only: start of the day in Bangladesh)
                Arguments.of("\u09E7\u09EE \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC", "2026-08-18T00:00+06:00"),
                // dhakapost CreatedAtBangla: ১৬ ফেব্রুয়ারি ২০২৬, ১২:২৮ (precomposed য় in the page)
                Arguments.of("\u09E7\u09EC \u09AB\u09C7\u09AC\u09CD\u09B0\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF \u09E8\u09E6\u09E8\u09EC, \u09E7\u09E8:\u09E8\u09EE", "2026-02-16T12:28+06:00"),
                Arguments.of("\u09E8\u09E7 \u09AB\u09C7\u09AC\u09CD\u09B0\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF \u09E8\u09E6\u09E8\u09EC, \u09E6\u09E7:\u09E7\u09E8", "2026-02-21T01:12+06:00"),
                // banglanews24 header: ঢাকা, বৃহস্পতিবার ১৬ জুলাই ২০২৬ ৩১ আষাঢ় ১৪৩৩ (Bengali-calendar date beside it)
                Arguments.of("\u09A2\u09BE\u0995\u09BE, \u09AC\u09C3\u09B9\u09B8\u09CD\u09AA\u09A4\u09BF\u09AC\u09BE\u09B0 \u09E7\u09EC \u099C\u09C1\u09B2\u09BE\u0987 \u09E8\u09E6\u09E8\u09EC \u09E9\u09E7 \u0986\u09B7\u09BE\u09A2\u09BC \u09E7\u09EA\u09E9\u09E9", "2026-07-16T00:00+06:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void real_page_dates(String text, String expected) {
        assertThat(NewsDates.parse(text, NOW)).isEqualTo(at(expected));
    }

    static Stream<Arguments> written_date_variants() {
        return Stream.of(
                // জানুয়ারি with precomposed য় and with য + nukta, and the জানুয়ারী spelling
                Arguments.of("\u09E7\u09E6 \u099C\u09BE\u09A8\u09C1\u09DF\u09BE\u09B0\u09BF \u09E8\u09E6\u09E8\u09EC", "2026-01-10T00:00+06:00"),
                Arguments.of("\u09E7\u09E6 \u099C\u09BE\u09A8\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF \u09E8\u09E6\u09E8\u09EC", "2026-01-10T00:00+06:00"),
                Arguments.of("\u09E7\u09E6 \u099C\u09BE\u09A8\u09C1\u09AF\u09BC\u09BE\u09B0\u09C0 \u09E8\u09E6\u09E8\u09EC", "2026-01-10T00:00+06:00"),
                // ফেব্রুয়ারী, আগষ্ট, সেপ্টেম্বর, ডিসেম্বর
                Arguments.of("\u09E9 \u09AB\u09C7\u09AC\u09CD\u09B0\u09C1\u09AF\u09BC\u09BE\u09B0\u09C0 \u09E8\u09E6\u09E8\u09EC", "2026-02-03T00:00+06:00"),
                Arguments.of("\u09EB \u0986\u0997\u09B7\u09CD\u099F \u09E8\u09E6\u09E8\u09EC", "2026-08-05T00:00+06:00"),
                Arguments.of("\u09EB \u09B8\u09C7\u09AA\u09CD\u099F\u09C7\u09AE\u09CD\u09AC\u09B0 \u09E8\u09E6\u09E8\u09EB", "2025-09-05T00:00+06:00"),
                Arguments.of("\u09E9\u09E7 \u09A1\u09BF\u09B8\u09C7\u09AE\u09CD\u09AC\u09B0 \u09E8\u09E6\u09E8\u09EB", "2025-12-31T00:00+06:00"),
                Arguments.of("\u09E8\u09EB \u09AE\u09C7 \u09E8\u09E6\u09E8\u09EC", "2026-05-25T00:00+06:00"),
                // labels, weekday, Bengali-calendar date and এএম/পিএম
                Arguments.of("\u09AA\u09CD\u09B0\u0995\u09BE\u09B6: \u09E8\u09E8 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC, \u09E6\u09ED:\u09E9\u09EA \u09AA\u09BF\u098F\u09AE", "2026-08-22T19:34+06:00"),
                Arguments.of("\u09AA\u09CD\u09B0\u0995\u09BE\u09B6\u09BF\u09A4: \u09B6\u09C1\u0995\u09CD\u09B0\u09AC\u09BE\u09B0, \u09ED \u09AD\u09BE\u09A6\u09CD\u09B0 \u09E7\u09EA\u09E9\u09E9, \u09E8\u09E7 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC, \u09E7\u09E8:\u09E6\u09EB \u098F\u098F\u09AE", "2026-08-21T00:05+06:00"),
                Arguments.of("\u0986\u09AA\u09A1\u09C7\u099F: \u09E8\u09E7 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC, \u09E7\u09E8:\u09E9\u09E6 \u09AA\u09BF\u098F\u09AE", "2026-08-21T12:30+06:00"),
                Arguments.of("\u09E8\u09E8\u09B6\u09C7 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC \u09E6\u09EF\u0983\u09E7\u09EB", "2026-08-22T09:15+06:00"),
                // time-of-day words
                Arguments.of("\u09E8\u09E7 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC, \u09AC\u09BF\u0995\u09BE\u09B2 \u09E9:\u09E7\u09E6", "2026-08-21T15:10+06:00"),
                Arguments.of("\u09E8\u09E7 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC, \u09B0\u09BE\u09A4 \u09E7\u09E6:\u09E9\u09E6", "2026-08-21T22:30+06:00"),
                Arguments.of("\u09E8\u09E7 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC, \u09B8\u0995\u09BE\u09B2 \u09EF:\u09E6\u09EB", "2026-08-21T09:05+06:00"),
                Arguments.of("\u09E8\u09E7 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC, \u09A6\u09C1\u09AA\u09C1\u09B0 \u09E7:\u09E6\u09E6", "2026-08-21T13:00+06:00"),
                // সন্ধ্যায় ৭:১৫ and রাতে ১১:৪০: time-of-day words with a case ending (precomposed য় here)
                Arguments.of("\u09E8\u09E7 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC, \u09B8\u09A8\u09CD\u09A7\u09CD\u09AF\u09BE\u09DF \u09ED:\u09E7\u09EB", "2026-08-21T19:15+06:00"),
                Arguments.of("\u09E8\u09E7 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC, \u09B0\u09BE\u09A4\u09C7 \u09E7\u09E7:\u09EA\u09E6", "2026-08-21T23:40+06:00"),
                // time before the date, English month names, AM/PM
                Arguments.of("\u09E7\u09E6:\u09E8\u09EA, \u09E7\u09E9 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC", "2026-08-13T10:24+06:00"),
                Arguments.of("13 August 2026, 10:24 PM", "2026-08-13T22:24+06:00"),
                Arguments.of("August 13, 2026 10:24 am", "2026-08-13T10:24+06:00"),
                Arguments.of("Published: 13 Aug 2026 | 10:24 a.m.", "2026-08-13T10:24+06:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void written_date_variants(String text, String expected) {
        assertThat(NewsDates.parse(text, NOW)).isEqualTo(at(expected));
    }

    @Test
    void missing_year_is_the_year_of_now() {
        assertThat(NewsDates.parse("\u09E8\u09E6 \u0986\u0997\u09B8\u09CD\u099F, \u09E6\u09ED:\u09E9\u09E8", NOW)).isEqualTo(at("2026-08-20T07:32+06:00"));
    }

    @Test
    void missing_year_is_last_year_when_this_year_would_be_in_the_future() {
        ZonedDateTime newYear = ZonedDateTime.of(2026, 1, 2, 9, 0, 0, 0, BanglaCalendar.ZONE);
        assertThat(NewsDates.parse("\u09E9\u09E6 \u09A1\u09BF\u09B8\u09C7\u09AE\u09CD\u09AC\u09B0 \u09E7\u09E6:\u09E6\u09E6", newYear)).isEqualTo(at("2025-12-30T10:00+06:00"));
        assertThat(NewsDates.parse("\u09E8 \u099C\u09BE\u09A8\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF \u09E8\u09E9:\u09E6\u09E6", newYear)).isEqualTo(at("2026-01-02T23:00+06:00"));
    }

    /** bd-pratidin p.card-text (with the category after the bar), prothomalo <time>, banglanews24 date_at. */
    static Stream<Arguments> relative_dates() {
        return Stream.of(
                Arguments.of("\u09E7\u09EC \u09AE\u09BF\u09A8\u09BF\u099F \u0986\u0997\u09C7 | \u09A6\u09C7\u09B6\u0997\u09CD\u09B0\u09BE\u09AE", "2026-08-22T23:14+06:00"),
                Arguments.of("\u09E7 \u0998\u09A3\u09CD\u099F\u09BE \u0986\u0997\u09C7 |\n                                                    \u09AA\u09C2\u09B0\u09CD\u09AC-\u09AA\u09B6\u09CD\u099A\u09BF\u09AE", "2026-08-22T22:30+06:00"),
                Arguments.of("\u09EA \u0998\u09A3\u09CD\u099F\u09BE \u0986\u0997\u09C7", "2026-08-22T19:30+06:00"),
                Arguments.of("\u09E8\u09E9 \u0998\u09A8\u09CD\u099F\u09BE \u0986\u0997\u09C7", "2026-08-22T00:30+06:00"),
                Arguments.of("\u09E8 \u09A6\u09BF\u09A8 \u0986\u0997\u09C7", "2026-08-20T23:30+06:00"),
                Arguments.of("\u09E7 \u09B8\u09AA\u09CD\u09A4\u09BE\u09B9 \u0986\u0997\u09C7", "2026-08-15T23:30+06:00"),
                Arguments.of("\u09E9\u09E6 \u09B8\u09C7\u0995\u09C7\u09A8\u09CD\u09A1 \u0986\u0997\u09C7", "2026-08-22T23:29:30+06:00"),
                Arguments.of("\u098F\u0987\u09AE\u09BE\u09A4\u09CD\u09B0", "2026-08-22T23:30+06:00"),
                Arguments.of("\u098F\u0987 \u09AE\u09BE\u09A4\u09CD\u09B0", "2026-08-22T23:30+06:00"),
                Arguments.of("5 minutes ago", "2026-08-22T23:25+06:00"),
                Arguments.of("2 hours ago", "2026-08-22T21:30+06:00"),
                Arguments.of("an hour ago", "2026-08-22T22:30+06:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void relative_dates(String text, String expected) {
        assertThat(NewsDates.parse(text, NOW)).isEqualTo(at(expected));
    }

    @Test
    void relative_dates_keep_the_offset_of_now() {
        ZonedDateTime kolkata = NOW.withZoneSameInstant(ZoneId.of("Asia/Kolkata"));
        OffsetDateTime parsed = NewsDates.parse("\u09EA \u0998\u09A3\u09CD\u099F\u09BE \u0986\u0997\u09C7", kolkata);
        assertThat(parsed).isEqualTo(at("2026-08-22T19:00+05:30"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Breaking news", "25:99", "2026-13-45", "Thu, 32 Aug 2026 10:00:00 +0600",
            "\u0996\u09C7\u09B2\u09BE", "\u09E9\u09E7 \u09AB\u09C7\u09AC\u09CD\u09B0\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF \u09E8\u09E6\u09E8\u09EC", "\u09ED \u09AD\u09BE\u09A6\u09CD\u09B0 \u09E7\u09EA\u09E9\u09E9", "\u0986\u09AA\u09A1\u09C7\u099F\u0983", "\u09E8\u09E8 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EC | \u09E8\u09EB:\u09E7\u09E6",
            "\u09EB \u0986\u0997\u09B8\u09CD\u099F\u09C7\u09B0 \u0997\u09A3\u0985\u09AD\u09CD\u09AF\u09C1\u09A4\u09CD\u09A5\u09BE\u09A8"})
    void anything_else_is_null(String text) {
        assertThat(NewsDates.parse(text, NOW)).isNull();
    }

    @Test
    void a_missing_now_is_null_not_an_exception() {
        assertThat(NewsDates.parse("2026-08-13", null)).isNull();
    }
}
