package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.khobor.config.ConfigLoader;
import app.khobor.config.KhoborConfig;
import app.khobor.config.TelegramSettings;
import app.khobor.fakes.FakePortal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line: arguments, where the config comes from, and how start-up refuses bad input (exit 2). */
class MainTest {
    private static final String FEED = "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
            + "<item><title>এক</title><link>https://example.com/1</link></item></channel></rss>";

    @TempDir
    Path dir;
    private final FakePortal sites = new FakePortal().serve("/feed", 200, "application/rss+xml",
            FEED.getBytes(StandardCharsets.UTF_8));

    @AfterEach
    void stopSites() {
        sites.close();
    }

    private Path write(String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path goodConfig(String name) {
        return write(name, "sources:\n  - {id: " + name.replace(".yaml", "") + ", type: feed, url: '"
                + sites.url("/feed") + "'}\n");
    }

    private static void assertRefusedCleanly(CliRun run) {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void an_unknown_argument_exits_2_with_the_usage() {
        CliRun run = CliRun.of("scna");

        assertRefusedCleanly(run);
        assertThat(run.errLines().get(0)).isEqualTo("khobor: unknown argument 'scna'");
        assertThat(run.err()).contains("usage: java -jar khobor.jar [run|scan [--stories]|discover URL|backup FILE] [--config FILE]");
    }

    @Test
    void config_flag_without_a_file_exits_2_with_the_usage() {
        CliRun run = CliRun.of("scan", "--config");

        assertRefusedCleanly(run);
        assertThat(run.errLines().get(0)).isEqualTo("khobor: --config needs a file name");
        assertThat(run.err()).contains("usage:");
    }

    @Test
    void an_empty_config_value_exits_2_with_the_usage() {
        for (String[] args : new String[][] {{"scan", "--config="}, {"scan", "--config", ""}}) {
            CliRun run = CliRun.of(args);

            assertRefusedCleanly(run);
            assertThat(run.errLines().get(0)).isEqualTo("khobor: --config needs a file name");
        }
    }

    @Test
    void an_empty_khobor_config_means_the_default_config_file() {
        // run stops at the missing token, after the shipped config/khobor.yaml loaded: no source is read
        CliRun run = CliRun.of(Map.of("KHOBOR_CONFIG", ""), "run");

        assertRefusedCleanly(run);
        assertThat(run.errLines()).singleElement().asString().contains("TELEGRAM_BOT_TOKEN is not set");
    }

    @Test
    void a_body_limit_the_fetcher_cannot_hold_exits_2_naming_the_key() {
        Path config = write("big.yaml", "polling: {maxBody: 3GB}\nsources:\n"
                + "  - {id: one, type: feed, url: '" + sites.url("/feed") + "'}\n");

        CliRun run = CliRun.of("scan", "--config", config.toString());

        assertRefusedCleanly(run);
        assertThat(run.errLines()).singleElement().asString().endsWith("polling: maxBody '3GB' is too large (at most 2047MB)");
    }

    @Test
    void two_commands_are_refused() {
        CliRun run = CliRun.of("scan", "run");

        assertRefusedCleanly(run);
        assertThat(run.errLines().get(0)).isEqualTo("khobor: unknown argument 'run'");
    }

    @Test
    void help_prints_the_usage_on_stdout_and_exits_0() {
        CliRun run = CliRun.of("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("usage: java -jar khobor.jar");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void config_equals_file_form_is_read() {
        CliRun run = CliRun.of("scan", "--config=" + goodConfig("eq.yaml"));

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.outLines()).singleElement().asString().contains("\"source\":\"eq\"");
    }

    @Test
    void khobor_config_in_the_environment_names_the_config_file() {
        CliRun run = CliRun.of(Map.of("KHOBOR_CONFIG", goodConfig("env.yaml").toString()), "scan");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).singleElement().asString().contains("\"source\":\"env\"");
    }

    @Test
    void config_flag_wins_over_khobor_config() {
        CliRun run = CliRun.of(Map.of("KHOBOR_CONFIG", goodConfig("env.yaml").toString()),
                "scan", "-c", goodConfig("flag.yaml").toString());

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).singleElement().asString().contains("\"source\":\"flag\"");
    }

    @Test
    void a_missing_config_file_exits_2_naming_the_file() {
        Path missing = dir.resolve("nope.yaml");

        CliRun run = CliRun.of("scan", "--config", missing.toString());

        assertRefusedCleanly(run);
        assertThat(run.errLines()).containsExactly("khobor: config file " + missing + " not found");
    }

