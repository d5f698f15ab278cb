package app.khobor.bench;

import app.khobor.telegram.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole bot started and left alone ({@link IdleBot} in a child JVM): its process CPU per window (from
 * /proc/PID/stat, read by this JVM), and its resident memory at the end. The first {@link #SETTLE} after READY is not
 * measured (start-up JIT); the first answer to getUpdates (after its 50 s hold) and the first read of each source
 * (spread over the 2 min interval) do fall into the windows, which is why the median is the figure to quote.
 *
 * @param cpuSecondsPerWindow one figure per window, in order
 * @param feedReads           polls answered by the feed server during the windows
 * @param byThread            CPU over all windows by thread group, largest first
 */
record IdleCpu(Duration window, List<Double> cpuSecondsPerWindow, long feedReads, double residentMb, double peakResidentMb,
               String byThread) {
    static final Duration SETTLE = Duration.ofSeconds(15);
    /** As many as config/khobor.yaml enables. */
    static final int SOURCES = 8;

    static IdleCpu measure(String name, List<String> jvmOptions, int chats, int windows, Duration window, Path dir)
            throws Exception {
        Files.createDirectories(dir);
        for (String file : List.of("idle.db", "idle.db-wal", "idle.db-shm")) {
            Files.deleteIfExists(dir.resolve(file));
        }
        try (FakeBotApi fake = FakeBotApi.start().limits(FakeBotApi.Limits.TELEGRAM);
             NotModifiedFeeds feeds = new NotModifiedFeeds()) {
            BotProcess bot = BotProcess.start(name, jvmOptions, IdleBot.class, dir, fake.apiUrl(), fake.token(),
                    feeds.baseUrl(), SOURCES, chats);
            try {
                bot.await("READY", Duration.ofMinutes(2));
                Thread.sleep(SETTLE.toMillis());
                LinuxProcess os = bot.os();
                long readsBefore = feeds.reads();
                var threadsBefore = os.cpuSecondsByThreadGroup();
                List<Double> perWindow = new ArrayList<>();
                for (int i = 0; i < windows; i++) {
                    double before = os.cpuSeconds();
                    Thread.sleep(window.toMillis());
                    perWindow.add(os.cpuSeconds() - before);
                }
                return new IdleCpu(window, perWindow, feeds.reads() - readsBefore, os.residentMb(), os.peakResidentMb(),
                        LinuxProcess.difference(threadsBefore, os.cpuSecondsByThreadGroup()));
            } finally {
                bot.stop();
            }
        }
    }

    double median() {
        return new Percentiles(cpuSecondsPerWindow).median();
    }

    /** All windows together, scaled to one window: includes the windows a poll fell into. */
    double mean() {
        return cpuSecondsPerWindow.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    String describe() {
        return String.format(Locale.ROOT, "idle_cpu_s_per_%ds median=%.3f mean=%.3f windows=%s feed_polls=%d"
                        + " rss_mb=%.1f hwm_mb=%.1f", window.toSeconds(), median(), mean(),
                cpuSecondsPerWindow.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(), feedReads,
                residentMb, peakResidentMb);
    }
}
