package app.khobor;

import app.khobor.chat.ChatKind;
import app.khobor.chat.ChatStore;
import app.khobor.db.Database;
import app.khobor.db.StorageException;
import app.khobor.fakes.FakePortal;
import app.khobor.fakes.TestDatabases.PgSchema;
import app.khobor.news.SourceReadState;
import app.khobor.telegram.FakeBotApi;
import app.khobor.telegram.SentMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Two Khobor processes (child JVMs running {@code Main run}, the production command) on one PostgreSQL schema, the
 * fake Bot API and a fake portal in this JVM. Process A talks to the fake on 127.0.0.1, B on 127.0.0.2, so the fake
 * tells their messages apart. Used by {@code FailoverTest} (one run, with assertions) and {@code bench/FailoverBench}
 * (several runs, the median takeover).
 */
public final class Failover implements AutoCloseable {
    static final String LEASE = "khobor";
    static final String TITLE = "বন্যায় ডুবেছে সিলেটের নিম্নাঞ্চল, আশ্রয়কেন্দ্রে হাজারো মানুষ";
    static final long FIRST_CHAT = 500_000_001L;
    private static final String FEED = "/desk.xml";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Path dir;
    private final PgSchema schema;
    private final FakeBotApi telegram;
    private final FakePortal portal;
    private final String apiA;
    private final String apiB;
    private final List<Bot> bots = new ArrayList<>();

