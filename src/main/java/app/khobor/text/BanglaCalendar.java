package app.khobor.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Bangladesh calendar as Khobor reads and writes it: the zone pages mean when they print none, the Gregorian
 * month names as pages print them (Bengali with the papers' spelling variants, and English), and times as Bengali
 * readers write them ("১০:২৪, ১৩ আগস্ট": 24-hour clock, Bengali digits).
 */
public final class BanglaCalendar {
    /** Bangladesh time: pages that print no zone mean it, and readers see it. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Dhaka");

    /** Spelled as the papers spell them (জানুয়ারি, not the JDK's জানুয়ারী), য় in its NFC form. */
    private static final String[] WRITTEN_MONTHS = {
        "\u099C\u09BE\u09A8\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF", "\u09AB\u09C7\u09AC\u09CD\u09B0\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF",
        "\u09AE\u09BE\u09B0\u09CD\u099A", "\u098F\u09AA\u09CD\u09B0\u09BF\u09B2", "\u09AE\u09C7", "\u099C\u09C1\u09A8",
        "\u099C\u09C1\u09B2\u09BE\u0987", "\u0986\u0997\u09B8\u09CD\u099F",
        "\u09B8\u09C7\u09AA\u09CD\u099F\u09C7\u09AE\u09CD\u09AC\u09B0", "\u0985\u0995\u09CD\u099F\u09CB\u09AC\u09B0",
        "\u09A8\u09AD\u09C7\u09AE\u09CD\u09AC\u09B0", "\u09A1\u09BF\u09B8\u09C7\u09AE\u09CD\u09AC\u09B0"
    };

    /** Every spelling, as a search key, to its month number. Bengali-calendar months (ভাদ্র ...) are left out on purpose. */
    private static final Map<String, Integer> MONTHS = build();

    /** Alternation of every spelling, longest first so "june" wins over "jun". */
    static final String REGEX = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|", "(?:", ")"));

    private BanglaCalendar() {}

    /** "১০:২৪, ১৩ আগস্ট" in {@code zone}. */
    public static String format(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        String ascii = String.format("%02d:%02d, %d ", t.getHour(), t.getMinute(), t.getDayOfMonth());
        return BengaliText.bengaliDigits(ascii) + WRITTEN_MONTHS[t.getMonthValue() - 1];
    }

    /** India (West Bengal), the other zone readers can choose. */
    public static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    static final String TODAY = "\u0986\u099C"; // আজ
    static final String YESTERDAY = "\u0997\u09A4\u0995\u09BE\u09B2"; // গতকাল

    /**
     * A time as a reader wants it next to a headline, in {@code zone} and relative to {@code now}: "আজ ১০:২৪",
     * "গতকাল ২৩:১০", "১০:২৪, ১৩ আগস্ট" this year, "১০:২৪, ১৩ আগস্ট ২০২৫" in another year (so an old item never
     * looks fresh).
     */
    public static String format(Instant at, ZoneId zone, Instant now) {
        ZonedDateTime t = at.atZone(zone);
        LocalDate day = t.toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        String clock = BengaliText.bengaliDigits(String.format("%02d:%02d", t.getHour(), t.getMinute()));
        if (day.equals(today)) {
            return TODAY + " " + clock;
        }
        if (day.equals(today.minusDays(1))) {
            return YESTERDAY + " " + clock;
        }
        String date = format(at, zone);
        return day.getYear() == today.getYear() ? date : date + " " + number(day.getYear());
    }

    /** A count in Bengali digits: 12 -> "১২". */
    public static String number(long n) {
        return BengaliText.bengaliDigits(Long.toString(n));
    }

    /** @param key a month name already passed through {@link BengaliText#searchKey} */
    static int month(String key) {
        Integer month = MONTHS.get(key);
        if (month == null) {
            throw new IllegalArgumentException("not a month name: " + key);
        }
        return month;
    }

    /** English three-letter prefix ("Aug", "SEPT") to its month number, or 0, for RFC-822 dates. */
    static int englishMonth(String name) {
        if (name.length() < 3) {
            return 0;
        }
        Integer month = MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
        return month == null ? 0 : month;
    }

    private static Map<String, Integer> build() {
        // Spellings pass through searchKey, so whichever encoding of য় this file or a page uses, they meet.
        List<List<String>> names = List.of(
                List.of("জানুয়ারি", "জানুয়ারী", "জানুআরি", "january", "jan"),
                List.of("ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রুআরি", "february", "feb"),
                List.of("মার্চ", "march", "mar"),
                List.of("এপ্রিল", "april", "apr"),
                List.of("মে", "may"),
                List.of("জুন", "june", "jun"),
                List.of("জুলাই", "july", "jul"),
                List.of("আগস্ট", "আগষ্ট", "অগাস্ট", "অগস্ট", "august", "aug"),
                List.of("সেপ্টেম্বর", "september", "sept", "sep"),
                List.of("অক্টোবর", "october", "oct"),
                List.of("নভেম্বর", "november", "nov"),
                List.of("ডিসেম্বর", "december", "dec"));
        Map<String, Integer> months = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (String name : names.get(i)) {
                months.put(BengaliText.searchKey(name), i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