    static Stream<Arguments> badSources() {
        return Stream.of(
                Arguments.of("unknown key", "{id: bad, type: feed, url: 'https://example.com/feed', colour: red}",
                        "colour"),
                Arguments.of("missing url", "{id: bad, type: feed}", "url"),
                Arguments.of("non-http url", "{id: bad, type: feed, url: 'ftp://example.com/feed'}", "url"),
                Arguments.of("invalid css", "{id: bad, type: html, url: 'https://example.com/', item: 'div..x'}",
                        "item"),
                Arguments.of("bad duration", "{id: bad, type: feed, url: 'https://example.com/feed', interval: soon}",
                        "interval"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSources")
    void a_bad_source_stops_start_up_with_exit_2_and_one_line_naming_the_source_and_key(
            String problem, String source, String key) {
        Path config = write("bad.yaml", "sources:\n  - {id: good, type: feed, url: 'https://example.com/f'}\n  - "
                + source + "\n");

        for (String command : new String[] {"scan", "run"}) {
            CliRun run = CliRun.of(Map.of("TELEGRAM_BOT_TOKEN", "123:abc"), command, "--config", config.toString());

            assertRefusedCleanly(run);
            assertThat(run.errLines()).as(problem).singleElement().asString()
                    .startsWith("khobor: " + config).contains("source 'bad'").contains(key);
        }
    }

    @Test
    void a_duplicate_source_id_exits_2_naming_the_source() {
        Path config = write("dup.yaml", """
                sources:
                  - {id: twice, type: feed, url: 'https://example.com/a'}
                  - {id: twice, type: feed, url: 'https://example.com/b'}
                """);

        CliRun run = CliRun.of("scan", "--config", config.toString());

        assertRefusedCleanly(run);
        assertThat(run.errLines()).singleElement().asString().contains("source 'twice' is defined twice");
    }

    @Test
    void a_bad_polling_duration_exits_2_naming_the_section_and_key() {
        Path config = write("poll.yaml", "polling:\n  timeout: 5 parsecs\nsources:\n"
                + "  - {id: one, type: feed, url: 'https://example.com/a'}\n");

        CliRun run = CliRun.of("scan", "--config", config.toString());

        assertRefusedCleanly(run);
        assertThat(run.errLines()).singleElement().asString().contains("polling").contains("timeout");
    }

    @Test
    void broken_yaml_exits_2_without_a_stack_trace() {
        Path config = write("broken.yaml", "sources:\n  - {id: one, url: [\n");

        CliRun run = CliRun.of("scan", "--config", config.toString());

        assertRefusedCleanly(run);
        assertThat(run.errLines()).singleElement().asString().contains("YAML syntax error");
    }

    @Test
    void run_without_a_token_exits_2_with_one_clear_line() {
        Path config = goodConfig("run.yaml");

        CliRun run = CliRun.of(Map.of(), "run", "--config", config.toString());

        assertRefusedCleanly(run);
        assertThat(run.errLines()).singleElement().asString().contains("TELEGRAM_BOT_TOKEN is not set");
    }

    @Test
    void run_is_the_default_command_and_a_blank_token_counts_as_none() {
        CliRun run = CliRun.of(Map.of("TELEGRAM_BOT_TOKEN", "  ", "KHOBOR_CONFIG", goodConfig("dflt.yaml").toString()));

        assertRefusedCleanly(run);
        assertThat(run.errLines()).singleElement().asString().contains("TELEGRAM_BOT_TOKEN is not set");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void a_postgresql_server_that_does_not_answer_stops_start_up_with_exit_1_and_one_clear_line() {
        Path config = write("pg.yaml", "storage: {url: 'jdbc:postgresql://127.0.0.1:1/khobor'}\nsources:\n"
                + "  - {id: one, type: feed, url: '" + sites.url("/feed") + "'}\n");

        CliRun run = CliRun.of(Map.of("TELEGRAM_BOT_TOKEN", "123:abc"), "run", "--config", config.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.errLines()).singleElement().asString().contains("cannot start")
                .contains("jdbc:postgresql://127.0.0.1:1/khobor");
    }

    @Test
    void a_storage_url_that_is_no_database_stops_start_up_with_exit_2_naming_it() {
        CliRun run = CliRun.of(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "KHOBOR_DB_URL", "mysql://x"), "run",
                "--config", goodConfig("env.yaml").toString());

        assertRefusedCleanly(run);
        assertThat(run.errLines()).singleElement().asString().contains("storage url 'mysql://x'")
                .contains("jdbc:sqlite:FILE");
    }

    @Test
    void a_bot_api_url_with_a_path_exits_2_before_any_database_file_is_created() {
        Path data = dir.resolve("fresh").resolve("khobor.db");
        CliRun run = CliRun.of(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "TELEGRAM_API_URL", "http://127.0.0.1:9/tg",
                "KHOBOR_DB_URL", "jdbc:sqlite:" + data), "run", "--config", goodConfig("path.yaml").toString());

        assertRefusedCleanly(run);
        assertThat(run.errLines()).singleElement().asString().contains("TELEGRAM_API_URL")
                .contains("must not have a path");
        assertThat(data.getParent()).as("no database folder, no migrated file").doesNotExist();
    }

    @Test
    void khobor_start_checks_the_bot_api_url_before_it_creates_the_database() throws Exception {
        Path data = dir.resolve("direct").resolve("khobor.db");
        KhoborConfig good = ConfigLoader.load(goodConfig("direct.yaml"),
                Map.of("KHOBOR_DB_URL", "jdbc:sqlite:" + data));
        KhoborConfig withPath = new KhoborConfig(
                new TelegramSettings("http://127.0.0.1:9/tg", good.telegram().admins(),
                        good.telegram().rateLimit(), false),
                good.storage(), good.polling(), good.delivery(), good.sources());

        assertThatThrownBy(
                () -> Khobor.start(withPath, "123:abc", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not have a path");
        assertThat(data.getParent()).doesNotExist();
    }
}
