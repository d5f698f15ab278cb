package app.khobor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Times next to headlines: "আজ", "গতকাল", the year when it is not this year, in the reader's zone. */
class RelativeTimesTest {
    /** 11:00 in Dhaka, 10:30 in Kolkata, 13 August 2026. */
    private static final Instant NOW = Instant.parse("2026-08-13T05:00:00Z");

    @Test
    void today_and_yesterday_are_named_and_other_days_carry_the_date() {
        // আজ ১০:২৪
        assertThat(BanglaCalendar.format(Instant.parse("2026-08-13T04:24:00Z"), BanglaCalendar.ZONE, NOW))
                .isEqualTo("\u0986\u099C \u09E7\u09E6:\u09E8\u09EA");
        // গতকাল ২৩:১০
        assertThat(BanglaCalendar.format(Instant.parse("2026-08-12T17:10:00Z"), BanglaCalendar.ZONE, NOW))
                .isEqualTo("\u0997\u09A4\u0995\u09BE\u09B2 \u09E8\u09E9:\u09E7\u09E6");
        // ১০:২৪, ১১ আগস্ট
        assertThat(BanglaCalendar.format(Instant.parse("2026-08-11T04:24:00Z"), BanglaCalendar.ZONE, NOW))
                .isEqualTo("\u09E7\u09E6:\u09E8\u09EA, \u09E7\u09E7 \u0986\u0997\u09B8\u09CD\u099F");
    }

    @Test
    void last_years_item_shows_its_year_so_it_never_looks_fresh() {
        // ১০:২৪, ১৩ আগস্ট ২০২৫
        assertThat(BanglaCalendar.format(Instant.parse("2025-08-13T04:24:00Z"), BanglaCalendar.ZONE, NOW))
                .isEqualTo("\u09E7\u09E6:\u09E8\u09EA, \u09E7\u09E9 \u0986\u0997\u09B8\u09CD\u099F \u09E8\u09E6\u09E8\u09EB");
    }

    @Test
    void the_day_is_the_readers_own_so_a_time_near_midnight_differs_between_dhaka_and_kolkata() {
        Instant at = Instant.parse("2026-08-12T18:15:00Z"); // 00:15 on the 13th in Dhaka, 23:45 on the 12th in Kolkata

        assertThat(BanglaCalendar.format(at, BanglaCalendar.ZONE, NOW)).isEqualTo("\u0986\u099C \u09E6\u09E6:\u09E7\u09EB");
        assertThat(BanglaCalendar.format(at, BanglaCalendar.INDIA, NOW))
                .isEqualTo("\u0997\u09A4\u0995\u09BE\u09B2 \u09E8\u09E9:\u09EA\u09EB");
    }
}
