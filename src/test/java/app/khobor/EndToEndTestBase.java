package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.fakes.FakePortal;
import app.khobor.telegram.FakeBotApi;
import java.time.Clock;
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
}
