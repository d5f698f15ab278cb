package app.khobor.delivery;

import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stop gate of active/standby: once this process may no longer send (it lost the lease), nothing more goes to
 * Telegram, and what did not go stays pending in the outbox for the process that took over.
 */
class SendGateTest {
    @TempDir
    Path dir;

    @Test
    void once_the_gate_closes_no_push_or_reply_goes_out_and_the_pushes_stay_pending() {
        try (Fixture f = new Fixture(dir, Fixture.settings())) {
            AtomicBoolean active = new AtomicBoolean(true);
            f.dispatcher.sendOnlyWhile(active::get);
            f.publish("before", user(1));
            f.start();
            f.run(Duration.ofSeconds(2), Duration.ofMillis(100));
            assertThat(f.textsTo(1)).as("sent while active").hasSize(1);

            active.set(false);
            f.publish("after", user(1), user(2));
            f.dispatcher.reply(OutgoingMessage.html(3, false, "answer to /help"));
            f.run(Duration.ofSeconds(10), Duration.ofMillis(100));

            assertThat(f.api.callsTo(1)).as("nothing after the gate closed").hasSize(1);
            assertThat(f.api.callsTo(2)).isEmpty();
            assertThat(f.api.callsTo(3)).isEmpty();
            assertThat(f.outbox.counts().pending()).as("left for the next active process").isEqualTo(2);
        }
    }
}
