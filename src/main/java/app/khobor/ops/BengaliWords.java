package app.khobor.ops;

import static app.khobor.text.BanglaCalendar.number;

import app.khobor.text.BanglaCalendar;
import java.time.Duration;
import java.time.Instant;

/** Durations and times in the admins' messages, in Bengali. */
final class BengaliWords {
    private BengaliWords() {}

    /** "২ দিন ৩ ঘণ্টা", "১ ঘণ্টা ৫ মিনিট", "৪০ মিনিট", "১ মিনিটের কম"; the two largest units. */
    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes == 0) {
            return "১ মিনিটের কম";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return number(days) + " দিন" + (hours > 0 ? " " + number(hours) + " ঘণ্টা" : "");
        }
        if (hours > 0) {
            return number(hours) + " ঘণ্টা" + (mins > 0 ? " " + number(mins) + " মিনিট" : "");
        }
        return number(mins) + " মিনিট";
    }

    static String time(Instant at) {
        return at == null ? "কখনো না" : BanglaCalendar.format(at, BanglaCalendar.ZONE);
    }
}
