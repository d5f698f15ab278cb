package app.khobor.chat;

import app.khobor.text.BengaliText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Times as Bengali readers write them: "১০:২৪, ১৩ আগস্ট" (24-hour clock, Bengali digits). */
final class BanglaTime {
    /** Spelled as the papers spell them (জানুয়ারি, not the JDK's জানুয়ারী), য় in its NFC form. */
    private static final String[] MONTHS = {
        "\u099C\u09BE\u09A8\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF", "\u09AB\u09C7\u09AC\u09CD\u09B0\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF",
        "\u09AE\u09BE\u09B0\u09CD\u099A", "\u098F\u09AA\u09CD\u09B0\u09BF\u09B2", "\u09AE\u09C7", "\u099C\u09C1\u09A8",
        "\u099C\u09C1\u09B2\u09BE\u0987", "\u0986\u0997\u09B8\u09CD\u099F",
        "\u09B8\u09C7\u09AA\u09CD\u099F\u09C7\u09AE\u09CD\u09AC\u09B0", "\u0985\u0995\u09CD\u099F\u09CB\u09AC\u09B0",
        "\u09A8\u09AD\u09C7\u09AE\u09CD\u09AC\u09B0", "\u09A1\u09BF\u09B8\u09C7\u09AE\u09CD\u09AC\u09B0"
    };

    private BanglaTime() {}

    static String format(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        String ascii = String.format("%02d:%02d, %d ", t.getHour(), t.getMinute(), t.getDayOfMonth());
        return BengaliText.bengaliDigits(ascii) + MONTHS[t.getMonthValue() - 1];
    }

    static String number(long n) {
        return BengaliText.bengaliDigits(Long.toString(n));
    }
}
