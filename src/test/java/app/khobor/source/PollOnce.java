package app.khobor.source;

import app.khobor.config.SourceConfig;
import java.time.Duration;

/** Lets the benchmarks in app.khobor.bench drive the scheduler's own read-and-store step without its timers. */
public final class PollOnce {
    private PollOnce() {}

    /** What the scheduler does for one source when its timer fires; returns the delay it would wait next. */
    public static Duration poll(PollScheduler scheduler, SourceConfig source) {
        return scheduler.pollOnce(source);
    }
}
