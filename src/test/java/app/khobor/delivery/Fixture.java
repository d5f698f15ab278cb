package app.khobor.delivery;

import static org.awaitility.Awaitility.await;

import app.khobor.config.DeliverySettings;
import app.khobor.config.RateLimitSettings;
import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.fakes.FakeClock;
import app.khobor.fakes.TestDatabases;
import app.khobor.news.StoredHeadline;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dispatcher over a real database (a SQLite file, or a PostgreSQL schema of its own: {@link TestDatabases}), a fake
 * Bot API and a fake clock; time moves only in {@link #run}.
 */
final class Fixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-01T06:00:00Z");

    final FakeClock clock;
    final FakeClock.FakeSleeper sleeper;
    final Database db;
    final Outbox outbox;
    final RecordingBotApi api;
    final Events events = new Events();
    /** Who wants which headline, by headline id; a test changes it to play a reader changing their mind. */
    final Map<Long, List<Recipient>> audience = new ConcurrentHashMap<>();
    final Dispatcher dispatcher;
    final Broadcaster broadcaster;

    /** What ChatEvents heard. */
    static final class Events implements ChatEvents {
        final List<String> heard = new CopyOnWriteArrayList<>();
        final Map<Long, Long> migratedTo = new ConcurrentHashMap<>();

        @Override
        public void chatGone(long chatId, String reason) {
            heard.add("gone " + chatId);
        }

        @Override
        public void chatMigrated(long oldChatId, long newChatId) {
            heard.add("migrated " + oldChatId + " " + newChatId);
            migratedTo.put(oldChatId, newChatId);
        }
    }

    /**
     * {@link #audience} as the dispatcher sees it; a migrated chat keeps what it wanted under its new id. A headline this
     * fixture did not publish (rows left by an earlier run) is still wanted by whoever it was queued for.
     */
    private final class TestAudience implements Audience {
        @Override
        public List<Recipient> recipientsOf(StoredHeadline h) {
            return audience.getOrDefault(h.id(), List.of());
        }

        @Override
        public boolean accepts(long chatId, StoredHeadline h) {
            return !audience.containsKey(h.id()) || recipientsOf(h).stream().anyMatch(r -> r.chatId() == chatId
                    || Long.valueOf(chatId).equals(events.migratedTo.get(r.chatId())));
        }

        @Override
        public boolean subscribed(long chatId) {
            return !stopped.contains(chatId);
        }
    }

    /** single: "H <title>"; digest: "D <titles>" split into parts of {@code digestPartSize} headlines. */
    static final class Formatter implements PushFormatter {
        int digestPartSize = 1000;

        @Override
        public String single(StoredHeadline h) {
            return "<b>H</b> " + h.title();
        }

        @Override
        public List<DigestPart> digest(List<StoredHeadline> headlines) {
            List<DigestPart> parts = new ArrayList<>();
            for (int i = 0; i < headlines.size(); i += digestPartSize) {
                List<StoredHeadline> part = headlines.subList(i, Math.min(headlines.size(), i + digestPartSize));
                StringBuilder text = new StringBuilder("D");
                part.forEach(h -> text.append(' ').append(h.title()));
                parts.add(new DigestPart(text.toString(), part.size()));
            }
            return parts;
        }
    }

    final Formatter formatter = new Formatter();

    /** PostgreSQL schemas a closed fixture left for the next fixture in the same folder (a restart), by folder. */
    private static final Map<Path, TestDatabases.PgSchema> KEPT = new ConcurrentHashMap<>();

    private final Path dir;
    /** The fixture's own schema on PostgreSQL, dropped on close unless kept; null on SQLite. */
    private final TestDatabases.PgSchema schema;
    private boolean keep;

    Fixture(Path dir, DispatcherSettings settings) {
        this(dir, Engine.SQLITE, settings);
    }

    Fixture(Path dir, DispatcherSettings settings, FakeClock clock) {
        this(dir, Engine.SQLITE, settings, clock);
    }

    /** @param telegram answers every request no script answers (null: all are accepted) */
    Fixture(Path dir, DispatcherSettings settings, FakeClock clock, BotApi telegram) {
        this(dir, Engine.SQLITE, settings, clock, telegram);
    }

    Fixture(Path dir, DispatcherSettings settings, FakeClock clock, BotApi telegram, PushStyles styles) {
        this(dir, Engine.SQLITE, settings, clock, telegram, styles);
    }

    Fixture(Path dir, Engine engine, DispatcherSettings settings) {
        this(dir, engine, settings, new FakeClock(START));
    }

    Fixture(Path dir, Engine engine, DispatcherSettings settings, FakeClock clock) {
        this(dir, engine, settings, clock, null);
    }

    Fixture(Path dir, Engine engine, DispatcherSettings settings, FakeClock clock, BotApi telegram) {
        this(dir, engine, settings, clock, telegram, PushStyles.DEFAULT);
    }

    /** @param styles each chat's zone, previews, quiet hours and batches */
    Fixture(Path dir, Engine engine, DispatcherSettings settings, FakeClock clock, BotApi telegram, PushStyles styles) {
        this.clock = clock;
        this.sleeper = clock.sleeper();
        this.dir = dir;
        if (engine == Engine.POSTGRESQL) {
            TestDatabases.PgSchema kept = KEPT.remove(dir);
            this.schema = kept != null ? kept : TestDatabases.PgSchema.create();
            this.db = Database.open(schema.url());
        } else {
            this.schema = null;
            this.db = Database.open("jdbc:sqlite:" + dir.resolve("khobor.db"));
        }
        this.outbox = new Outbox(db);
        this.api = new RecordingBotApi(clock, telegram);
        TestAudience audience = new TestAudience();
        this.dispatcher = new Dispatcher(api, formatter, audience, events, outbox, this::lookup, styles, settings, clock,
                sleeper);
        this.broadcaster = new Broadcaster(audience, outbox, dispatcher, clock);
    }

    static DispatcherSettings settings() {
        return DispatcherSettings.of(RateLimitSettings.TELEGRAM_DEFAULTS, false, DeliverySettings.DEFAULTS);
    }

    static DispatcherSettings settingsWithDigestOver(int digestOver) {
        DeliverySettings delivery = new DeliverySettings(Duration.ofHours(6), digestOver);
        return DispatcherSettings.of(RateLimitSettings.TELEGRAM_DEFAULTS, false, delivery);
    }

    /** Every headline goes to these chats, who keep wanting it. */
    static Audience always(List<Recipient> to) {
        return new Audience() {
            @Override
            public List<Recipient> recipientsOf(StoredHeadline h) {
                return to;
            }

            @Override
            public boolean accepts(long chatId, StoredHeadline h) {
                return true;
            }
        };
    }

    static Recipient user(long chatId) {
        return new Recipient(chatId, false);
    }

    static Recipient group(long chatId) {
        return new Recipient(chatId, true);
    }

    StoredHeadline headline(String title) {
        long id = db.transaction(c -> Statements.number(c, "INSERT INTO headlines(source_id, title, key, url, canonical_url,"
                + " first_seen) VALUES ('src', ?, ?, 'u', ?, 0) RETURNING id", title, title, "u" + title + System.nanoTime()));
        return lookup(id).orElseThrow();
    }

    /** Publishes a new headline to these chats. */
    StoredHeadline publish(String title, Recipient... to) {
        StoredHeadline h = headline(title);
        audience.put(h.id(), List.of(to));
        broadcaster.publish(List.of(h));
        return h;
    }

    /** Publishes another portal's copy of the story {@code storyId} (a headline id) to these chats. */
    StoredHeadline publishInStory(String title, long storyId, Recipient... to) {
        long id = headline(title).id();
        db.transaction(c -> Statements.update(c, "UPDATE headlines SET story_id = ? WHERE id = ?", storyId, id));
        StoredHeadline h = lookup(id).orElseThrow();
        audience.put(h.id(), List.of(to));
        broadcaster.publish(List.of(h));
        return h;
    }

    /** Chats that sent /stop. */
    final java.util.Set<Long> stopped = ConcurrentHashMap.newKeySet();

    /** The chat no longer wants any headline, as after /stop. */
    void stop(long chatId) {
        stopped.add(chatId);
        audience.replaceAll((id, to) -> to.stream().filter(r -> r.chatId() != chatId).toList());
    }

    Optional<StoredHeadline> lookup(long id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT title, COALESCE(story_id, id) FROM headlines WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new StoredHeadline(id, "src", rs.getString(1), rs.getString(1), "u", "u", null, START,
                                    null, rs.getLong(2)))
                            : Optional.empty();
                }
            }
        });
    }

    void start() {
        dispatcher.start();
        awaitQuiet();
    }

    /** Lets {@code total} fake time pass in {@code step}s, letting the dispatcher finish its work at each step. */
    void run(Duration total, Duration step) {
        awaitQuiet();
        for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(step)) {
            clock.advance(step);
            awaitQuiet();
        }
    }

    void awaitQuiet() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                .until(() -> dispatcher.inFlight() == 0 && sleeper.quiet());
    }

    List<String> textsTo(long chatId) {
        return api.callsTo(chatId).stream().map(RecordingBotApi.Call::text).toList();
    }

    /** Plays a crash or a restart: the next fixture opened on the same folder finds this one's database. */
    void keepDatabase() {
        keep = true;
    }

    @Override
    public void close() {
        dispatcher.close();
        db.close();
        if (schema != null) {
            if (keep) {
                KEPT.put(dir, schema);
            } else {
                schema.drop();
            }
        }
    }
}
