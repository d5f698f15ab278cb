package app.khobor;

import app.khobor.chat.AdminCommands;
import app.khobor.chat.AnnounceCommand;
import app.khobor.chat.ChatAudience;
import app.khobor.chat.ChatSettingsStore;
import app.khobor.chat.ChatStore;
import app.khobor.chat.Commands;
import app.khobor.chat.HeadlineFormat;
import app.khobor.chat.InlineSearch;
import app.khobor.config.Durations;
import app.khobor.config.KhoborConfig;
import app.khobor.config.StandbySettings;
import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Fence;
import app.khobor.infra.DaemonThreads;
import app.khobor.delivery.Announcements;
import app.khobor.delivery.Broadcaster;
import app.khobor.delivery.DeliveryCounters;
import app.khobor.delivery.Dispatcher;
import app.khobor.delivery.DispatcherSettings;
import app.khobor.delivery.Outbox;
import app.khobor.delivery.Sleeper;
import app.khobor.news.AnnounceMarks;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.NewsDesk;
import app.khobor.news.Housekeeping;
import app.khobor.news.NewsPipeline;
import app.khobor.news.PublicationTimes;
import app.khobor.news.SeenCache;
import app.khobor.news.SourceReadState;
import app.khobor.ops.Operations;
import app.khobor.source.HttpFetcher;
import app.khobor.source.PollScheduler;
import app.khobor.source.SourceReader;
import app.khobor.standby.ActiveStandby;
import app.khobor.standby.PostgresLease;
import app.khobor.story.SoloStories;
import app.khobor.story.StoryIndex;
import app.khobor.story.WordStoryIndex;
import app.khobor.telegram.BotIdentity;
import app.khobor.telegram.LastAnswer;
import app.khobor.telegram.TelegramBotApi;
import app.khobor.telegram.TelegramChatAdmins;
import app.khobor.telegram.TelegramStartup;
import app.khobor.telegram.TelegramUpdates;
import app.khobor.delivery.MonotonicClock;
import app.khobor.news.HeadlineWords;
import app.khobor.news.RefreshingVocabulary;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot, wired by hand: configuration in, objects built, threads started. {@code Main} and the end-to-end
 * tests use this same method, so tests exercise the production graph.
 *
 * <p>Flow: {@link PollScheduler} reads sources -> {@link NewsPipeline} keeps what is new -> {@link Broadcaster} writes one
 * outbox row per interested chat -> {@link Dispatcher} sends within Telegram's limits. Readers' commands arrive via
 * {@link TelegramUpdates} and are answered by {@link Commands} through the same dispatcher.
 */
