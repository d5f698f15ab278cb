package app.khobor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stories section: its defaults, its keys, and what a mistake says. */
class StorySettingsTest {
    @TempDir
    Path dir;

    private ConfigFiles files() {
        return new ConfigFiles(dir);
    }

    @Test
    void without_a_stories_section_a_day_is_matched_and_merging_is_on() throws ConfigException {
        assertThat(files().load(ConfigFiles.ONE_FEED).stories()).isEqualTo(StorySettings.DEFAULTS);
        assertThat(StorySettings.DEFAULTS).isEqualTo(new StorySettings(Duration.ofHours(24), true, Duration.ofHours(2)));
    }

    @Test
    void window_merge_and_topWithin_are_read() throws ConfigException {
        StorySettings stories = files().load("stories: {window: 12h, merge: false, topWithin: 90m}\n"
                + ConfigFiles.ONE_FEED).stories();
        assertThat(stories).isEqualTo(new StorySettings(Duration.ofHours(12), false, Duration.ofMinutes(90)));
    }

    @Test
    void mistakes_name_the_key() {
        assertThat(files().errorOf("stories: {window: soon}\n" + ConfigFiles.ONE_FEED)).contains("stories").contains("window");
        assertThat(files().errorOf("stories: {merge: maybe}\n" + ConfigFiles.ONE_FEED)).contains("merge must be true or false");
        assertThat(files().errorOf("stories: {windw: 2h}\n" + ConfigFiles.ONE_FEED)).contains("unknown key 'windw'");
        assertThat(files().errorOf("stories: {window: 1h, topWithin: 2h}\n" + ConfigFiles.ONE_FEED))
                .contains("topWithin 2h is longer than window 1h");
    }
}
