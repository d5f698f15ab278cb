package app.khobor.text;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.fakes.FixtureFiles;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The সর্বশেষ sidebar of the seed page prints an English date after each Bengali headline ("... Nov 19, 2025"). */
class SidebarDatesTest {
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2025-11-19T21:00:00+06:00[Asia/Dhaka]");
    private static final OffsetDateTime NOV_19 = OffsetDateTime.parse("2025-11-19T00:00:00+06:00");

    private static List<String> headlineLines() {
        return FixtureFiles.text("seed/latest-sidebar.txt").lines()
                .filter(line -> line.endsWith(", 2025"))
                .toList();
    }

    @Test
    void every_date_of_the_sidebar_is_the_start_of_that_day_in_bangladesh() {
        List<String> lines = headlineLines();
        assertThat(lines).hasSize(20);
        for (String line : lines) {
            String date = line.substring(line.lastIndexOf("Nov "));
            assertThat(NewsDates.parse(date, NOW)).as(date).isEqualTo(NOV_19);
        }
    }

    @Test
    void the_date_is_found_after_a_headline_holding_numbers_colons_and_month_names_of_its_own() {
        // "২.১ ট্রিলিয়ন", "১২.১ মিলিয়ন", "নভেম্বরের ১৮ দিনে", "জড়িত : হাইকোর্টে" must not be read as the date
        for (String line : headlineLines()) {
            assertThat(NewsDates.parse(line, NOW)).as(line).isEqualTo(NOV_19);
        }
    }

    @Test
    void english_bengali_and_relative_dates_of_latest_pages_all_parse() {
        assertThat(NewsDates.parse("Nov 19, 2025", NOW)).isEqualTo(NOV_19);
        assertThat(NewsDates.parse("November 19, 2025 10:24 PM", NOW))
                .isEqualTo(OffsetDateTime.parse("2025-11-19T22:24:00+06:00"));
        assertThat(NewsDates.parse("১৯ নভেম্বর ২০২৫, ১০:২৪", NOW))
                .isEqualTo(OffsetDateTime.parse("2025-11-19T10:24:00+06:00"));
        assertThat(NewsDates.parse("১৬ মিনিট আগে", NOW)).isEqualTo(NOW.minusMinutes(16).toOffsetDateTime());
    }
}
