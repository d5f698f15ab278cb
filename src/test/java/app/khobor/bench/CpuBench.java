package app.khobor.bench;

import app.khobor.telegram.FakeBotApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the bot costs in CPU and memory, against the fake Bot API: {@code bench/run-delivery cpu|cpu-broadcast|cpu-idle|rss}.
 * Every figure is the child JVM's, read by this JVM from /proc ({@link LinuxProcess}), so nothing in the bot runs to
 * produce it. Children log with the production logback.xml (INFO), as the real bot does; {@code BOT_JVM="..."} adds JVM
 * options to every child (e.g. a candidate heap setting, or {@code -XX:StartFlightRecording=...} to profile).
 *
 * <ul>
 *   <li>{@code cpu-broadcast [CHATS=900] [RUNS=3]}: one headline to CHATS private chats at 30/s ({@link DeliveryBot}),
 *       twice per bot JVM (cold, then warm); process CPU from PUBLISH to DONE (the bot has seen every row delivered)
 *       divided by messages delivered, and the same CPU by thread.
 *   <li>{@code cpu-idle [WINDOWS=6] [CHATS=300]}: the whole bot ({@link IdleBot}) with nothing due; CPU per 20 s window.
 *   <li>{@code rss [CHATS=10000]}: for each candidate JVM setting, resident memory after a paid broadcast to CHATS chats
 *       (delivery path) and of the whole bot idling with CHATS chats.
 * </ul>
 */
final class CpuBench {
    static final Duration IDLE_WINDOW = Duration.ofSeconds(20);
    /** The production logging configuration: test-classes' logback-test.xml (WARN) would hide the bot's real logging. */
    private static final List<String> PRODUCTION_LOGGING = List.of("-Dlogback.configurationFile=target/classes/logback.xml");
    /** Candidate production settings for {@code rss}, from the JVM's defaults down to the leanest that was measured. */
    static final Map<String, List<String>> CANDIDATES = candidates(
            "default", "",
            "heap64-serial", "-Xmx64m -XX:+UseSerialGC",
            "lean", "-Xmx64m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m",
            "lean-c1", "-Xmx64m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m"
                    + " -XX:TieredStopAtLevel=1",
            // Room for a full seen cache (100,000 URLs, tens of MB) that this benchmark's empty history does not have.
            "lean-c1-heap96", "-Xmx96m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m"
                    + " -XX:TieredStopAtLevel=1");

    private CpuBench() {}

    /** Broadcast CPU, idle CPU, and resident memory under the candidate settings. */
    static void all(int chats, int runs) throws Exception {
        broadcast(chats, runs);
        idle(6, 300);
        rss(10_000);
    }