    /** What one kill during a broadcast came to. */
    public record Outcome(int chats, int missing, int duplicates, int sentByA, int sentByB, Instant killedAt,
                          Instant lastByA, Instant firstByB, long violations, int senderThreads) {
        public Duration takeover() {
            return Duration.between(killedAt, firstByB);
        }

        /** B sent nothing before A's last message, nor before the kill. */
        public boolean overlap() {
            return firstByB.isBefore(lastByA) || firstByB.isBefore(killedAt);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "chats=%d missing=%d duplicates=%d sentByA=%d sentByB=%d"
                    + " takeover=%.2fs overlap=%s violations=%d", chats, missing, duplicates, sentByA, sentByB,
                    takeover().toMillis() / 1000.0, overlap(), violations);
        }
    }

    /** @param dir where the configurations and the two processes' logs go */
    public Failover(Path dir) {
        this.dir = dir;
        this.schema = PgSchema.create(); // first: skips the test without a PostgreSQL server, before anything starts
        this.telegram = FakeBotApi.start();
        this.portal = new FakePortal();
        this.apiA = telegram.apiUrl();
        this.apiB = telegram.alsoListenOn("127.0.0.2");
        portal.feed(FEED, Feeds.rss("পুরনো খবর: বাজেট অধিবেশন শুরু", "https://news.example/old"));
    }

    /**
     * CHATS chats subscribe, A starts and becomes active and reads the feed's baseline, B starts and stands by; a new
     * headline appears, and after {@code killAfter} messages A is killed with SIGKILL. Returns once every chat has the
     * headline (or the deadline passed: then {@code missing} is not 0).
     */
    public Outcome killDuringBroadcast(int chats, int killAfter, Duration deadline) throws Exception {
        subscribe(chats);
        Bot a = start("a", apiA);
        awaitHolder(a);
        awaitBaseline(a);
        Bot b = start("b", apiB);
        b.awaitStandby();

        portal.feed(FEED, Feeds.rss(TITLE, "https://news.example/flood",
                "পুরনো খবর: বাজেট অধিবেশন শুরু", "https://news.example/old"));
        awaitUntil(() -> telegram.sentCount() >= killAfter, Duration.ofSeconds(120), () -> "A to send " + killAfter + "; log:\n" + log("a"));
        Instant killedAt = Instant.now();
        a.kill();
        awaitUntil(() -> missing(chats) == 0, deadline, null);
        return outcome(chats, killedAt);
    }

    /** A runs, B stands by; A gets SIGTERM. Returns how long until B held the lease, and A's exit status. */
    public Map.Entry<Duration, Integer> cleanStop() throws Exception {
        Bot a = start("a", apiA);
        awaitHolder(a);
        Bot b = start("b", apiB);
        b.awaitStandby();
        Instant stopped = Instant.now();
        a.process.destroy();
        awaitHolder(b);
        Duration takeover = Duration.between(stopped, Instant.now());
        a.process.waitFor(30, TimeUnit.SECONDS);
        return Map.entry(takeover, a.process.isAlive() ? -1 : a.process.exitValue());
    }

    private Outcome outcome(int chats, Instant killedAt) {
        List<SentMessage> all = telegram.allMessages();
        List<SentMessage> byA = all.stream().filter(m -> "127.0.0.1".equals(telegram.via(m.messageId()))).toList();
        List<SentMessage> byB = all.stream().filter(m -> "127.0.0.2".equals(telegram.via(m.messageId()))).toList();
        Map<Long, Long> perChat = all.stream().filter(m -> m.text().contains(TITLE))
                .collect(Collectors.groupingBy(SentMessage::chatId, Collectors.counting()));
        int duplicates = (int) perChat.values().stream().mapToLong(n -> n - 1).sum();
        Instant lastByA = byA.stream().map(SentMessage::at).max(Comparator.naturalOrder()).orElse(Instant.MIN);
        Instant firstByB = byB.stream().map(SentMessage::at).min(Comparator.naturalOrder()).orElse(Instant.MAX);
        return new Outcome(chats, missing(chats), duplicates, byA.size(), byB.size(), killedAt, lastByA, firstByB,
                telegram.violations(), app.khobor.delivery.DispatcherSettings.of(
                        app.khobor.config.RateLimitSettings.TELEGRAM_DEFAULTS, false,
                        app.khobor.config.DeliverySettings.DEFAULTS).senderThreads());
    }

    private int missing(int chats) {
        int missing = 0;
        for (int i = 0; i < chats; i++) {
            if (telegram.messagesTo(FIRST_CHAT + i).stream().noneMatch(m -> m.text().contains(TITLE))) {
                missing++;
            }
        }
        return missing;
    }

    /**
     * Whether the news stores run on PostgreSQL: a source read twice (the second read is the upsert's update). Before
     * the news branch's port is merged the upsert fails there, and the scenario cannot run.
     */
    public Optional<String> newsStoresFailOnPostgresql() {
        try (Database db = Database.open(schema.url())) {
            SourceReadState reads = SourceReadState.create(db);
            reads.markRead("probe", Instant.now());
            reads.markRead("probe", Instant.now());
            return Optional.empty();
        } catch (StorageException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Through the real store, as /start would, before either process runs. */
    private void subscribe(int chats) {
        try (Database db = Database.open(schema.url())) {
            ChatStore store = ChatStore.create(db, Clock.systemUTC());
            for (int i = 0; i < chats; i++) {
                store.subscribe(FIRST_CHAT + i, ChatKind.PRIVATE);
            }
        }
    }

    /** The first read of a source is its baseline: stored, not pushed. Later headlines are news. */
    private void awaitBaseline(Bot active) {
        awaitUntil(() -> storedHeadlines() > 0, STARTUP,
                () -> "the active bot to store the feed's baseline; its log:\n" + log(active.name));
    }

    private long storedHeadlines() {
        try (Connection c = DriverManager.getConnection(schema.url());
             PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM headlines");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitHolder(Bot bot) {
        awaitUntil(() -> (":" + bot.process.pid()).equals(holderSuffix()), STARTUP, () -> bot.name + " to hold the lease; its log:\n" + log(bot.name));
    }

    /** ":pid" of the process holding the lease now, or "" when nobody does. */
    private String holderSuffix() {
        try (Connection c = DriverManager.getConnection(schema.url());
             PreparedStatement st = c.prepareStatement("SELECT holder FROM khobor_lease WHERE name = ?"
                     + " AND expires_at > clock_timestamp()")) {
            st.setString(1, LEASE);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1).substring(rs.getString(1).lastIndexOf(':')) : "";
            }
        } catch (SQLException e) {
            return ""; // the table appears with the first process's lease
        }
    }

    private Bot start(String name, String apiUrl) throws IOException {
        int opsPort = freePort();
        Path config = Files.writeString(dir.resolve(name + ".yaml"), """
                telegram:
                  apiUrl: %s
                storage:
                  url: "%s"
                polling:
                  interval: 1s
                  minInterval: 1s
                  maxInterval: 1s
                  maxPerHostPerMinute: 600
                  timeout: 5s
                ops:
                  listen: "127.0.0.1:%d"
                standby:
                  lease: %s
                sources:
                  - {id: desk, name: Desk, type: feed, url: "%s"}
                """.formatted(apiUrl, schema.url(), opsPort, LEASE, portal.url(FEED)));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "app.khobor.Main", "run",
                "--config", config.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("TELEGRAM_BOT_TOKEN", telegram.token());
        builder.environment().put("KHOBOR_TEST_LOG", "INFO");
        builder.environment().remove("KHOBOR_CONFIG");
        builder.environment().remove("KHOBOR_DB_URL");
        Bot bot = new Bot(name, builder.start(), opsPort);
        bots.add(bot);
        return bot;
    }

    /** The log of process {@code name} ("a" or "b"), for a failing test's message. */
    public String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Checks every 5 ms; at the deadline fails with {@code what}'s words, or returns when {@code what} is null. */
    static void awaitUntil(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                if (what == null) {
                    return;
                }
                throw new AssertionError("waited " + timeout + " for " + what.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + (what == null ? "the condition" : what.get()));
            }
        }
    }

    @Override
    public void close() {
        for (Bot bot : bots) {
            bot.process.destroyForcibly();
            try {
                bot.process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        telegram.close();
        portal.close();
        schema.drop();
    }

    /** One Khobor process. */
    private final class Bot {
        final String name;
        final Process process;
        final int opsPort;

        Bot(String name, Process process, int opsPort) {
            this.name = name;
            this.process = process;
            this.opsPort = opsPort;
        }

        /** Its /healthz answers healthy, as a standby. */
        void awaitStandby() {
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + opsPort + "/healthz");
            awaitUntil(() -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 && r.body().contains("\"role\":\"standby\"");
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }, STARTUP, () -> name + " to stand by (healthz: standby); its log:\n" + log(name));
        }

        /** SIGKILL: no shutdown hook, no lease release, no last commit. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new UncheckedIOException(new IOException(name + " survived SIGKILL"));
            }
        }
    }
}
