package app.khobor;

import static org.awaitility.Awaitility.await;

import app.khobor.fakes.FakePortal;
import app.khobor.source.SourceStatus;
import java.time.Duration;
import java.time.Instant;

/** What the end-to-end tests wait on: the running bot having read what a fake portal serves now. */
final class BotReads {
    static final Duration WAIT = Duration.ofSeconds(15);

    private BotReads() {}

    /** Waits until the bot has read what {@code portal} serves now for the source, and queued whatever was new. */
    static void awaitRead(Khobor bot, FakePortal portal, String sourceId) {
        await("a read of " + sourceId + "'s current feed").atMost(WAIT).until(() -> {
            Instant served = portal.firstServed(BotConfig.path(sourceId)).orElse(null);
            Instant read = status(bot, sourceId).lastSuccess();
            return served != null && read != null && read.isAfter(served);
        });
    }

    static SourceStatus status(Khobor bot, String sourceId) {
        return bot.poller().sourceStatuses().stream().filter(s -> s.sourceId().equals(sourceId)).findFirst()
                .orElseThrow();
    }
}