    /**
     * CPU milliseconds per delivered message over a 30/s broadcast, JVM start-up left out, nothing else subtracted.
     * Each bot JVM broadcasts twice, a new headline to every chat each time: the first ("cold") pays for the JIT
     * compiling the send path, the second ("warm") is what a bot that has been running for a while spends.
     */
    static void broadcast(int chats, int runs) throws Exception {
        DeliveryBench.heading("cpu-broadcast: two headlines in a row to %d private chats at 30/s, fake latency 5 ms, fake"
                + " limits TELEGRAM, %d runs, bot JVM options %s", chats, runs, botOptions(List.of()));
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (FakeBotApi fake = FakeBotApi.start().limits(FakeBotApi.Limits.TELEGRAM).latency(Duration.ofMillis(5))) {
                List<String> options = botOptions(List.of("-D" + DeliveryBot.HEAP_SAMPLER + "=false",
                        "-D" + DeliveryBot.HOLD_AFTER_DONE_MS + "=2000", "-D" + DeliveryBot.BROADCASTS + "=2"));
                BotProcess bot = BotProcess.start("bot", options, "fresh", DeliveryBench.freshDb("cpu-" + run),
                        fake.apiUrl(), fake.token(), chats, 30, false);
                LinuxProcess os = null;
                for (String round : List.of("cold", "warm")) {
                    Instant publish = bot.awaitPublish(Duration.ofMinutes(5));
                    os = os == null ? bot.os() : os;
                    double cpuBefore = os.cpuSeconds();
                    long sentBefore = fake.sentCount();
                    Map<String, Double> threadsBefore = os.cpuSecondsByThreadGroup();
                    bot.await("DONE", SendFigures.timeoutFor(chats, 29));
                    double cpu = os.cpuSeconds() - cpuBefore;
                    long messages = fake.sentCount() - sentBefore;
                    String byThread = LinuxProcess.difference(threadsBefore, os.cpuSecondsByThreadGroup());
                    double ms = cpu * 1000 / messages;
                    (round.equals("cold") ? cold : warm).add(ms);
                    DeliveryBench.result("cpu-broadcast run " + run + " " + round, String.format(Locale.ROOT,
                            "cpu_ms_per_msg=%.2f broadcast_cpu_s=%.2f messages=%d wall_s=%.2f 429s(violations)=%d",
                            ms, cpu, messages, Duration.between(publish, Instant.now()).toMillis() / 1000.0, fake.violations()));
                    System.out.println("  " + round + " broadcast CPU s by thread: " + byThread);
                }
                bot.awaitExit(Duration.ofMinutes(1));
            }
        }
        DeliveryBench.result("cpu-broadcast", String.format(Locale.ROOT,
                "median cpu_ms_per_msg cold=%.2f warm=%.2f over %d runs (cold: %s, warm: %s), goal <= 2.5",
                new Percentiles(cold).median(), new Percentiles(warm).median(), runs, rounded(cold), rounded(warm)));
    }

    /** The whole bot with nothing due: CPU seconds per 20 s, median of the windows. */
    static void idle(int windows, int chats) throws Exception {
        DeliveryBench.heading("cpu-idle: whole bot (Khobor.start), %d chats, %d feeds answering 304 every 2 min,"
                + " getUpdates held by the fake, %d windows of %d s after %d s settling, bot JVM options %s", chats,
                IdleCpu.SOURCES, windows, IDLE_WINDOW.toSeconds(), IdleCpu.SETTLE.toSeconds(), botOptions(List.of()));
        IdleCpu idle = IdleCpu.measure("idle", botOptions(List.of()), chats, windows, IDLE_WINDOW, DeliveryBench.WORK);
        DeliveryBench.result("cpu-idle", idle.describe() + ", goal median < 0.05");
        System.out.println("  idle CPU s by thread over all windows: " + idle.byThread());
    }

    /** Resident memory with CHATS chats under each candidate setting; throughput and CPU alongside. */
    static void rss(int chats) throws Exception {
        DeliveryBench.heading("rss: %d private chats, per candidate JVM setting: (1) delivery path after a paid broadcast"
                + " at 1000/s, (2) whole bot idle for %d s; goal < 160 MB", chats, IDLE_WINDOW.toSeconds());
        for (Map.Entry<String, List<String>> candidate : CANDIDATES.entrySet()) {
            List<String> options = botOptions(candidate.getValue());
            String broadcast;
            try (FakeBotApi fake = FakeBotApi.start().limits(FakeBotApi.Limits.TELEGRAM).latency(Duration.ofMillis(5))) {
                BotProcess bot = BotProcess.start("bot", options, "fresh", DeliveryBench.freshDb("rss-" + candidate.getKey()),
                        fake.apiUrl(), fake.token(), chats, 1000, true);
                Instant publish = bot.awaitPublish(Duration.ofMinutes(5));
                bot.await("RESIDENT", SendFigures.timeoutFor(chats, 500));
                bot.awaitExit(Duration.ofMinutes(1));
                SendFigures f = SendFigures.of(fake, publish, chats);
                broadcast = String.format(Locale.ROOT, "broadcast: rss_mb=%s hwm_mb=%s msg_per_s=%.1f cpu_s=%s delivered=%d"
                        + " 429s=%d", bot.value("RESIDENT", "rss_mb"), bot.value("RESIDENT", "hwm_mb"),
                        f.sustainedPerSecond(), bot.value("DONE", "cpu_s"), f.messages(), f.violations());
            }
            IdleCpu idle = IdleCpu.measure("idle", options, chats, 1, IDLE_WINDOW, DeliveryBench.WORK);
            DeliveryBench.result("rss " + candidate.getKey(), String.format(Locale.ROOT,
                    "%s | idle whole bot: rss_mb=%.1f hwm_mb=%.1f cpu_s_per_20s=%.3f | options: %s", broadcast,
                    idle.residentMb(), idle.peakResidentMb(), idle.median(), String.join(" ", candidate.getValue())));
        }
    }

    /** Production logging, then these options, then whatever BOT_JVM adds. */
    private static List<String> botOptions(List<String> options) {
        List<String> all = new ArrayList<>(PRODUCTION_LOGGING);
        all.addAll(options);
        String extra = System.getenv().getOrDefault("BOT_JVM", "").strip();
        if (!extra.isEmpty()) {
            all.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return all;
    }

    private static Map<String, List<String>> candidates(String... nameThenOptions) {
        Map<String, List<String>> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameThenOptions.length; i += 2) {
            String options = nameThenOptions[i + 1];
            byName.put(nameThenOptions[i], options.isEmpty() ? List.of() : List.of(options.split(" ")));
        }
        return byName;
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList();
    }
}
