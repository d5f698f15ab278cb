package app.khobor.chat;

import app.khobor.config.RateLimitSettings;
import app.khobor.config.SourceConfig;
import app.khobor.config.SourceType;
import app.khobor.config.TelegramSettings;
import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.delivery.OutgoingMessage;
import app.khobor.fakes.FakeClock;
import app.khobor.fakes.TestDatabases;
import app.khobor.news.HeadlineHistory;
import app.khobor.source.SourceStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command layer wired to a real chat store (SQLite, or PostgreSQL: {@link TestDatabases}), an in-memory history
 * and a recording Replies.
 */
class CommandsFixture implements AutoCloseable {
    static final long ADMIN = 99;
    static final String PROTHOM_ALO = "\u09AA\u09CD\u09B0\u09A5\u09AE \u0986\u09B2\u09CB";
    static final String SAMAKAL = "\u09B8\u09AE\u0995\u09BE\u09B2";
    static final List<SourceConfig> SOURCES = List.of(
            SourceConfig.feed("prothomalo", PROTHOM_ALO, URI.create("https://www.prothomalo.com/feed/")),
            SourceConfig.feed("samakal", SAMAKAL, URI.create("https://samakal.com/rss")),
            new SourceConfig("retired", "Retired", SourceType.FEED, URI.create("https://old.test/"), null, null, null, null,
                    null, false));

    final Database db;
    final FakeClock clock = new FakeClock(Instant.parse("2026-08-13T04:24:00Z"));
    final ChatStore store;
    final InMemoryHeadlines headlines = new InMemoryHeadlines();
    final RecordingReplies replies = new RecordingReplies();
    final List<SourceStatus> statuses = new ArrayList<>();
    final Map<String, Long> counters = new LinkedHashMap<>();
    final Commands commands;
    final FakeAdmins admins = new FakeAdmins();
    final ChatSettingsStore settings;

    CommandsFixture(Path dir) {
        this(dir, Engine.SQLITE, null);
    }

    /** @param brokenHeadlines when not null, used instead of the in-memory history (to make it fail) */
    CommandsFixture(Path dir, Engine engine, HeadlineHistory brokenHeadlines) {
        db = TestDatabases.open(engine, dir);
        store = ChatStore.create(db, clock);
        TelegramSettings telegram = new TelegramSettings(TelegramSettings.DEFAULT_API_URL, List.of(ADMIN),
                RateLimitSettings.TELEGRAM_DEFAULTS, false);
        settings = new ChatSettingsStore(db);
        commands = new Commands(store, brokenHeadlines != null ? brokenHeadlines : headlines, replies, SOURCES, telegram,
                () -> "KhoborBot", () -> statuses, () -> counters, clock, settings, admins);
    }

    /** A private chat where the user id equals the chat id. */
    void say(long chatId, String text) {
        commands.handle(new Incoming.Text(chatId, ChatKind.PRIVATE, chatId, text));
    }

    /** Said in a supergroup by user 1, an admin of every group unless a test says otherwise. */
    void sayInGroup(long chatId, String text) {
        admins.admin(chatId, 1);
        commands.handle(new Incoming.Text(chatId, ChatKind.SUPERGROUP, 1, text));
    }

    /** Said in a supergroup by {@code userId}, admin or not as {@link #admins} says. */
    void sayInGroupAs(long chatId, long userId, String text) {
        commands.handle(new Incoming.Text(chatId, ChatKind.SUPERGROUP, userId, text, false, 500));
    }

    /** Sends and returns the single reply's HTML. */
    String ask(long chatId, String text) {
        replies.clear();
        say(chatId, text);
        if (replies.messages.size() != 1) {
            throw new AssertionError("expected one reply to " + text + ", got " + replies.messages);
        }
        return replies.lastHtml();
    }

    List<OutgoingMessage> sent() {
        return replies.messages;
    }

    @Override
    public void close() {
        db.close();
    }
}
