package app.khobor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.config.DeliverySettings;
import app.khobor.config.RateLimitSettings;
import app.khobor.db.Database;
import app.khobor.news.StoredHeadline;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher on a real clock and real sleeps, with a Bot API that takes a few milliseconds per request. */
class RealTimeTest {
    @TempDir
    Path dir;

    @Test
    void a_paid_broadcast_runs_concurrently_on_real_time_within_the_limits() {
        int chats = Integer.getInteger("khobor.realtime.chats", 1000);
        DispatcherSettings settings = new DispatcherSettings(new RateLimitSettings(1000, 1, 20), true, DeliverySettings.DEFAULTS,
                64, Duration.ofMillis(10), 4096, 30, Duration.ofSeconds(30), Duration.ofMinutes(1));
        List<RecordingBotApi.Call> calls = broadcast(settings, chats);
        assertThat(calls).hasSize(chats).allSatisfy(c -> assertThat(c.paid()).isTrue());
        assertThat(Limits.violations(calls, 1, 20, 1000)).isZero();
    }

    @Test
    void an_unpaid_broadcast_on_real_time_never_exceeds_30_a_second() {
        DispatcherSettings settings = DispatcherSettings.of(RateLimitSettings.TELEGRAM_DEFAULTS, false, DeliverySettings.DEFAULTS);
        List<RecordingBotApi.Call> calls = broadcast(settings, 90);
        assertThat(Limits.violations(calls, 1, 20, 30)).isZero();
        // Throughput is measured by the delivery benchmark (bench/run delivery), not asserted in a unit test.
    }

    private List<RecordingBotApi.Call> broadcast(DispatcherSettings settings, int chats) {
        Clock clock = MonotonicClock.system();
        RecordingBotApi recorder = new RecordingBotApi(clock);
        BotApi slow = new BotApi() {
            @Override
            public SendResult send(OutgoingMessage message, boolean paid) {
                LockSupport.parkNanos(5_000_000);
                return recorder.send(message, paid);
            }

            @Override
            public SendResult sendPlain(long chatId, String text) {
                return recorder.sendPlain(chatId, text);
            }

            @Override
            public SendResult edit(long chatId, long messageId, String html, Keyboard keyboard) {
                return recorder.edit(chatId, messageId, html, keyboard);
            }

            @Override
            public SendResult editPush(long chatId, long messageId, String html, boolean linkPreview) {
                return recorder.editPush(chatId, messageId, html, linkPreview);
            }

            @Override
            public SendResult answerCallback(String callbackId, String text) {
                return recorder.answerCallback(callbackId, text);
            }

            @Override
            public SendResult answerCallback(String callbackId, String text, boolean alert) {
                return recorder.answerCallback(callbackId, text, alert);
            }

            @Override
            public SendResult answerInline(InlineAnswer answer) {
                return recorder.answerInline(answer);
            }
        };
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("rt.db"))) {
            db.transaction(c -> c.createStatement().executeUpdate("INSERT INTO headlines(id, source_id, title, key, url, canonical_url, first_seen)"
                    + " VALUES (1, 'src', 'খবর', 'খবর', 'u', 'u', 0)"));
            StoredHeadline h = new StoredHeadline(1, "src", "খবর", "খবর", "u", "u", null, clock.instant());
            Outbox outbox = new Outbox(db);
            List<Recipient> to = new ArrayList<>();
            for (int i = 0; i < chats; i++) {
                to.add(Fixture.user(10_000 + i));
            }
            Audience audience = Fixture.always(to);
            try (Dispatcher d = new Dispatcher(slow, new Fixture.Formatter(), audience, new Fixture.Events(), outbox, id -> Optional.of(h),
                    settings, clock, Sleeper.of(clock))) {
                d.start();
                long started = System.nanoTime();
                new Broadcaster(audience, outbox, d, clock).publish(List.of(h));
                await().atMost(Duration.ofSeconds(30 + chats / 500)).pollInterval(Duration.ofMillis(250))
                        .until(() -> outbox.counts().delivered() == chats);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("real-time broadcast at %d/s: ", settings.rateLimit().globalPerSecond());
                System.out.printf(" %d messages in %.2f s = %.0f msg/s%n", chats, seconds, chats / seconds);
                return recorder.calls().stream().sorted(java.util.Comparator.comparing(RecordingBotApi.Call::at)).toList();
            }
        }
    }
}
