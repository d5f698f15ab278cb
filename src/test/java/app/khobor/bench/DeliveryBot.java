package app.khobor.bench;

import app.khobor.chat.ChatAudience;
import app.khobor.chat.ChatKind;
import app.khobor.chat.ChatStore;
import app.khobor.chat.HeadlineFormat;
import app.khobor.config.DeliverySettings;
import app.khobor.config.RateLimitSettings;
import app.khobor.config.SourceConfig;
import app.khobor.db.Database;
import app.khobor.delivery.Broadcaster;
import app.khobor.delivery.Dispatcher;
import app.khobor.delivery.DispatcherSettings;
import app.khobor.delivery.MonotonicClock;
import app.khobor.delivery.Outbox;
import app.khobor.delivery.OutboxCounts;
import app.khobor.delivery.Sleeper;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.NewHeadline;
import app.khobor.news.StoredHeadline;
import app.khobor.source.Headline;
import app.khobor.telegram.TelegramBotApi;
import app.khobor.text.BengaliText;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The bot side of the delivery benchmarks, run as its own JVM by {@link DeliveryBench} so that it can be killed with
 * SIGKILL and capped with -Xmx while the fake Bot API lives on in the parent. It wires the production delivery path
 * as {@code Khobor.wire} does: SQLite file, {@link ChatStore} + {@link ChatAudience}, {@link Broadcaster},
 * {@link Outbox}, {@link Dispatcher} with {@link DispatcherSettings#of} on a {@link MonotonicClock}, and
 * {@link TelegramBotApi} over HTTP.
 *
 * <p>{@code fresh}: subscribes CHATS private chats, stores one headline and publishes it. {@code resume}: publishes the
 * stored headline again (the outbox must ignore every row it already has) and sends what is pending. Either way it
 * exits once nothing is pending. Progress goes to stdout as {@code KEY value...} lines the parent reads; after
 * {@code DONE} comes {@code RESIDENT}, its resident memory (now and peak) with everything still open.
 *
 * <p>Arguments: {@code fresh|resume DB_FILE API_URL TOKEN CHATS GLOBAL_PER_SECOND PAID}
 */
public final class DeliveryBot {
    static final long FIRST_CHAT = 100_000_001L;
    /** System property: {@code -Dbench.heapSampler=false} starts {@link MemoryWatch} without its sampler thread. */
    static final String HEAP_SAMPLER = "bench.heapSampler";
    /** System property: milliseconds to wait after {@code RESIDENT} before closing, for the parent's /proc reads. */
    static final String HOLD_AFTER_DONE_MS = "bench.holdAfterDoneMs";
    /** System property: broadcasts in a row, each a new headline to every chat (later ones run on a warm JVM). */
    static final String BROADCASTS = "bench.broadcasts";
    static final SourceConfig SOURCE = SourceConfig.feed("prothomalo", "প্রথম আলো", URI.create("https://www.prothomalo.com/feed/"));

    private DeliveryBot() {}

    public static void main(String[] args) throws Exception {
        boolean fresh = args[0].equals("fresh");
        Path file = Path.of(args[1]);
        String apiUrl = args[2];
        String token = args[3];
        int chatCount = Integer.parseInt(args[4]);
        DispatcherSettings settings = DispatcherSettings.of(new RateLimitSettings(Integer.parseInt(args[5]), 1, 20),
                Boolean.parseBoolean(args[6]), DeliverySettings.DEFAULTS);
        // The CPU benchmark turns the 10 ms heap sampler off: its wake-ups would be counted as the bot's CPU.
        MemoryWatch memory = Boolean.parseBoolean(System.getProperty(HEAP_SAMPLER, "true")) ? MemoryWatch.start() : MemoryWatch.withoutSampler();
        Clock clock = Clock.systemUTC();
        Clock sendClock = MonotonicClock.system();
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            HeadlineHistory headlines = HeadlineHistory.create(db);
            ChatStore chats = ChatStore.create(db, clock);
            StoredHeadline first = fresh ? setUp(chats, headlines, chatCount, clock) : headlines.latest(1).get(0);
            Outbox outbox = new Outbox(db);
            OutboxCounts start = outbox.counts();
            say("START pending=%d delivered=%d", start.pending(), start.delivered());
            ChatAudience audience = new ChatAudience(chats);
            try (TelegramBotApi api = new TelegramBotApi(token, apiUrl);
                 Dispatcher dispatcher = new Dispatcher(api, new HeadlineFormat(List.of(SOURCE)), audience, chats, outbox,
                         headlines::byId, settings, sendClock, Sleeper.of(sendClock))) {
                dispatcher.start();
                Broadcaster broadcaster = new Broadcaster(audience, outbox, dispatcher, clock);
                int broadcasts = Integer.getInteger(BROADCASTS, 1);
                for (int round = 1; round <= broadcasts; round++) {
                    broadcast(broadcaster, outbox, dispatcher, memory, round == 1 ? first : newHeadline(headlines, clock));
                }
                LinuxProcess self = LinuxProcess.self();
                say("RESIDENT rss_mb=%.1f hwm_mb=%.1f", self.residentMb(), self.peakResidentMb());
                // Lets the parent read /proc while every thread is still alive: closing ends the sender threads.
                Thread.sleep(Long.getLong(HOLD_AFTER_DONE_MS, 0));
            }
            OutboxCounts end = outbox.counts();
            say("OUTBOX pending=%d delivered=%d failed=%d dropped=%d stale=%d", end.pending(), end.delivered(),
                    end.failed(), end.dropped(), end.stale());
        }
        memory.stop();
        say("MEMORY %s", memory.report());
    }

    /** CHATS private chats subscribe (through the real store, one /start each), then one headline is first seen. */
    private static StoredHeadline setUp(ChatStore chats, HeadlineHistory headlines, int count, Clock clock) {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            chats.subscribe(FIRST_CHAT + i, ChatKind.PRIVATE);
        }
        say("SUBSCRIBED chats=%d ms=%d", count, (System.nanoTime() - started) / 1_000_000);
        return newHeadline(headlines, clock);
    }

    /**
     * Publishes one headline and waits until every row it added is delivered: PUBLISH (epoch microseconds), ENQUEUED,
     * then DONE once nothing is pending (checked every 100 ms).
     */
    private static void broadcast(Broadcaster broadcaster, Outbox outbox, Dispatcher dispatcher, MemoryWatch memory,
                                  StoredHeadline headline) throws InterruptedException {
        OutboxCounts before = outbox.counts();
        long sentBefore = dispatcher.stats().snapshot().sent();
        Instant publishAt = Instant.now();
        long cpuAtPublish = memory.cpuNanos();
        say("PUBLISH %d", publishAt.getEpochSecond() * 1_000_000 + publishAt.getNano() / 1000);
        broadcaster.publish(List.of(headline));
        long enqueueMs = (Instant.now().toEpochMilli() - publishAt.toEpochMilli());
        long added = total(outbox.counts()) - total(before);
        say("ENQUEUED added=%d ms=%d", added, enqueueMs);
        long expected = sentBefore + before.pending() + added;
        while (dispatcher.stats().snapshot().sent() < expected || outbox.counts().pending() > 0) {
            Thread.sleep(100);
        }
        long wallNanos = java.time.Duration.between(publishAt, Instant.now()).toNanos();
        say("DONE sent=%d cpu_s=%.2f wall_s=%.2f 429s=%d", dispatcher.stats().snapshot().sent() - sentBefore,
                (memory.cpuNanos() - cpuAtPublish) / 1e9, wallNanos / 1e9, dispatcher.stats().snapshot().tooManyRequests());
    }

    /** A headline first seen now, with a Bengali title that needs HTML escaping ({@code <} and {@code &}). */
    private static StoredHeadline newHeadline(HeadlineHistory headlines, Clock clock) {
        String title = "ঢাকায় বৃষ্টি, জলাবদ্ধতায় ভোগান্তি <সকাল> & যানজট";
        String url = "https://www.prothomalo.com/bangladesh/capital/bench-" + System.nanoTime();
        Headline h = new Headline(SOURCE.id(), title, url, null);
        return headlines.insertAll(List.of(new NewHeadline(h, url, BengaliText.searchKey(title))), clock.instant().plusMillis(1),
                false).get(0);
    }

    private static long total(OutboxCounts c) {
        return c.pending() + c.delivered() + c.failed() + c.dropped() + c.stale();
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(java.util.Locale.ROOT, format, args));
        System.out.flush();
    }
}
