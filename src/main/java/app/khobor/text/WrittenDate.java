package app.khobor.text;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Dates written out on pages: "আপডেটঃ ২২ আগস্ট ২০২৬ | ০৭:৩৪", "১৬ ফেব্রুয়ারি ২০২৬, ১২:২৮", "August 13, 2026 10:24 AM".
 * Works on search keys (ASCII digits, one encoding of য়). Labels, weekdays and Bengali-calendar dates
 * ("৭ ভাদ্র ১৪৩৩") are skipped simply because only Gregorian month names are looked for.
 */
final class WrittenDate {
    private static final String NOT_IN_WORD = "(?![\\p{L}\\p{M}])";
    /** Ordinal endings: 1st, ২২শে, ১লা, ২রা, ৪ঠা, ৫ই. */
    private static final String ORDINAL = alternation(List.of("st", "nd", "rd", "th", "লা", "রা", "ঠা", "ই", "শে"));
    private static final String YEAR = "(\\d{4})(?![\\d:])";

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<!\\d)(\\d{1,2})" + ORDINAL + "?\\s*[-/.,]?\\s*(" + BanglaCalendar.REGEX + ")" + NOT_IN_WORD
                    + "\\.?(?:\\s*[-/,]?\\s*" + YEAR + ")?");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}\\p{M}])(" + BanglaCalendar.REGEX + ")" + NOT_IN_WORD + "\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])"
                    + "(?:\\s*,?\\s*" + YEAR + ")?");
    /** A time, maybe after a time-of-day word that may carry a case ending (রাতে, সকালে, সন্ধ্যায়). */
    private static final Pattern TIME = Pattern.compile(
            "(?:(?<![\\p{L}\\p{M}])(" + alternation(DayPart.WORDS) + ")[\\p{L}\\p{M}]{0,3}\\s*)?"
                    + "(?<!\\d)(\\d{1,2})\\s*[:ঃ]\\s*(\\d{2})(?:\\s*[:ঃ]\\s*(\\d{2}))?"  // visarga ঃ serves as a colon
                    + "(?:\\s*(" + alternation(List.of("am", "pm", "a.m.", "p.m.", "এএম", "পিএম")) + ")" + NOT_IN_WORD + ")?"
                    + "(?!\\d)");

    private WrittenDate() {}

    /** @return the date and time in the text, Bangladesh time, or null when it holds no Gregorian date */
    static OffsetDateTime parse(String key, ZonedDateTime now) {
        Matcher m = DAY_MONTH_YEAR.matcher(key);
        if (m.find()) {
            return resolve(key, m, m.group(1), m.group(2), m.group(3), now);
        }
        m = MONTH_DAY_YEAR.matcher(key);
        if (m.find()) {
            return resolve(key, m, m.group(2), m.group(1), m.group(3), now);
        }
        return null;
    }

    private static OffsetDateTime resolve(String key, Matcher date, String day, String month, String year,
                                          ZonedDateTime now) {
        LocalTime time = timeNear(key, date.start(), date.end());
        int monthNumber = BanglaCalendar.month(month);
        int dayNumber = Integer.parseInt(day);
        if (year != null) {
            LocalDate local = LocalDate.of(Integer.parseInt(year), monthNumber, dayNumber);
            return NewsDates.at(LocalDateTime.of(local, time), null);
        }
        return withoutYear(monthNumber, dayNumber, time, now);
    }

    /** A date printed without a year is this year's, unless that is more than a day ahead: then it was last year's. */
    private static OffsetDateTime withoutYear(int month, int day, LocalTime time, ZonedDateTime now) {
        int year = now.withZoneSameInstant(BanglaCalendar.ZONE).getYear();
        OffsetDateTime guess = NewsDates.at(LocalDateTime.of(LocalDate.of(year, month, day), time), null);
        if (guess.isAfter(now.toOffsetDateTime().plusDays(1))) {
            guess = NewsDates.at(LocalDateTime.of(LocalDate.of(year - 1, month, day), time), null);
        }
        return guess;
    }

    /** The time after the date ("২২ আগস্ট ২০২৬ | ০৭:৩৪"), else before it; midnight when none is printed. */
    private static LocalTime timeNear(String key, int dateStart, int dateEnd) {
        Matcher m = TIME.matcher(key);
        if (m.find(dateEnd) || m.region(0, dateStart).find()) {
            int hour = DayPart.toTwentyFourHour(Integer.parseInt(m.group(2)), m.group(1), m.group(5));
            int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            return LocalTime.of(hour, Integer.parseInt(m.group(3)), second);
        }
        return LocalTime.MIDNIGHT;
    }

    /** A regex alternation of the words' search keys, so Bengali literals match whatever encoding the page used. */
    static String alternation(List<String> words) {
        return words.stream()
                .map(BengaliText::searchKey)
                .map(Pattern::quote)
                .collect(Collectors.joining("|", "(?:", ")"));
    }
}
