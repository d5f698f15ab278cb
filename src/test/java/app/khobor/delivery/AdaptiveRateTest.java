package app.khobor.delivery;

import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot-wide rate after 429s for several chats: down while they go on, back to the configured rate quickly after. */
class AdaptiveRateTest {
    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void too_many_requests_for_different_chats_lower_the_rate_once_per_span() {
        AdaptiveRate rate = new AdaptiveRate(30);
        assertThat(rate.onTooManyRequests(1, T)).isEqualTo(30);
        assertThat(rate.onTooManyRequests(2, T.plusMillis(100))).isEqualTo(21);
        assertThat(rate.onTooManyRequests(3, T.plusMillis(200))).as("one decrease per span").isEqualTo(21);
        assertThat(rate.onTooManyRequests(4, T.plusMillis(2100))).as("429s go on: lower again").isEqualTo(14);
    }

    @Test
    void after_five_429s_the_rate_is_back_at_the_configured_rate_within_twenty_seconds_of_the_last() {
        AdaptiveRate rate = new AdaptiveRate(30);
        Instant last = fiveTooManyRequests(rate);
        assertThat(rate.current()).isEqualTo(4);

        Instant restored = tickUntilConfigured(rate, last, 30);
        assertThat(Duration.between(last, restored)).isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void from_the_lowest_rate_even_a_paid_broadcast_rate_is_back_within_twenty_seconds() {
        AdaptiveRate rate = new AdaptiveRate(1000);
        Instant last = T;
        for (int i = 0; rate.current() > 1; i++) {
            last = T.plusSeconds(3L * i);
            rate.onTooManyRequests(1, last);
            rate.onTooManyRequests(2, last.plusMillis(10));
        }
        last = last.plusMillis(10);

        Instant restored = tickUntilConfigured(rate, last, 1000);
        assertThat(Duration.between(last, restored)).isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void too_many_requests_while_probing_up_lower_the_rate_again_and_probing_restarts_after_them() {
        AdaptiveRate rate = new AdaptiveRate(30);
        Instant last = fiveTooManyRequests(rate);
        Instant t = last;
        while (rate.current() < 15) {
            t = t.plusMillis(100);
            rate.tick(t);
        }
        int probed = rate.current();
        rate.onTooManyRequests(8, t.plusMillis(50));
        assertThat(rate.onTooManyRequests(9, t.plusMillis(60))).isLessThan(probed);
        assertThat(rate.nextTick()).isAfter(t.plusMillis(60));
    }

    @Test
    void one_chats_repeated_429s_neither_lower_the_rate_nor_hold_back_its_recovery() {
        AdaptiveRate rate = new AdaptiveRate(30);
        Instant last = fiveTooManyRequests(rate);
        for (int i = 1; i <= 100; i++) { // one chat, over its own limit, for 30 s from 2 s after the others
            Instant t = last.plusMillis(2000 + 300L * i);
            assertThat(rate.onTooManyRequests(77, t)).isLessThanOrEqualTo(rate.tick(t));
        }
        assertThat(rate.current()).isEqualTo(30);
    }

    @Test
    void a_broadcast_thirty_seconds_after_a_429_storm_runs_at_the_configured_rate() {
        try (Fixture f = new Fixture(dir, Fixture.settings())) {
            f.start();
            for (long round = 0; round < 5; round++) { // five rounds of 429s, each for two chats at once
                long a = 2 * round + 1;
                f.api.answer(a, new SendResult.RetryAfter(Duration.ofSeconds(1)));
                f.api.answer(a + 1, new SendResult.RetryAfter(Duration.ofSeconds(1)));
                f.publish("storm " + round, user(a), user(a + 1));
                f.run(Duration.ofMillis(2500), Duration.ofMillis(100));
            }
            assertThat(f.dispatcher.currentGlobalRate()).isLessThan(20);
            f.run(Duration.ofSeconds(30), Duration.ofMillis(500));
            assertThat(f.dispatcher.currentGlobalRate()).isEqualTo(30);

            Recipient[] many = new Recipient[300];
            for (int i = 0; i < many.length; i++) {
                many[i] = user(1000 + i);
            }
            Instant started = f.clock.instant();
            f.publish("broadcast", many);
            f.run(Duration.ofMillis(10_500), Duration.ofMillis(10));

            List<RecordingBotApi.Call> broadcast = f.api.calls().stream().filter(c -> c.chatId() >= 1000).toList();
            assertThat(broadcast).as("300 chats at 29-30/s take 10 s").hasSize(300);
            assertThat(broadcast).allMatch(c -> c.at().isBefore(started.plusMillis(10_500)));
            assertThat(Limits.violations(f.api.calls(), 1, 20, 30)).isZero();
        }
    }

    /** 429s for two chats at a time, five rounds 2.5 s apart; returns the time of the last. */
    private static Instant fiveTooManyRequests(AdaptiveRate rate) {
        Instant last = T;
        for (int i = 0; i < 5; i++) {
            last = T.plusMillis(2500L * i);
            rate.onTooManyRequests(2L * i, last);
            rate.onTooManyRequests(2L * i + 1, last.plusMillis(10));
        }
        return last.plusMillis(10);
    }

    /** Ticks every 100 ms, as the dispatcher's loop would at worst; returns when the rate reached {@code configured}. */
    private static Instant tickUntilConfigured(AdaptiveRate rate, Instant from, int configured) {
        Instant t = from;
        while (rate.tick(t) < configured) {
            t = t.plusMillis(100);
            assertThat(t).as("rate still %d", rate.current()).isBefore(from.plus(Duration.ofMinutes(10)));
        }
        return t;
    }
}
