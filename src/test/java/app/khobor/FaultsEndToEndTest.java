package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.source.SourceStatus;
import app.khobor.telegram.CallbackAnswer;
import app.khobor.telegram.SentMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production graph ({@link Khobor#start}) against what fault injection found: forged button presses, a full
 * disk, a database locked by another process. Strict fake Bot API, local portal, real SQLite files.
 */
class FaultsEndToEndTest extends EndToEndTestBase {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PROTHOMALO = "prothomalo";
    private static final String JAGONEWS = "jagonews24";
    private static final String WELCOME = "\u09B8\u09CD\u09AC\u09BE\u0997\u09A4\u09AE"; // স্বাগতম
    /** "এই বোতামটি আর কাজ করে না" — the short answer to a button that does nothing. */
    private static final String STALE_BUTTON = "\u098F\u0987 \u09AC\u09CB\u09A4\u09BE\u09AE\u099F\u09BF";

    @TempDir
    Path dir;

    // ---- Item 5: a button press acts only on its own message's chat, and only on the bot's /sources keyboard

    @Test
    void a_sources_toggle_forged_onto_another_message_changes_nothing_and_gets_a_short_answer() {
        startWithTwoSources();
        long reader = 401;
        SentMessage welcome = replyTo(reader, "/start");
        SentMessage menu = replyTo(reader, "/sources");
        String jagoData = "src:" + JAGONEWS;
        assertThat(menu.buttons()).extracting(SentMessage.SentButton::callbackData).contains(jagoData);

        String onWelcome = telegram.userPresses(reader, welcome.messageId(), reader, jagoData);
        String malformed = telegram.userPresses(reader, menu.messageId(), reader, "src:-100200:" + JAGONEWS);
        String garbage = telegram.userPresses(reader, menu.messageId(), reader, "\u0000\u202E");

        for (String callback : List.of(onWelcome, malformed, garbage)) {
            assertThat(awaitAnswer(callback).text()).as("answer to %s", callback).contains(STALE_BUTTON);
        }
        assertThat(telegram.edits()).as("no message rewritten").isEmpty();
        SentMessage again = replyTo(reader, "/sources");
        assertThat(again.buttons()).filteredOn(b -> b.callbackData().startsWith("src:"))
                .extracting(SentMessage.SentButton::text).allMatch(t -> t.startsWith("\u2705"));

        String real = telegram.userPresses(reader, again.messageId(), reader, jagoData);
        assertThat(awaitAnswer(real).text()).doesNotContain(STALE_BUTTON);
        await("the real press redraws its keyboard").atMost(WAIT).until(() -> telegram.message(again.messageId())
                .orElseThrow().buttons().stream().filter(b -> b.callbackData().equals(jagoData)).findFirst()
                .orElseThrow().text().startsWith("\u274C"));
    }

    // ---- Item 8: another process holds the write lock

    @Test
    void while_another_process_holds_the_write_lock_reads_are_answered_and_writes_wait_and_are_applied()
            throws Exception {
        startWithTwoSources();
        long writer = 601;
        long reader = 602;
        replyTo(writer, "/start");
        replyTo(reader, "/start");
        String dhaka = "\u09A2\u09BE\u0995\u09BE"; // ঢাকা

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + config().database());
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE"); // another process takes the write lock and keeps it
            long lockedAt = System.nanoTime();
            telegram.userSends(writer, "/follow " + dhaka);
            telegram.userSends(writer, "/sources");
            telegram.userSends(reader, "/help");
            telegram.userSends(reader, "/latest");

            List<SentMessage> answers = telegram.awaitMessagesTo(reader, 3, Duration.ofSeconds(5));
            assertThat(answers.get(1).text()).as("/help").contains("/search");
            assertThat(answers.get(2).text()).as("/latest").contains("\u09B8\u09B0\u09CD\u09AC\u09B6\u09C7\u09B7");
            assertThat(Duration.ofNanos(System.nanoTime() - lockedAt)).as("answered while the lock is held")
                    .isLessThan(Duration.ofSeconds(4));
            assertThat(telegram.messagesTo(writer)).as("the /follow still waits for the lock").hasSize(1);
            Thread.sleep(3_000); // well past one busy timeout: the write keeps waiting, it is not refused
            lock.execute("ROLLBACK");
        }

        List<SentMessage> toWriter = telegram.awaitMessagesTo(writer, 3, WAIT);
        assertThat(toWriter.get(1).text()).as("/follow applied once the lock is free").contains(dhaka)
                .contains("\u09A0\u09BF\u0995 \u0986\u099B\u09C7"); // ঠিক আছে
        assertThat(toWriter.get(2).buttons()).as("/sources answered after it, in order")
                .filteredOn(b -> b.callbackData().startsWith("src:")).hasSize(2);
        assertThat(replyTo(writer, "/keywords").text()).contains(dhaka);
    }

    // ---- The bot

    private void startWithTwoSources() {
        portal.feed(BotConfig.path(PROTHOMALO), Feeds.prothomaloWith());
        portal.feed(BotConfig.path(JAGONEWS), Feeds.jagonewsWith());
        BotConfig config = config().source(PROTHOMALO, "\u09AA\u09CD\u09B0\u09A5\u09AE \u0986\u09B2\u09CB")
                .source(JAGONEWS, "\u099C\u09BE\u0997\u09CB \u09A8\u09BF\u0989\u099C");
        bot = Khobor.start(config.load(), telegram.token(), clock());
        awaitRead(PROTHOMALO);
        awaitRead(JAGONEWS);
    }

    private BotConfig config() {
        return new BotConfig(dir, telegram.apiUrl(), portal);
    }

    private void awaitRead(String sourceId) {
        BotReads.awaitRead(bot, portal, sourceId);
    }

    private SourceStatus status(String sourceId) {
        return BotReads.status(bot, sourceId);
    }

    private CallbackAnswer awaitAnswer(String callbackId) {
        await("an answer to " + callbackId).atMost(WAIT).until(() -> telegram.callbackAnswers().stream()
                .anyMatch(a -> a.callbackId().equals(callbackId)));
        return telegram.callbackAnswers().stream().filter(a -> a.callbackId().equals(callbackId)).findFirst()
                .orElseThrow();
    }
}
