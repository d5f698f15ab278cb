package app.khobor.bench;

import app.khobor.db.Database;
import app.khobor.telegram.FakeBotApi;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The delivery engine's benchmarks against the HTTP fake Bot API ({@link FakeBotApi}, in this JVM) and the production
 * delivery path in a child JVM ({@link DeliveryBot}). Not a test: run
 * {@code bench/run-delivery [limits|paid|crash|memory|cpu|cpu-broadcast|cpu-idle|rss|all]}.
 *
 * <ul>
 *   <li>{@code limits [CHATS=3000] [LATENCY_MS=5]}: one headline to CHATS private chats at Telegram's 30/s, 1/s per chat.
 *   <li>{@code paid [CHATS=20000] [RUNS=3] [RATE=1000]}: paid broadcast at RATE/s, the fake answering in 5 ms (its
 *       limits off above 1000/s, to measure the engine's headroom).
 *   <li>{@code crash [CHATS=3000] [RATE=1000]}: SIGKILL the bot after a third of the chats, restart it on the same file.
 *   <li>{@code memory [CHATS=100000]}: the bot JVM capped at -Xmx256m, paid broadcast at 1000/s.
 *   <li>{@code cpu [CHATS=900] [RUNS=3]}, {@code cpu-broadcast}, {@code cpu-idle}, {@code rss}: CPU per delivered message,
 *       idle CPU and resident memory under candidate JVM settings ({@link CpuBench}).
 * </ul>
 */
public final class DeliveryBench {
    private static final Duration LATENCY = Duration.ofMillis(5);
    static final Path WORK = Path.of("target", "bench-delivery");

    private DeliveryBench() {}

    public static void main(String[] args) throws Exception {
        Files.createDirectories(WORK);
        String mode = args.length == 0 ? "all" : args[0];
        switch (mode) {
            case "limits" -> limits(intArg(args, 1, 3000), intArg(args, 2, 5));
            case "paid" -> paid(intArg(args, 1, 20_000), intArg(args, 2, 3), intArg(args, 3, 1000));
            case "crash" -> crash(intArg(args, 1, 3000), intArg(args, 2, 1000));
            case "memory" -> memory(intArg(args, 1, 100_000));
            case "cpu" -> CpuBench.all(intArg(args, 1, 900), intArg(args, 2, 3));
            case "cpu-broadcast" -> CpuBench.broadcast(intArg(args, 1, 900), intArg(args, 2, 3));
            case "cpu-idle" -> CpuBench.idle(intArg(args, 1, 6), intArg(args, 2, 300));
            case "rss" -> CpuBench.rss(intArg(args, 1, 10_000));
            default -> throw new IllegalArgumentException("unknown benchmark '" + mode
                    + "': limits, paid, crash, memory, cpu, cpu-broadcast, cpu-idle or rss");
        }
    }

    /** 1. Telegram's limits: sustained rate near 30/s and no 429 from the strict fake. */
    static void limits(int chats, int latencyMs) throws Exception {
        heading("limits: one headline to %d private chats at 30/s (1/s per chat), fake latency %d ms, fake limits TELEGRAM",
                chats, latencyMs);
        try (FakeBotApi fake = FakeBotApi.start().limits(FakeBotApi.Limits.TELEGRAM).latency(Duration.ofMillis(latencyMs))) {
            BotProcess bot = BotProcess.start("bot", List.of(), "fresh", freshDb("limits"), fake.apiUrl(), fake.token(), chats, 30, false);
            Instant publish = bot.awaitPublish(Duration.ofMinutes(5));
            bot.awaitExit(SendFigures.timeoutFor(chats, 29));
            result("limits", SendFigures.of(fake, publish, chats).describe());
        }
    }

    /** 2. Paid broadcast: throughput and CPU with the fake answering in 5 ms. */
    static void paid(int chats, int runs, int rate) throws Exception {
        FakeBotApi.Limits limits = rate > 1000 ? FakeBotApi.Limits.OFF : FakeBotApi.Limits.TELEGRAM;
        heading("paid: one headline to %d private chats, paid broadcast, globalPerSecond %d, fake latency 5 ms, fake limits %s, %d runs",
                chats, rate, rate > 1000 ? "OFF" : "TELEGRAM (paid: 1000/s, 1/s per chat)", runs);
        List<Double> rates = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (FakeBotApi fake = FakeBotApi.start().limits(limits).latency(LATENCY)) {
                BotProcess bot = BotProcess.start("bot", List.of(), "fresh", freshDb("paid-" + run), fake.apiUrl(), fake.token(), chats, rate, true);
                Instant publish = bot.awaitPublish(Duration.ofMinutes(5));
                long fakeCpu = cpuNanos();
                bot.awaitExit(SendFigures.timeoutFor(chats, 500));
                double fakeCpuSeconds = (cpuNanos() - fakeCpu) / 1e9;
                SendFigures f = SendFigures.of(fake, publish, chats);
                double botCpu = Double.parseDouble(bot.value("DONE", "cpu_s"));
                double wall = Double.parseDouble(bot.value("DONE", "wall_s"));
                rates.add(f.sustainedPerSecond());
                result("paid run " + run, f.describe() + String.format(Locale.ROOT,
                        " bot_cpu_s=%.2f bot_cores_busy=%.2f fake_cpu_s=%.2f (bot wall %.2f s, from publish to its last mark)",
                        botCpu, botCpu / wall, fakeCpuSeconds, wall));
            }
        }
        rates.sort(Double::compare);
        result("paid", String.format(Locale.ROOT, "median sustained msg/s over %d runs: %.1f (all: %s)", runs, rates.get(runs / 2), rates));
    }

    /**
     * 3. Crash: SIGKILL the bot once a third of the chats have the headline, start it again on the same database file
     * (it publishes the same headline again: the outbox must ignore every row), and count messages per chat.
     */
    static void crash(int chats, int rate) throws Exception {
        boolean paid = rate > 30;
        heading("crash: %d private chats at %d/s%s, fake limits TELEGRAM, latency 5 ms; kill -9 after %d chats",
                chats, rate, paid ? " (paid broadcast)" : "", chats / 3);
        Path db = freshDb("crash-" + rate);
        try (FakeBotApi fake = FakeBotApi.start().limits(FakeBotApi.Limits.TELEGRAM).latency(LATENCY)) {
            BotProcess first = BotProcess.start("bot-1", List.of(), "fresh", db, fake.apiUrl(), fake.token(), chats, rate, paid);
            Instant publish = first.awaitPublish(Duration.ofMinutes(5));
            while (fake.sentCount() < chats / 3) {
                Thread.sleep(1);
            }
            first.kill();
            long atKill = fake.sentCount();
            Thread.sleep(500);
            long landedAfterKill = fake.sentCount() - atKill;
            long accepted = fake.sentCount();
            long unmarked = acceptedButPending(db, fake);
            System.out.printf(Locale.ROOT, "  killed: %d accepted at the kill, %d more landed after it; %d chats have the message"
                    + " but their row is still pending (sends in flight at the kill)%n", atKill, landedAfterKill, unmarked);
            BotProcess second = BotProcess.start("bot-2", List.of(), "resume", db, fake.apiUrl(), fake.token(), chats, rate, paid);
            second.awaitPublish(Duration.ofMinutes(1));
            second.awaitExit(SendFigures.timeoutFor(chats, paid ? 500 : 29));
            SendFigures f = SendFigures.of(fake, publish, chats);
            result("crash at " + rate + "/s", f.describe() + String.format(Locale.ROOT,
                    " accepted_before_restart=%d in_flight_at_kill=%d re-enqueued_rows_on_restart=%s pending_at_restart=%s"
                            + " sender_threads=32", accepted, unmarked, second.value("ENQUEUED", "added"), second.value("START", "pending")));
        }
    }

    /** 4. Memory: 100k subscribed chats and one broadcast to all of them with the bot's heap capped at 256 MB. */
    static void memory(int chats) throws Exception {
        heading("memory: %d private chats, bot JVM -Xmx256m, paid broadcast at 1000/s, fake latency 5 ms", chats);
        Path gcLog = WORK.resolve("memory-gc.log");
        try (FakeBotApi fake = FakeBotApi.start().limits(FakeBotApi.Limits.TELEGRAM).latency(LATENCY)) {
            BotProcess bot = BotProcess.start("bot", List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog), "fresh", freshDb("memory"),
                    fake.apiUrl(), fake.token(), chats, 1000, true);
            Instant publish = bot.awaitPublish(Duration.ofMinutes(10));
            bot.awaitExit(SendFigures.timeoutFor(chats, 500));
            result("memory", SendFigures.of(fake, publish, chats).describe() + " rows_delivered=" + bot.value("OUTBOX", "delivered")
                    + " subscribe_setup_ms=" + bot.value("SUBSCRIBED", "ms") + " enqueue_ms=" + bot.value("ENQUEUED", "ms")
                    + " (heap: see the bot's MEMORY line; GC log " + gcLog + ")");
        }
    }

    /** Chats whose message Telegram accepted but whose outbox row the killed bot had not marked delivered. */
    private static long acceptedButPending(Path db, FakeBotApi fake) {
        try (Database d = Database.open("jdbc:sqlite:" + db)) {
            List<Long> pending = d.read(c -> {
                List<Long> ids = new ArrayList<>();
                try (var rs = c.createStatement().executeQuery("SELECT chat_id FROM outbox WHERE status = 'pending'")) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            });
            return pending.stream().filter(id -> !fake.messagesTo(id).isEmpty()).count();
        }
    }

    static Path freshDb(String name) throws IOException {
        Path file = WORK.resolve(name + ".db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        return file;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static int intArg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }

    static void heading(String format, Object... args) {
        System.out.printf(Locale.ROOT, "%n== " + format + "%n", args);
    }

    /** One line per figure, with the machine's load average then: other builds share the two cores. */
    static void result(String name, String figures) {
        System.out.println("RESULT " + name + ": " + figures + " [load " + loadAverage() + "]");
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
