package app.khobor.bench;

import app.khobor.config.PollingSettings;
import app.khobor.config.SourceConfig;
import app.khobor.config.StorageSettings;
import app.khobor.db.Database;
import app.khobor.fakes.FixtureFiles;
import app.khobor.news.AnnounceMarks;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.NewsDesk;
import app.khobor.news.NewsPipeline;
import app.khobor.news.SeenCache;
import app.khobor.news.SourceReadState;
import app.khobor.source.HttpFetcher;
import app.khobor.source.PollOnce;
import app.khobor.source.PollScheduler;
import app.khobor.source.SourceReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * CPU cost of one poll cycle over 30 sources through the production path (HttpFetcher, SourceReader, NewsDesk over a
 * SQLite file, the scheduler's own per-source step), against 30 loopback portals: first 29 answering 304 and one
 * serving a changed Prothom Alo feed (5 new links each cycle), then all 30 answering 304. Not a test: run
 * {@code bench/run poll [--tls] [--reconnect] [warm-up cycles] [measured cycles]}: by default plain HTTP on kept-alive
 * connections; {@code --tls} makes the portals HTTPS, {@code --reconnect} closes every connection after one answer.
 */
public final class PollCycleBench {
    private static final int SOURCES = 30;
    private static final int NEW_LINKS = 5;
    private static final double CYCLE_GOAL_MS = 50;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-13T05:00:00Z"), ZoneOffset.UTC);
    private static final List<String> UNCHANGED_FEEDS = List.of("ittefaq/ittefaq.xml", "banglatribune/banglatribune.xml",
            "jagonews24/rss-5dcfbf4/jagonews.xml", "prothomalo/rss-5dcfbf4/prothomalo.xml");
    private static final List<String> CHANGING_FEED = List.of("prothomalo/rss-5dcfbf4/prothomalo.xml",
            "prothomalo/rss-3fa4716/prothomalo.xml");

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args).stream().filter(a -> a.startsWith("--")).toList();
        List<String> numbers = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        boolean tls = options.contains("--tls");
        boolean reconnect = options.contains("--reconnect");
        int warmUp = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 20;
        int measured = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 60;
        Path dir = Files.createTempDirectory("khobor-poll-bench");
        ExecutorService pollThreads = Executors.newFixedThreadPool(SOURCES, named("khobor-poll-"));
        // before HttpFetcher: its HttpClient takes the default SSLContext, which must trust the portals' certificate
        javax.net.ssl.SSLContext serverTls = tls ? PortalTls.serverContextTrustedByThisJvm(dir, SOURCES) : null;
        try (CyclePortal portal = new CyclePortal(versions(1 + 2 * (warmUp + measured)), serverTls, reconnect);
             Database db = Database.open("jdbc:sqlite:" + dir.resolve("khobor.db"));
             HttpFetcher fetcher = new HttpFetcher(PollingSettings.DEFAULTS)) {
            HeadlineHistory store = HeadlineHistory.create(db);
            SourceReadState reads = SourceReadState.create(db);
            StorageSettings storage = new StorageSettings(db.url(), Duration.ofDays(30), 100_000, Duration.ofDays(7));
            NewsDesk desk = new NewsDesk(store, reads, SeenCache.create(store, storage), CLOCK);
            AtomicInteger announced = new AtomicInteger();
            List<SourceConfig> sources = new ArrayList<>();
            for (int i = 0; i < SOURCES; i++) {
                sources.add(SourceConfig.feed(String.format("bench-%02d", i), "bench " + i, portal.url(i)));
            }
            try (PollScheduler scheduler = new PollScheduler(sources, PollingSettings.DEFAULTS,
                    new SourceReader(fetcher, CLOCK), new NewsPipeline(desk, reads, AnnounceMarks.create(db),
                    fresh -> announced.addAndGet(fresh.size())), CLOCK, new Random(1))) {
                Cycle cycle = new Cycle(scheduler, sources, pollThreads, portal);
                cycle.run(false); // every source's first read: 30 x 200, the baseline
                portal.takeCounts();
                System.out.printf("## Poll cycle over %d sources, %s, %s (warm-up %d cycles, then %d measured; %d CPUs)%n%n",
                        SOURCES, tls ? "HTTPS" : "plain HTTP", reconnect ? "a new connection for every read"
                                : "connections kept alive", warmUp, measured, Runtime.getRuntime().availableProcessors());
                long rowsBefore = rows(db);
                Phase mixed = cycle.measure("29 x 304 + 1 changed feed", warmUp, measured, true, new int[] {1, 29});
                long stored = rows(db) - rowsBefore;
                Phase unchanged = cycle.measure("30 x 304", warmUp, measured, false, new int[] {0, 30});
                Phase.printTable(List.of(mixed, unchanged));
                System.out.printf("%nConnections opened per cycle (median, as the portals saw them): %.0f and %.0f%n",
                        mixed.connections().median(), unchanged.connections().median());
                System.out.printf("%nChanged feed: %.1f new headlines stored per cycle (%d announced in all)%n",
                        (double) stored / (warmUp + measured), announced.get());
                System.out.printf("Goal: a cycle of 30 unchanged sources in < %.0f ms CPU: median client %.2f ms = %.3f x the"
                        + " budget -> %s%n", CYCLE_GOAL_MS, unchanged.client().median(),
                        unchanged.client().median() / CYCLE_GOAL_MS, unchanged.client().median() < CYCLE_GOAL_MS ? "MET" : "MISSED");
                System.out.printf("%nWhere the CPU went (mean ms per measured cycle, Java threads only):%n%n");
                Phase.printThreads(List.of(mixed, unchanged));
            }
        } finally {
            pollThreads.shutdownNow();
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Site 0 is the changing feed: version v alternates the two snapshots, its first 5 links made new for v. */
    private static List<IntFunction<byte[]>> versions(int changingVersions) {
        List<IntFunction<byte[]>> sites = new ArrayList<>();
        List<String> snapshots = CHANGING_FEED.stream()
                .map(p -> new String(FixtureFiles.bytes(p), StandardCharsets.UTF_8)).toList();
        byte[][] changing = new byte[changingVersions][];
        for (int v = 0; v < changingVersions; v++) {
            changing[v] = CyclePortal.gzip(withNewLinks(snapshots.get(v % 2), v).getBytes(StandardCharsets.UTF_8));
        }
        sites.add(v -> changing[v]);
        for (int i = 1; i < SOURCES; i++) {
            byte[] body = CyclePortal.gzip(FixtureFiles.bytes(UNCHANGED_FEEDS.get(i % UNCHANGED_FEEDS.size())));
            sites.add(v -> body);
        }
        return sites;
    }

    private static String withNewLinks(String feed, int version) {
        String link = "<link>https://www.prothomalo.com/";
        StringBuilder out = new StringBuilder(feed.length() + 100);
        int from = 0;
        for (int n = 0; n < NEW_LINKS; n++) {
            int at = feed.indexOf(link, from);
            if (at < 0) {
                throw new IllegalStateException("the Prothom Alo snapshot has fewer than " + NEW_LINKS + " item links");
            }
            out.append(feed, from, at).append(link).append("bench-v").append(version).append('/');
            from = at + link.length();
        }
        return out.append(feed, from, feed.length()).toString();
    }

    private static long rows(Database db) {
        return db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM headlines")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One cycle = every source's scheduled read at once, each on its own poll thread, as the timers would fire them. */
    private record Cycle(PollScheduler scheduler, List<SourceConfig> sources, ExecutorService threads, CyclePortal portal) {
        void run(boolean change) throws Exception {
            if (change) {
                portal.advance(0);
            }
            List<Callable<Duration>> reads = sources.stream()
                    .<Callable<Duration>>map(s -> () -> PollOnce.poll(scheduler, s)).toList();
            for (Future<Duration> read : threads.invokeAll(reads)) {
                read.get();
            }
        }

        Phase measure(String name, int warmUp, int measured, boolean change, int[] expected) throws Exception {
            for (int i = 0; i < warmUp; i++) {
                run(change);
            }
            portal.takeCounts();
            ClientCpu cpu = new ClientCpu(PollCycleBench::isPortalThread);
            List<Double> client = new ArrayList<>();
            List<Double> wall = new ArrayList<>();
            List<Double> connections = new ArrayList<>();
            Map<Long, Long> first = cpu.snapshot();
            Map<Long, Long> before = first;
            long processBefore = cpu.processNanos();
            for (int i = 0; i < measured; i++) {
                long wallBefore = System.nanoTime();
                run(change);
                long wallNanos = System.nanoTime() - wallBefore;
                Map<Long, Long> after = cpu.snapshot();
                client.add(cpu.clientNanos(before, after) / 1e6);
                wall.add(wallNanos / 1e6);
                before = after;
                int[] counts = portal.takeCounts();
                check(name, counts, expected);
                connections.add((double) counts[2]);
            }
            // the process clock ticks in 10 ms steps on Linux: only its total over the phase is worth dividing
            double processPerCycle = (cpu.processNanos() - processBefore) / 1e6 / measured;
            return new Phase(name, new Percentiles(client), processPerCycle, new Percentiles(wall),
                    new Percentiles(connections), cpu.byGroup(first, before), measured);
        }

        private static void check(String phase, int[] counts, int[] expected) {
            if (counts[0] != expected[0] || counts[1] != expected[1]) {
                throw new IllegalStateException(phase + ": a cycle got " + counts[0] + " x 200 and " + counts[1]
                        + " x 304, expected " + expected[0] + " and " + expected[1] + ": not measuring what it says");
            }
        }
    }

    private record Phase(String name, Percentiles client, double processPerCycle, Percentiles wall,
                         Percentiles connections, Map<String, Long> threadGroups, int cycles) {
        static void printTable(List<Phase> phases) {
            System.out.println("| cycle | client CPU ms median | p90 | min | process CPU ms per cycle (mean; upper bound,"
                    + " with portals, JIT, GC) | wall ms median | p90 | cycles |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (Phase p : phases) {
                System.out.printf("| %s | %.2f | %.2f | %.2f | %.1f | %.2f | %.2f | %d |%n", p.name(), p.client().median(),
                        p.client().p90(), p.client().min(), p.processPerCycle(), p.wall().median(), p.wall().p90(), p.cycles());
            }
        }

        /** CPU per cycle by thread (name without its number), one column per phase. */
        static void printThreads(List<Phase> phases) {
            java.util.TreeSet<String> groups = new java.util.TreeSet<>();
            phases.forEach(p -> groups.addAll(p.threadGroups().keySet()));
            System.out.println("| thread | " + String.join(" | ", phases.stream().map(Phase::name).toList()) + " |");
            System.out.println("|---|" + "---:|".repeat(phases.size()));
            for (String group : groups) {
                double[] ms = phases.stream().mapToDouble(p -> p.threadGroups().getOrDefault(group, 0L) / 1e6 / p.cycles())
                        .toArray();
                if (java.util.Arrays.stream(ms).anyMatch(v -> v >= 0.01)) {
                    StringBuilder row = new StringBuilder("| " + group + " |");
                    for (double v : ms) {
                        row.append(String.format(" %.2f |", v));
                    }
                    System.out.println(row);
                }
            }
        }
    }

    /** The fake portals' threads: ours are named, the JDK server's dispatcher and timers have fixed names. */
    private static boolean isPortalThread(String name) {
        return name.startsWith(CyclePortal.THREAD_PREFIX) || name.equals("HTTP-Dispatcher")
                || name.equals("idle-timeout-task") || name.equals("req-rsp-timeout-task") || name.equals("server-timer");
    }
}
