package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active/standby on the real PostgreSQL server (skipped without {@code KHOBOR_TEST_PG_URL}): two Khobor processes,
 * the fake Bot API and a fake portal (see {@link Failover}). Each run takes about a minute: 1,000 chats at Telegram's
 * 30 messages a second, and the killed process's lease has to lapse (6 s).
 */
class FailoverTest {
    static final int CHATS = 1000;
    /** Telegram: 30 messages a second, so the broadcast is a third through. */
    static final int KILL_AFTER = 300;
    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    Failover failover;

    @AfterEach
    void stop() {
        if (failover != null) {
            failover.close();
        }
    }

    @Test
    void sigkill_of_the_active_process_mid_broadcast_hands_over_to_the_standby_within_15_seconds() throws Exception {
        failover = new Failover(dir);
        Optional<String> newsFails = failover.newsStoresFailOnPostgresql();
        assumeTrue(newsFails.isEmpty(), () -> "the news stores do not run on PostgreSQL on this branch yet (the"
                + " pg-news port is not merged): " + newsFails.orElse(""));

        Failover.Outcome outcome = failover.killDuringBroadcast(CHATS, KILL_AFTER, Duration.ofSeconds(150));
        System.out.println("failover: " + outcome);

        String logs = "\n--- a ---\n" + tail(failover.log("a")) + "\n--- b ---\n" + tail(failover.log("b"));
        assertThat(outcome.missing()).as("chats without the headline " + outcome + logs).isZero();
        assertThat(outcome.sentByA()).as("sent by the first active process").isGreaterThanOrEqualTo(KILL_AFTER);
        assertThat(outcome.sentByB()).as("sent by the one that took over").isPositive();
        assertThat(outcome.overlap()).as("the standby sent before the active one stopped: " + outcome).isFalse();
        assertThat(outcome.duplicates()).as("duplicates: only sends in flight at the kill " + outcome)
                .isLessThanOrEqualTo(outcome.senderThreads());
        assertThat(outcome.takeover()).as("kill to the first send of the new active process").isLessThan(TAKEOVER_LIMIT);
        assertThat(outcome.violations()).as("rate-limit breaches at the fake").isZero();
    }

    @Test
    void sigterm_releases_the_lease_so_the_standby_takes_over_at_once() throws Exception {
        failover = new Failover(dir);

        Map.Entry<Duration, Integer> stop = failover.cleanStop();
        System.out.println("clean stop: takeover " + stop.getKey().toMillis() + " ms, exit " + stop.getValue());

        assertThat(stop.getValue()).as("exit status of the stopped process").isZero();
        // one beat (1 s) and the stopping process's close; far below the 6 s a lapse would take
        assertThat(stop.getKey()).as("SIGTERM to the standby holding the lease").isLessThan(Duration.ofSeconds(5));
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }
}
