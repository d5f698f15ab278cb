package app.khobor.text;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "১৬ মিনিট আগে", "৪ ঘণ্টা আগে", "এইমাত্র", "5 minutes ago": now minus that, found anywhere in the text. */
final class RelativeDate {
    private static final Map<String, ChronoUnit> BENGALI_UNITS = Map.of(
            "সেকেন্ড", ChronoUnit.SECONDS, "মিনিট", ChronoUnit.MINUTES,
            "ঘণ্টা", ChronoUnit.HOURS, "ঘন্টা", ChronoUnit.HOURS, // both spellings are printed
            "দিন", ChronoUnit.DAYS, "সপ্তাহ", ChronoUnit.WEEKS, "মাস", ChronoUnit.MONTHS, "বছর", ChronoUnit.YEARS);
    private static final String ENGLISH_UNITS =
            "(sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|y(?:ea)?rs?)";
    private static final String ONE = BengaliText.searchKey("এক");

    private static final Pattern AGO = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\d])(\\d+|a|an|" + Pattern.quote(ONE) + ")\\s*(?:"
                    + "(" + WrittenDate.alternation(List.copyOf(BENGALI_UNITS.keySet())) + ")"
                    + "|" + ENGLISH_UNITS + ")(?![\\p{L}\\p{M}])\\s*"
                    + WrittenDate.alternation(List.of("আগে", "ago")) + "(?![\\p{L}\\p{M}])");
    private static final Pattern JUST_NOW = Pattern.compile(
            "(?<![\\p{L}\\p{M}])" + WrittenDate.alternation(List.of("এইমাত্র", "এই মাত্র", "just now")) + "(?![\\p{L}\\p{M}])");

    private RelativeDate() {}

    /** @return now minus the printed amount, at the offset of {@code now}, or null when the text holds none */
    static OffsetDateTime parse(String key, ZonedDateTime now) {
        if (JUST_NOW.matcher(key).find()) {
            return now.toOffsetDateTime();
        }
        Matcher m = AGO.matcher(key);
        if (!m.find()) {
            return null;
        }
        long amount = m.group(1).matches("\\d+") ? Long.parseLong(m.group(1)) : 1;
        ChronoUnit unit = m.group(2) != null ? bengaliUnit(m.group(2)) : englishUnit(m.group(3));
        // ZonedDateTime arithmetic, so "২ দিন আগে" keeps the wall-clock time across a DST change in the reader's zone.
        return now.minus(amount, unit).toOffsetDateTime();
    }

    private static ChronoUnit bengaliUnit(String key) {
        for (Map.Entry<String, ChronoUnit> entry : BENGALI_UNITS.entrySet()) {
            if (BengaliText.searchKey(entry.getKey()).equals(key)) {
                return entry.getValue();
            }
        }
        throw new IllegalStateException("unit matched but not mapped: " + key);
    }

    private static ChronoUnit englishUnit(String unit) {
        switch (unit.charAt(0)) {
            case 's': return ChronoUnit.SECONDS;
            case 'h': return ChronoUnit.HOURS;
            case 'd': return ChronoUnit.DAYS;
            case 'w': return ChronoUnit.WEEKS;
            case 'y': return ChronoUnit.YEARS;
            default: return unit.startsWith("mo") ? ChronoUnit.MONTHS : ChronoUnit.MINUTES;
        }
    }
}
