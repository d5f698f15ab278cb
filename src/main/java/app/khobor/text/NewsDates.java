package app.khobor.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates news sources print: ISO-8601, RFC-822, and Bengali dates on pages.
 * <p>Decisions: text without a zone is Bangladesh time; a date without a time (ISO "2026-08-13", a page's
 * "১৮ আগস্ট ২০২৬") is the start of that day in Bangladesh, so old items still sort and age correctly.
 */
public final class NewsDates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})[-/](\\d{2})[-/](\\d{2})"
                    + "(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?))?"
                    + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern RFC_822 = Pattern.compile(
            "(?:[a-z]{3,9}\\.?,?\\s*)?"                         // optional weekday
                    + "(\\d{1,2})\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4}|\\d{2}),?\\s+"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?"
                    + "\\s*((?!(?:am|pm)\\b)[a-z]{1,5}|[+-]\\d{2}:?\\d{2})?"   // a zone; "10:24 pm" is a page date
                    + "(?:\\s*\\([^)]*\\))?",                    // "(UTC)" comments some feeds append
            Pattern.CASE_INSENSITIVE);

    /** RFC-822 zone names, plus IST (India) and BST (Bangladesh), which Bengali sources mean by them. */
    private static final Map<String, ZoneOffset> ZONE_NAMES = Map.ofEntries(
            Map.entry("Z", ZoneOffset.UTC), Map.entry("UT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)), Map.entry("BST", ZoneOffset.ofHours(6)),
            Map.entry("BDT", ZoneOffset.ofHours(6)));

    private NewsDates() {}

    /**
     * @param text a date as printed (ISO-8601, RFC-822 with any offset, Bengali absolute or relative "১৬ মিনিট আগে")
     * @param now  the reading time, for relative dates and years left out
     * @return the instant with its offset, or null when the text is not a date we understand
     */
    public static OffsetDateTime parse(String text, ZonedDateTime now) {
        if (text == null || now == null) {
            return null;
        }
        try {
            // Every parser reads the search key: Bengali digits become ASCII and both encodings of য় meet.
            return parseOrNull(BengaliText.searchKey(text), now);
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            // Out-of-range fields ("31 ফেব্রুয়ারি") or absurd numbers: not a date we understand.
            return null;
        }
    }

    private static OffsetDateTime parseOrNull(String key, ZonedDateTime now) {
        if (key.isEmpty()) {
            return null;
        }
        Matcher iso = ISO.matcher(key);
        if (iso.matches()) {
            return iso(iso);
        }
        Matcher rfc822 = RFC_822.matcher(key);
        if (rfc822.matches()) {
            // Null for an unknown zone name: guessing Bangladesh time could be hours off.
            return rfc822(rfc822);
        }
        // An absolute date beats "২ ঘণ্টা আগে" printed beside it: it does not drift with `now`.
        OffsetDateTime parsed = WrittenDate.parse(key, now);
        if (parsed == null) {
            parsed = RelativeDate.parse(key, now);
        }
        return parsed;
    }

    private static OffsetDateTime iso(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(4).replace(',', '.'));
        return at(LocalDateTime.of(date, time), m.group(5) == null ? null : ZoneOffset.of(m.group(5).toUpperCase(Locale.ROOT)));
    }

    private static OffsetDateTime rfc822(Matcher m) {
        int month = BanglaCalendar.englishMonth(m.group(2));
        ZoneOffset offset = m.group(7) == null ? null : zone(m.group(7));
        if (month == 0 || (m.group(7) != null && offset == null)) {
            return null;
        }
        LocalDate date = LocalDate.of(fullYear(m.group(3)), month, Integer.parseInt(m.group(1)));
        LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        return at(LocalDateTime.of(date, time), offset);
    }

    /** RFC 2822 section 4.3: two-digit years below 50 are 20xx, the rest 19xx. */
    private static int fullYear(String year) {
        int value = Integer.parseInt(year);
        if (year.length() == 4) {
            return value;
        }
        return value < 50 ? 2000 + value : 1900 + value;
    }

    private static ZoneOffset zone(String zone) {
        char first = zone.charAt(0);
        if (first == '+' || first == '-') {
            return ZoneOffset.of(zone);
        }
        return ZONE_NAMES.get(zone.toUpperCase(Locale.ROOT));
    }

    /** A local date-time with its offset, or in Bangladesh time when the text gave none. */
    static OffsetDateTime at(LocalDateTime local, ZoneOffset offset) {
        return offset == null ? local.atZone(BanglaCalendar.ZONE).toOffsetDateTime() : local.atOffset(offset);
    }
}
