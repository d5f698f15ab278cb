package app.khobor;

import app.khobor.infra.DaemonThreads;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a clean stop with exit status 0. By default the JVM runs the shutdown hooks on a signal and
 * then exits 128 + signal (143 for TERM), which systemd and Docker count as a failure of every ordinary
 * {@code systemctl stop}. Here the signal calls {@code System.exit(0)} instead: the same shutdown hooks run (the bot
 * closes: polling ends, sends in flight finish or stay pending in the outbox), then the JVM exits 0.
 *
 * <p>Why this and not {@code Runtime.halt(0)} at the end of the shutdown hook: a halt cuts short every other hook
 * (the logger's flush among them) and would also turn a real failure ({@code System.exit(1)}) into 0. Only the
 * meaning of the two stop signals changes here. A watchdog halts with 0 if closing takes longer than
 * {@link #CLOSE_LIMIT}: nothing is lost then either, since pending deliveries live in the database, and a stop
 * that hangs is worse than one that leaves a send for the next start.
 */
final class StopSignals {
    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    static final Duration CLOSE_LIMIT = Duration.ofSeconds(8);

    private StopSignals() {}

    static void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), StopSignals::stop);
            } catch (IllegalArgumentException e) {
                // The JVM runs with -Xrs or the platform has no such signal: the default handling stays.
                log.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
    }

    private static void stop(Signal signal) {
        log.info("SIG{} received: stopping", signal.getName());
        Thread watchdog = DaemonThreads.create("khobor-stop-watchdog", () -> {
            try {
                Thread.sleep(CLOSE_LIMIT.toMillis());
                log.warn("stopping took longer than {}s; exiting now (pending deliveries stay in the database)",
                        CLOSE_LIMIT.toSeconds());
                Runtime.getRuntime().halt(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watchdog.start();
        System.exit(0);
    }
}
