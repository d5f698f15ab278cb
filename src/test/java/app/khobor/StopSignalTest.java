package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.fakes.FakePortal;
import app.khobor.telegram.FakeBotApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Main run} in a child JVM, stopped the way systemd and Docker stop it: SIGTERM. */
class StopSignalTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WELCOME = "\u09B8\u09CD\u09AC\u09BE\u0997\u09A4\u09AE"; // স্বাগতম

    @TempDir
    Path dir;
    private final FakeBotApi telegram = FakeBotApi.start();
    private final FakePortal portal = new FakePortal();
    private Process bot;

    @AfterEach
    void stop() {
        if (bot != null && bot.isAlive()) {
            bot.destroyForcibly();
        }
        telegram.close();
        portal.close();
    }

    @Test
    void sigterm_stops_the_bot_cleanly_with_exit_status_0_within_10_seconds() throws Exception {
        portal.feed(BotConfig.path("desk"), Feeds.rss("\u0996\u09AC\u09B0", "https://news.example/1"));
        Path config = new BotConfig(dir, telegram.apiUrl(), portal).source("desk", "desk").write();
        bot = start(config);
        telegram.userSends(61, "/start");
        assertThat(telegram.awaitMessagesTo(61, 1, WAIT).get(0).text()).as("the bot runs and answers").contains(WELCOME);

        bot.destroy(); // SIGTERM
        boolean exited = bot.waitFor(10, TimeUnit.SECONDS);

        assertThat(exited).as("exited within 10 s of SIGTERM").isTrue();
        assertThat(bot.exitValue()).as("exit status (143 is what systemd counts as a failure)").isZero();
        assertThat(Files.readString(dir.resolve("bot.log"))).doesNotContain(" ERROR ");
    }

    private Process start(Path config) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "app.khobor.Main", "run", "--config", config.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("bot.log").toFile());
        builder.environment().put("TELEGRAM_BOT_TOKEN", telegram.token());
        builder.environment().remove("KHOBOR_CONFIG");
        return builder.start();
    }
}
