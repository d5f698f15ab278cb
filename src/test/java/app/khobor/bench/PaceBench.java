package app.khobor.bench;

import app.khobor.config.PollingSettings;
import java.time.Duration;

/**
 * Publish-to-detect delay and requests a day for one busy portal: today's fixed two-minute interval against pacing by
 * publication history (the defaults: 30 s to 10 min). See {@link SimulatedDay}; runs in seconds on an injected clock.
 * Arguments: the seeds to run (default 1 to 5).
 */
public final class PaceBench {
    static final PollingSettings FIXED = new PollingSettings(Duration.ofMinutes(2), Duration.ofMinutes(30),
            Duration.ofSeconds(20), PollingSettings.DEFAULT_MAX_BODY, "khobor-bench");
    static final PollingSettings ADAPTIVE = PollingSettings.DEFAULTS;

    private PaceBench() {}

    public static void main(String[] args) {
        SimulatedDay day = new SimulatedDay();
        System.out.printf("# a simulated day: %d headlines (%.1f an hour) from %s%n", day.headlines(), day.perHour(),
                SimulatedDay.FEEDS);
        long[] seeds = args.length == 0 ? new long[] {1, 2, 3, 4, 5} : parse(args);
        for (long seed : seeds) {
            System.out.printf("seed %d  fixed 2m:  %s%n", seed, day.run(FIXED, seed));
            System.out.printf("seed %d  adaptive: %s%n", seed, day.run(ADAPTIVE, seed));
        }
    }

    private static long[] parse(String[] args) {
        long[] seeds = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            seeds[i] = Long.parseLong(args[i]);
        }
        return seeds;
    }
}
