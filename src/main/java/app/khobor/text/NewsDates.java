package app.khobor.text;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Parses the dates news sources print: ISO-8601, RFC-822, and Bengali dates on pages. */
public final class NewsDates {
    /** Pages that print no zone are in Bangladesh time. */
    public static final ZoneId BANGLADESH = ZoneId.of("Asia/Dhaka");

    private NewsDates() {}

    /**
     * @param text a date as printed (ISO-8601, RFC-822 with any offset, Bengali absolute or relative "১৬ মিনিট আগে")
     * @param now  the reading time, for relative dates and years left out
     * @return the instant with its offset, or null when the text is not a date we understand
     */
    public static OffsetDateTime parse(String text, ZonedDateTime now) {
        throw new UnsupportedOperationException("TODO");
    }
}
