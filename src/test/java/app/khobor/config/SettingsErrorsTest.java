package app.khobor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in the file as a whole and in the telegram, storage, polling and delivery sections. */
class SettingsErrorsTest {
    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    private String errorWith(String sections) {
        return files.errorOf(sections + ConfigFiles.ONE_FEED);
    }

    @Test
    void a_missing_file_is_named() {
        Path missing = dir.resolve("config/khobor.yaml");
        String[] message = new String[1];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
                .isInstanceOf(ConfigException.class).satisfies(e -> message[0] = e.getMessage());

        assertThat(message[0]).isEqualTo("config file " + missing + " not found");
    }

    @Test
    void a_directory_instead_of_a_file_is_refused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("khobor.yaml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigLoader.load(folder, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is a directory");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThat(files.errorOf("")).contains("is empty");
        assertThat(files.errorOf("# nothing here yet\n")).contains("is empty");
        assertThat(files.errorOf("---\n")).contains("is empty");
    }

    @Test
    void a_yaml_syntax_error_gives_the_line_without_a_stack_trace() {
        String message = files.errorOf("""
                polling:
                  interval: 2m
                 timeout: 20s
                """ + ConfigFiles.ONE_FEED);

        assertThat(message).contains("YAML syntax error at line 3").doesNotContain("\n").doesNotContain("at com.");
    }

    @Test
    void an_unclosed_flow_list_gives_the_line() {
        assertThat(files.errorOf("telegram: {admins: [111}\n" + ConfigFiles.ONE_FEED))
                .contains("YAML syntax error at line 1").doesNotContain("\n");
    }

    @Test
    void a_tab_indentation_is_a_syntax_error() {
        assertThat(files.errorOf("polling:\n\tinterval: 2m\n" + ConfigFiles.ONE_FEED))
                .contains("YAML syntax error at line 2").contains("TAB");
    }

    @Test
    void a_key_given_twice_is_refused_with_its_line() {
        assertThat(files.errorOf("polling:\n  interval: 2m\n  interval: 5m\n" + ConfigFiles.ONE_FEED))
                .contains("key 'interval' at line 3 appears twice");
    }

    @Test
    void a_list_instead_of_a_map_at_the_top_is_refused() {
        assertThat(files.errorOf("- id: x\n")).contains("must be a map with the sections telegram, storage, polling")
                .contains("(got a list)");
    }

    @Test
    void an_unknown_top_level_key_lists_the_sections() {
        assertThat(errorWith("pollng: {interval: 2m}\n"))
                .contains("unknown key 'pollng' (known: telegram, storage, polling, delivery, sources, ops, stories, standby)");
    }

    @Test
    void a_token_in_the_file_points_to_the_environment_variable() {
        assertThat(errorWith("telegram: {token: '123:abc'}\n"))
                .contains("telegram: unknown key 'token'").contains("TELEGRAM_BOT_TOKEN").doesNotContain("123:abc");
        assertThat(errorWith("botToken: '123:abc'\n")).contains("unknown key 'botToken'").contains("TELEGRAM_BOT_TOKEN");
    }

    @Test
    void an_unknown_key_in_a_nested_map_names_the_path() {
        assertThat(errorWith("telegram: {rateLimit: {perSecond: 10}}\n"))
                .contains("telegram.rateLimit: unknown key 'perSecond' (known: globalPerSecond, perChatPerSecond, perGroupPerMinute)");
        assertThat(errorWith("storage: {seenCache: {ttl: 1d}}\n"))
                .contains("storage.seenCache: unknown key 'ttl' (known: size, expiry)");
        assertThat(errorWith("polling: {every: 2m}\n")).contains("polling: unknown key 'every'");
        assertThat(errorWith("delivery: {age: 2h}\n")).contains("delivery: unknown key 'age'");
        assertThat(errorWith("storage: {path: x.db}\n")).contains("storage: unknown key 'path'");
    }

    @Test
    void a_bad_duration_names_the_section_and_key() {
        assertThat(errorWith("polling: {interval: 2 minutes}\n"))
                .contains("polling: interval '2 minutes' is not a duration (examples: 30s, 2m, 1h");
        assertThat(errorWith("storage: {retention: forever}\n")).contains("storage: retention 'forever' is not a duration");
        assertThat(errorWith("delivery: {maxAge: 6}\n")).contains("delivery: maxAge '6' is not a duration");
        assertThat(errorWith("storage: {seenCache: {expiry: 7 days}}\n"))
                .contains("storage.seenCache: expiry '7 days' is not a duration");
    }

    @Test
    void zero_or_negative_durations_are_refused() {
        assertThat(errorWith("polling: {interval: 0s}\n")).contains("polling: interval '0s' must be longer than zero");
        assertThat(errorWith("polling: {timeout: PT-5S}\n")).contains("polling: timeout 'PT-5S' must be longer than zero");
        assertThat(errorWith("polling: {maxBackoff: -1m}\n")).contains("polling: maxBackoff '-1m' is not a duration");
    }

    @Test
    void bad_adaptive_polling_bounds_and_host_caps_are_refused_naming_the_key() {
        assertThat(errorWith("polling: {minInterval: 5m, maxInterval: 1m}\n"))
                .contains("polling: minInterval 5m is longer than maxInterval 1m");
        assertThat(errorWith("polling: {maxInterval: 0s}\n")).contains("polling: maxInterval '0s' must be longer than zero");
        assertThat(errorWith("polling: {minInterval: soon}\n")).contains("polling: minInterval 'soon' is not a duration");
        assertThat(errorWith("polling: {maxPerHostPerMinute: 0}\n"))
                .contains("polling: maxPerHostPerMinute 0 must be at least 1");
        assertThat(errorWith("polling: {maxPerHostPerMinute: two}\n"))
                .contains("polling: maxPerHostPerMinute must be a whole number (got the text 'two')");
    }

    @Test
    void a_text_where_a_number_is_expected_is_refused() {
        assertThat(errorWith("telegram: {rateLimit: {globalPerSecond: thirty}}\n"))
                .contains("telegram.rateLimit: globalPerSecond must be a whole number (got the text 'thirty')");
        assertThat(errorWith("delivery: {digestOver: 2.5}\n"))
                .contains("delivery: digestOver must be a whole number (got the number 2.5)");
    }

    @Test
    void a_list_where_a_map_is_expected_is_refused() {
        assertThat(errorWith("telegram: [111]\n")).contains("telegram must be a map of keys and values (got a list)");
        assertThat(errorWith("telegram: {rateLimit: [30, 1, 20]}\n"))
                .contains("telegram: rateLimit must be a map of keys and values (got a list)");
    }

    @Test
    void rate_limits_must_be_positive() {
        assertThat(errorWith("telegram: {rateLimit: {perChatPerSecond: 0}}\n"))
                .contains("telegram.rateLimit: perChatPerSecond 0 must be at least 1");
        assertThat(errorWith("telegram: {rateLimit: {perGroupPerMinute: -3}}\n"))
                .contains("telegram.rateLimit: perGroupPerMinute -3 must be at least 1");
    }

    @Test
    void the_global_limit_is_capped_at_30_without_paid_broadcast() {
        assertThat(errorWith("telegram: {rateLimit: {globalPerSecond: 31}}\n"))
                .contains("telegram.rateLimit: globalPerSecond 31 is above Telegram's limit of 30")
                .contains("paidBroadcast: true");
    }

    @Test
    void the_global_limit_is_capped_at_1000_with_paid_broadcast() throws ConfigException {
        assertThat(files.load("telegram: {paidBroadcast: true, rateLimit: {globalPerSecond: 1000}}\n"
                + ConfigFiles.ONE_FEED).telegram().rateLimit().globalPerSecond()).isEqualTo(1000);
        assertThat(errorWith("telegram: {paidBroadcast: true, rateLimit: {globalPerSecond: 1001}}\n"))
                .contains("globalPerSecond 1001 is above Telegram's limit of 1000");
    }

    @Test
    void admins_must_be_a_list_of_user_ids() {
        assertThat(errorWith("telegram: {admins: 111}\n")).contains("telegram: admins must be a list, like [111, 222]");
        assertThat(errorWith("telegram: {admins: ['@rahim']}\n"))
                .contains("telegram: admins must be a list of Telegram user ids").contains("'@rahim'");
        assertThat(errorWith("telegram: {admins: [-5]}\n")).contains("telegram: admins must be a list of Telegram user ids");
    }

    @Test
    void paid_broadcast_must_be_true_or_false() {
        assertThat(errorWith("telegram: {paidBroadcast: 1}\n"))
                .contains("telegram: paidBroadcast must be true or false (got the number 1)");
    }

    @Test
    void the_api_url_must_be_http() {
        assertThat(errorWith("telegram: {apiUrl: 'api.telegram.org'}\n"))
                .contains("telegram: apiUrl 'api.telegram.org' must be http or https");
    }

    @Test
    void a_user_agent_that_no_http_request_could_carry_is_refused() {
        assertThat(errorWith("polling: {userAgent: \"\u0996\u09AC\u09B0 bot\"}\n"))
                .contains("polling: userAgent").contains("printable ASCII");
    }

    @Test
    void an_absurdly_long_duration_is_refused_instead_of_overflowing_later() {
        assertThat(errorWith("polling: {timeout: 100000000000d}\n")).contains("polling: timeout '100000000000d' is too long");
    }

    @Test
    void bad_env_overrides_name_the_variable() {
        assertThat(files.errorOf(ConfigFiles.ONE_FEED, Map.of("TELEGRAM_API_URL", "localhost:8081")))
                .contains("environment variable TELEGRAM_API_URL: 'localhost:8081' must be http or https");
    }

    @Test
    void max_body_takes_a_size() {
        assertThat(errorWith("polling: {maxBody: lots}\n"))
                .contains("polling: maxBody 'lots' is not a size above zero (examples: 5MB, 512KB, 1048576)");
        assertThat(errorWith("polling: {maxBody: 0}\n")).contains("polling: maxBody '0' is not a size above zero");
    }

    @Test
    void max_body_beyond_what_one_byte_array_holds_is_refused_here_not_by_the_fetcher() {
        assertThat(errorWith("polling: {maxBody: 3GB}\n")).contains("polling: maxBody '3GB' is too large (at most 2047MB)");
        assertThat(errorWith("polling: {maxBody: 2GB}\n")).contains("polling: maxBody '2GB' is too large");
    }

    @Test
    void seen_cache_size_must_be_positive() {
        assertThat(errorWith("storage: {seenCache: {size: 0}}\n")).contains("storage.seenCache: size 0 must be at least 1");
    }
}
