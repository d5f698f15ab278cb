package app.khobor.source;

import app.khobor.infra.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends body reads that run past a deadline. HttpClient's request timeout stops counting once the response headers are in,
 * so a server that sends headers and then stalls would block a reader forever; closing the stream from another thread
 * makes the blocked read throw.
 */
final class BodyDeadline implements AutoCloseable {
    /** A read of the body that may block. */
    @FunctionalInterface
    interface BodyRead<T> {
        T read() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(BodyDeadline.class);

    private final ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("khobor-fetch-deadline"));

    BodyDeadline() {
        alarms.setRemoveOnCancelPolicy(true); // most reads finish in time: do not keep their alarms queued
    }

    /** Runs {@code read}; if it is still running at {@code deadline} (a System.nanoTime value) {@code body} is closed. */
    <T> T readBefore(long deadline, InputStream body, BodyRead<T> read) throws IOException {
        long left = Math.max(0, deadline - System.nanoTime());
        ScheduledFuture<?> alarm = alarms.schedule(() -> closeQuietly(body), left, TimeUnit.NANOSECONDS);
        try {
            return read.read();
        } finally {
            alarm.cancel(false);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            log.debug("Closing a timed-out body failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        alarms.shutdownNow();
    }
}
