package app.khobor.news;

import app.khobor.infra.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the history no source has shown for longer than the retention, at start and then every six hours, so the
 * database stays small.
 */
public final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration EVERY = Duration.ofHours(6);

    private final NewsDesk desk;
    private final Duration retention;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("khobor-housekeeping"));

    public Housekeeping(NewsDesk desk, Duration retention) {
        this.desk = desk;
        this.retention = retention;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::purge, 1, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void purge() {
        try {
            int purged = desk.purgeOlderThan(retention);
            if (purged > 0) {
                log.info("history: deleted {} headlines no source has shown for {} days", purged, retention.toDays());
            }
        } catch (RuntimeException e) {
            // the timer goes on: the next purge comes in six hours
            log.warn("history purge failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