public final class Khobor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Khobor.class);
    /** How often finished announcements are looked for, to tell their admin the count. */
    private static final Duration ANNOUNCEMENT_COUNTS_EVERY = Duration.ofSeconds(2);

    /** Closed in reverse order of creation; the running parts join when this process becomes active. */
    private final Deque<AutoCloseable> parts;
    private final Operations ops;
    private final CompletableFuture<String> fatal = new CompletableFuture<>();
    private final CompletableFuture<String> leaseLost = new CompletableFuture<>();
    /** Asked before each send: always yes with one process; on PostgreSQL, whether the lease is safely held. */
    private volatile BooleanSupplier maySend = () -> true;
    private volatile PollScheduler poller;
    /** Guarded by this: a start racing a stop must not leave threads behind. */
    private boolean closed;
    /** Set first thing in close: the lease given up on a stop is no lost lease. */
    private volatile boolean stopping;
    /** On PostgreSQL: counted down when this process took the lease, and when it then finished starting. */
    private final CountDownLatch tookLease = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);

    private Khobor(Deque<AutoCloseable> parts, Operations ops) {
        this.parts = parts;
        this.ops = ops;
    }

    public static Khobor start(KhoborConfig config, String token, Clock clock) {
        return start(config, token, clock, storyIndex(config, clock));
    }

    /**
     * On SQLite everything starts at once. On PostgreSQL the process starts as a standby (database open and migrated,
     * the ops endpoint answering "standby") and competes for the lease; only once it holds it does it read portals,
     * long-poll Telegram and send (see {@link #standBy}).
     *
     * @param stories the story matcher (tests pass one that merges by a rule they control); unused when the
     *                configuration turns merging off
     */
    public static Khobor start(KhoborConfig config, String token, Clock clock, StoryIndex stories) {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        try {
            return wire(config, token, clock, config.stories().merge() ? stories : new SoloStories(), parts);
        } catch (RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    /** The story matcher production runs: headlines of the configured window, at most the default capacity. */
    private static StoryIndex storyIndex(KhoborConfig config, Clock clock) {
        return new WordStoryIndex(clock, config.stories().window(), WordStoryIndex.DEFAULT_CAPACITY);
    }

    private static Khobor wire(KhoborConfig config, String token, Clock clock, StoryIndex stories,
                               Deque<AutoCloseable> parts) {
        // Every setting is checked before the database is created or migrated: a refused start leaves no file behind.
        TelegramUpdates updates = new TelegramUpdates(token, config.telegram().apiUrl());
        Database database = track(parts, Database.open(config.storage().url()));
        Operations ops = track(parts, new Operations(config, database, clock));
        Khobor khobor = new Khobor(parts, ops);
        Runnable run = () -> khobor.run(config, token, clock, stories, database, updates);
        if (database.engine() == Engine.POSTGRESQL) {
            khobor.standBy(config.storage().url(), config.standby(), database, run);
        } else {
            if (!config.standby().equals(StandbySettings.DEFAULTS)) {
                log.warn("standby: ignored on SQLite, which one process uses alone (active/standby needs PostgreSQL)");
            }
            run.run();
        }
        return khobor;
    }

    /**
     * Competes for the lease. On taking it, the database is fenced at the lease's epoch first (every later write of
     * this process checks, in its own transaction, that the lease is still held at that epoch), then the bot starts,
     * on a thread of its own so that the lease thread goes on renewing meanwhile; it sends only while the lease is
     * safely held. On losing it (a refused, failed or late renewal: a standby may take over now) sends stop at once
     * and {@link #leaseLost} completes: the command line then stops the bot and exits with its own status, and the
     * supervisor (compose {@code restart: always}, systemd {@code Restart=always}) starts it again as a standby.
     * Tearing the running graph down and building it again in-process would be more code for the same result.
     */
    private void standBy(String url, StandbySettings settings, Database database, Runnable run) {
        String holder = holder();
        ActiveStandby.Role role = new ActiveStandby.Role() {
            @Override
            public void becameActive(long epoch) {
                database.fence(new Fence(settings.lease(), epoch));
                tookLease.countDown();
                DaemonThreads.create("khobor-activate", () -> activate(run)).start();
            }

            @Override
            public void becameStandby() {
                if (stopping) {
                    return; // close() releases the lease on purpose
                }
                String reason = "lost the lease '" + settings.lease() + "' (another process may be active now)";
                log.error("{}: sending stopped; exiting so that the supervisor restarts this process as a standby",
                        reason);
                leaseLost.complete(reason);
            }
        };
        ActiveStandby lease = track(parts, new ActiveStandby(new PostgresLease(url, Database.credentialsFromEnvironment(),
                settings.lease(), holder, settings.term()), settings.term(), settings.beat(), role));
        maySend = lease::isActive;
        ops.standingBy(maySend);
        lease.start();
        log.info("standing by as {}: competing for lease '{}' (term {}, beat {}), database {}", holder,
                settings.lease(), Durations.format(settings.term()), Durations.format(settings.beat()), database.url());
        awaitFirstRound(settings.beat());
    }

    /**
     * The first try for the lease comes at once: when nobody holds it, start returns once this process runs as the
     * active one (as on SQLite, so a caller can use it right away); when another holds it, after two beats, standing by.
     */
    private void awaitFirstRound(Duration beat) {
        try {
            if (tookLease.await(beat.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                started.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void activate(Runnable run) {
        synchronized (this) {
            try {
                if (!closed) {
                    run.run();
                }
            } catch (RuntimeException e) {
                log.error("could not start as the active process: {}", e.getMessage(), e);
                leaseLost.complete("could not start as the active process: " + e.getMessage());
            } finally {
                started.countDown();
            }
        }
    }

    /** Builds and starts everything that reads portals, long-polls Telegram and sends. */
    private void run(KhoborConfig config, String token, Clock clock, StoryIndex stories, Database database,
                     TelegramUpdates updates) {
        String apiUrl = config.telegram().apiUrl();
        HeadlineHistory headlines = HeadlineHistory.create(database);
        SourceReadState reads = SourceReadState.create(database);
        NewsDesk desk = new NewsDesk(headlines, reads, SeenCache.create(headlines, config.storage()), clock, stories);
        ChatStore chats = ChatStore.create(database, clock);

        TelegramBotApi api = track(parts, new TelegramBotApi(token, apiUrl));
        Outbox outbox = new Outbox(database, config.stories().topWithin());
        DispatcherSettings sending = DispatcherSettings.of(
                config.telegram().rateLimit(), config.telegram().paidBroadcast(), config.delivery());
        // One audience for both: the broadcaster picks the chats for a headline, the dispatcher asks it again at send time.
        ChatAudience audience = new ChatAudience(chats);
        ChatSettingsStore settings = new ChatSettingsStore(database);
        Dispatcher dispatcher = track(parts, new Dispatcher(ops.timed(api), new HeadlineFormat(config.sources(), clock),
                audience, chats, outbox, headlines::byId, settings, sending, sendClock(clock), Sleeper.of(sendClock(clock))));
        dispatcher.sendOnlyWhile(maySend);
        settings.whenChanged(dispatcher::scheduleChanged);
        Broadcaster broadcaster = new Broadcaster(audience, outbox, dispatcher, clock);

        HttpFetcher fetcher = track(parts, new HttpFetcher(config.polling()));
        NewsPipeline pipeline = new NewsPipeline(desk, reads, AnnounceMarks.create(database),
                ops.counting(broadcaster::publish));
        PollScheduler poller = track(parts, new PollScheduler(config.enabledSources(), config.polling(),
                new SourceReader(fetcher, clock), pipeline, new PublicationTimes(database), clock, new Random()));
        BotIdentity identity = new BotIdentity(api);
        RefreshingVocabulary vocabulary = RefreshingVocabulary.of(headlines, clock);
        Commands commands = new Commands(chats, headlines, dispatcher, config.sources(), config.telegram(),
                identity::username, poller, () -> DeliveryCounters.of(dispatcher, outbox), clock, settings,
                new TelegramChatAdmins(api), vocabulary);
        // Inline queries are answered at once, beside the reply queue (they count against no chat's limit).
        InlineSearch inline = new InlineSearch(commands, headlines, new HeadlineFormat(config.sources(), clock),
                vocabulary, ops.timed(api));
        poller.observe(ops.reads());
        AnnounceCommand announce = track(parts, new AnnounceCommand(new Announcements(database), chats, dispatcher,
                dispatcher::newWork, clock, ANNOUNCEMENT_COUNTS_EVERY));
        AdminCommands handler = new AdminCommands(inline, dispatcher, config.telegram(), identity::username,
                Map.of("sourcestatus", ops::sourceStatusTable), announce);
        track(parts, updates);
        Housekeeping housekeeping = track(parts, new Housekeeping(desk, config.storage().retention()));

        // Before any read: a restart must merge new copies into the stories stored before it.
        int restored = desk.restoreStories(config.stories().window());
        log.info("stories: {} headlines of the last {} restored", restored, config.stories().window());
        dispatcher.start();
        announce.start();
        pipeline.publishLeftovers();
        poller.start();
        housekeeping.start();
        indexMissingWords(database);
        ops.start(poller, dispatcher, outbox, headlines, () -> LastAnswer.latest(updates.answers(), api.answers()));
        track(parts, new TelegramStartup(identity, updates, handler, api, fatal::complete)).start();
        this.poller = poller;
        log.info("khobor started: {} sources, database {}, Bot API {}", config.enabledSources().size(),
                database.url(), apiUrl);
    }

    /**
     * PostgreSQL's word index is written with each headline; headlines copied in by {@code khobor migrate} whose
     * indexing failed after the copy have none, and /search would miss them. Built in the background at start: on an
     * index that is complete this is one pass over the headlines' ids (well under a second at 200,000).
     */
    private static void indexMissingWords(Database database) {
        if (database.engine() != Engine.POSTGRESQL) {
            return;
        }
        DaemonThreads.create("word-index", () -> {
            try {
                long indexed = HeadlineWords.indexMissing(database);
                if (indexed > 0) {
                    log.info("word index: {} headlines had no words (a copy whose indexing failed); indexed now", indexed);
                }
            } catch (RuntimeException e) {
                log.warn("word index: could not index headlines without words: {}", e.getMessage());
            }
        }).start();
    }

    /** This process in the lease row and the logs: host and pid (in a container the host is the container's id). */
    private static String holder() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /**
     * Rate windows must not jump when the wall clock is adjusted (NTP), so on the real system clock the dispatcher
     * measures with a monotonic one; tests pass their own clock through.
     */
    private static Clock sendClock(Clock clock) {
        return clock.getClass() == Clock.systemUTC().getClass() ? MONOTONIC : clock;
    }

    private static final Clock MONOTONIC = MonotonicClock.system();

    private static <T extends AutoCloseable> T track(Deque<AutoCloseable> parts, T part) {
        parts.push(part);
        return part;
    }

    /**
     * Completes with a one-line reason when the bot cannot go on without its owner (Telegram rejected the token at
     * start-up); the command line then stops it and exits with status 2.
     */
    public CompletableFuture<String> fatal() {
        return fatal;
    }

    /**
     * Completes with a one-line reason when this process lost the lease it was active under (PostgreSQL), or could
     * not start once it took it: it has stopped sending, and the command line exits with its own status so that the
     * supervisor starts it again as a standby.
     */
    public CompletableFuture<String> leaseLost() {
        return leaseLost;
    }

    /** The poller; null while this process stands by. */
    public PollScheduler poller() {
        return poller;
    }

    /** The port of the operator's endpoint; empty when {@code ops.listen} is not set. */
    public Optional<Integer> opsPort() {
        return ops.port();
    }

    @Override
    public void close() {
        stopping = true;
        // Waits for an activation in progress (it holds the lock), then closes what it started too.
        synchronized (this) {
            closed = true;
            closeAll(parts);
        }
        log.info("khobor stopped");
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("closing {}: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
