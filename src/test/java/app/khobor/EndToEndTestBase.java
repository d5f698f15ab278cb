package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.db.Engine;
import app.khobor.fakes.FakePortal;
import app.khobor.fakes.TestDatabases;
import app.khobor.telegram.CallbackAnswer;
import app.khobor.telegram.FakeBotApi;
import app.khobor.telegram.SentMessage;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every end-to-end test starts and checks, written once: the strict fake Bot API, the local portal, and the bot a
 * test starts; after each test the bot is closed and no send may have been refused for breaking Telegram's rate limits.
 *
 * <p>The bot's database is a SQLite file in the test's folder; a subclass that overrides {@link #engine} runs the
 * whole bot on PostgreSQL instead, in a schema of the test's own ({@link #storageUrl}), dropped after the test.
 */
abstract class EndToEndTestBase {
    protected FakeBotApi telegram;
    protected FakePortal portal;
    /** The bot the test started (and perhaps restarted): closed after the test. */
    protected Khobor bot;
    /** The test's PostgreSQL schema, made at the first {@link #storageUrl}; null on SQLite. */
    private TestDatabases.PgSchema schema;

    /** The engine under the bot; {@link Engine#POSTGRESQL} needs KHOBOR_TEST_PG_URL (else the test is skipped). */
    protected Engine engine() {
        return Engine.SQLITE;
    }

    /**
     * The storage URL for the bot's configuration: null for the SQLite file {@link BotConfig} names, else the URL of
     * the test's own PostgreSQL schema (the same one for every bot the test starts, so a restart finds its data).
     */
    protected String storageUrl() {
        if (engine() == Engine.SQLITE) {
            return null;
        }
        if (schema == null) {
            schema = TestDatabases.PgSchema.create();
        }
        return schema.url();
    }

    /** The time the portal serves its pages at; a test whose fixtures are dated overrides it. */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    @BeforeEach
    final void startFakes() {
        telegram = FakeBotApi.start();
        portal = new FakePortal(clock());
    }

    @AfterEach
    final void stopAndCheckTheRateLimits() {
        try {
            if (bot != null) {
                bot.close();
            }
            assertThat(telegram.violations()).as("sends refused for breaking Telegram's rate limits").isZero();
        } finally {
            telegram.close();
            portal.close();
            if (schema != null) {
                schema.drop();
            }
        }
    }

    /** How long a test waits for the bot's answer: a deadline, not a pace. */
    protected static final Duration ANSWER_WAIT = Duration.ofSeconds(20);

    /** Sends in a private chat and returns the bot's one reply. */
    protected SentMessage replyTo(long chat, String text) {
        int before = telegram.messagesTo(chat).size();
        telegram.userSends(chat, text);
        return telegram.awaitMessagesTo(chat, before + 1, ANSWER_WAIT).get(before);
    }

    protected void awaitEdits(int count) {
        await(count + " edits").atMost(ANSWER_WAIT).until(() -> telegram.edits().size() >= count);
    }

    /** Waits for the answer to a button press; the bot answers after acting, so what it did is visible then. */
    protected CallbackAnswer answerTo(String callbackId) {
        await("the press answered").atMost(ANSWER_WAIT).until(() -> telegram.callbackAnswers().stream()
                .anyMatch(a -> a.callbackId().equals(callbackId)));
        return telegram.callbackAnswers().stream().filter(a -> a.callbackId().equals(callbackId)).findFirst().orElseThrow();
    }
}
