package app.khobor.delivery;

import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.fakes.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chat that chose "once an hour" gets what arrived in an hour at the next full hour, as one digest, once. */
class HourlyBatchTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final long HOURLY = 1;
    private static final long INSTANT = 2;

    @TempDir
    Path dir;

    private static PushStyle style(long chatId, Instant now) {
        if (chatId != HOURLY) {
            return PushStyle.DEFAULT;
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        return new PushStyle(ZoneOffset.UTC, false, false, hour, hour.plus(Duration.ofHours(1)));
    }

    @Test
    void an_hourly_digest_comes_once_an_hour_with_what_arrived_in_it() {
        FakeClock clock = new FakeClock(Fixture.START); // 06:00 UTC
        try (Fixture f = new Fixture(dir, Fixture.settings(), clock, null, HourlyBatchTest::style)) {
            f.start();
            f.run(Duration.ofMinutes(10), STEP);
            f.publish("h1", user(HOURLY), user(INSTANT));
            f.publish("h2", user(HOURLY), user(INSTANT));
            f.publish("h3", user(HOURLY), user(INSTANT));

            f.run(Duration.ofMinutes(5), STEP);
            assertThat(f.textsTo(INSTANT)).containsExactly("<b>H</b> h1", "<b>H</b> h2", "<b>H</b> h3");
            assertThat(f.textsTo(HOURLY)).as("held for the hour").isEmpty();

            f.run(Duration.ofMinutes(46), STEP); // to 07:01
            assertThat(f.textsTo(HOURLY)).containsExactly("D h1 h2 h3");
            assertThat(f.api.callsTo(HOURLY).get(0).at()).isAfterOrEqualTo(Fixture.START.plus(Duration.ofHours(1)));

            f.publish("h4", user(HOURLY));
            f.run(Duration.ofMinutes(30), STEP);
            assertThat(f.textsTo(HOURLY)).as("h4 waits for 08:00").hasSize(1);
            f.run(Duration.ofMinutes(31), STEP); // to 08:02
            assertThat(f.textsTo(HOURLY)).containsExactly("D h1 h2 h3", "<b>H</b> h4");
            assertThat(f.outbox.counts().delivered()).isEqualTo(7);
            assertThat(f.outbox.counts().pending()).isZero();
        }
    }
}
