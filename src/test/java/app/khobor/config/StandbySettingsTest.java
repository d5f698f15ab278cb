package app.khobor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standby section (active/standby on PostgreSQL): its defaults, its keys, and what a mistake says. */
class StandbySettingsTest {
    @TempDir
    Path dir;

    private ConfigFiles files() {
        return new ConfigFiles(dir);
    }

    @Test
    void without_a_standby_section_the_lease_is_khobor_for_6_seconds_renewed_every_second() throws ConfigException {
        assertThat(files().load(ConfigFiles.ONE_FEED).standby()).isEqualTo(StandbySettings.DEFAULTS);
        assertThat(StandbySettings.DEFAULTS)
                .isEqualTo(new StandbySettings("khobor", Duration.ofSeconds(6), Duration.ofSeconds(1)));
    }

    @Test
    void lease_term_and_beat_are_read() throws ConfigException {
        StandbySettings standby = files().load("standby: {lease: news-bot_2, term: 12s, beat: 3s}\n"
                + ConfigFiles.ONE_FEED).standby();
        assertThat(standby).isEqualTo(new StandbySettings("news-bot_2", Duration.ofSeconds(12), Duration.ofSeconds(3)));
    }

    @Test
    void mistakes_name_the_key_and_what_to_write() {
        assertThat(files().errorOf("standby: {term: 6s, beat: 3s}\n" + ConfigFiles.ONE_FEED))
                .contains("standby: beat 3s must be at most a third of term 6s");
        assertThat(files().errorOf("standby: {term: 2s}\n" + ConfigFiles.ONE_FEED))
                .contains("standby: term 2s is too short: at least 3s");
        assertThat(files().errorOf("standby: {lease: 'my bot'}\n" + ConfigFiles.ONE_FEED))
                .contains("lease 'my bot' must be 1-64 letters, digits");
        assertThat(files().errorOf("standby: {beat: often}\n" + ConfigFiles.ONE_FEED)).contains("standby: beat");
        assertThat(files().errorOf("standby: {leese: x}\n" + ConfigFiles.ONE_FEED))
                .contains("unknown key 'leese' (known: lease, term, beat)");
    }
}
