package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.fakes.FakePortal;
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
 */
abstract class EndToEndTestBase {
    protected FakeBotApi telegram;
    protected FakePortal portal;
    /** The bot the test started (and perhaps restarted): closed after the test. */
    protected Khobor bot;

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
