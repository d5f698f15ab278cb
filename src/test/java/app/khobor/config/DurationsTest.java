package app.khobor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "30s, PT30S", "2m, PT2M", "1h, PT1H", "1d, PT24H", "500ms, PT0.5S", "1h30m, PT1H30M",
            "1d2h3m4s5ms, PT26H3M4.005S", "PT2M, PT2M", "P1D, PT24H", "pt90s, PT1M30S", "' 2m ', PT2M"})
    void short_and_iso_forms_are_read(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2 minutes", "2", "2M", "1.5h", "-2m", "m", "30m1h", "1m1m", "", "P", "99999999999999999999d"})
    void anything_else_is_refused_with_examples(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text.strip() + "' is not a duration")
                .hasMessageContaining("30s, 2m, 1h");
    }

    @Test
    void null_is_refused_with_a_message_not_a_null_pointer() {
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration");
    }

    @ParameterizedTest
    @CsvSource({"PT2M, 2m", "PT1H30M, 1h30m", "PT0.5S, 500ms", "P1D, 1d", "PT0S, 0s", "PT-2M, -2m", "P2DT1S, 2d1s"})
    void format_prints_the_short_form(String iso, String text) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2m", "1h30m", "500ms", "1d", "1d1h1m1s1ms"})
    void format_reads_back_with_parse(String text) {
        assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
    }
}
