package app.khobor.text;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Gregorian month names as pages print them, Bengali (with the papers' spelling variants) and English. */
final class MonthNames {
    /** Every spelling, as a search key, to its month number. Bengali-calendar months (ভাদ্র ...) are left out on purpose. */
    private static final Map<String, Integer> MONTHS = build();

    /** Alternation of every spelling, longest first so "june" wins over "jun". */
    static final String REGEX = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|", "(?:", ")"));

    private MonthNames() {}

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
