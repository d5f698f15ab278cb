package app.khobor.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them: "30s", "2m", "1h", "1d", "500ms", combined "1h30m", or ISO-8601 "PT2M", "P1D".
 * Short units are lower case only, so "2M" is never mistaken for two months.
 */
public final class Durations {
    static final String EXAMPLES = "examples: 30s, 2m, 1h, 1h30m, 500ms, PT2M";

    private static final Pattern SHORT = Pattern.compile("(?:\\d+(?:ms|d|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");
    // Largest unit first; each unit at most once, so "30m1h" or "1m1m" are typos, not durations.
    private static final List<String> UNIT_ORDER = List.of("d", "h", "m", "s", "ms");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the text and giving examples */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("'' is not a duration (" + EXAMPLES + ")");
        }
        String trimmed = text.strip();
        try {
            if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
                return Duration.parse(trimmed);
            }
            if (SHORT.matcher(trimmed).matches() && unitsInOrder(trimmed)) {
                return parseShort(trimmed);
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // fall through to the one message below; the JDK's wording means little to an operator
        }
        throw new IllegalArgumentException("'" + trimmed + "' is not a duration (" + EXAMPLES + ")");
    }

    private static boolean unitsInOrder(String text) {
        int lastRank = -1;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            int rank = UNIT_ORDER.indexOf(part.group(2));
            if (rank <= lastRank) {
                return false;
            }
            lastRank = rank;
        }
        return true;
    }

    private static Duration parseShort(String text) {
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            total = total.plus(of(Long.parseLong(part.group(1)), part.group(2)));
        }
        return total;
    }

    private static Duration of(long amount, String unit) {
        return switch (unit) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    /** The short form that {@link #parse} reads back: "2m", "1h30m", "500ms"; "0s" for zero. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.getNano() % 1_000_000 != 0) {
            return duration.toString(); // below a millisecond: only ISO-8601 can say it
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDays(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.length() == 0 ? "0s" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }
}
