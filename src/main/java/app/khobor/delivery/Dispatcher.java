package app.khobor.delivery;

import app.khobor.infra.Backoff;
import app.khobor.infra.DaemonThreads;
import app.khobor.news.StoredHeadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends command replies and pushes within Telegram's limits. One scheduler thread keeps the outbox's chats loaded and
 * asks the {@link Schedule} to start what may go now (replies first, then chats round-robin, each with a permit from
 * the {@link RateLimiter}) on the {@link SenderPool}, where the {@link Sender} acts on Telegram's answer. When
 * nothing may go, the scheduler sleeps until the next moment something can, or until new work wakes it. Pushes come
 * from the durable {@link Outbox}; replies are in memory only (bounded, and dropped after 10 minutes: {@link ReplyQueue}).
 */
public final class Dispatcher implements Replies, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DispatcherSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RateLimiter limiter;
    private final AdaptiveRate adaptive;
    private final DeliveryStats stats = new DeliveryStats();
    private final HeadlineCache headlines;
    private final Outbox outbox;
    private final PushStyles styles;
    private final OutboxScanner scanner;
    private final Schedule schedule;
    private final SenderPool senders;
    /** Written by start and close, read by the scheduler thread. */
    private volatile boolean running;
    private Instant nextSweep = Instant.MIN;
    private Thread scheduler;

    /**
     * @param audience asked again just before each push goes, so a chat that changed its mind since the push was
     *                 queued (/stop, /sources, /unfollow) does not get it
     * @param events   told when Telegram says a chat is gone or has moved
     */
    public Dispatcher(BotApi api, PushFormatter formatter, Audience audience, ChatEvents events, Outbox outbox,
                      HeadlineLookup lookup, DispatcherSettings settings, Clock clock, Sleeper sleeper) {
        this(api, formatter, audience, events, outbox, lookup, PushStyles.DEFAULT, settings, clock, sleeper);
    }

    /** @param styles each chat's zone, link previews and quiet hours, asked just before each push */
    public Dispatcher(BotApi api, PushFormatter formatter, Audience audience, ChatEvents events, Outbox outbox,
                      HeadlineLookup lookup, PushStyles styles, DispatcherSettings settings, Clock clock,
                      Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.outbox = outbox;
        this.styles = styles;
        this.limiter = new RateLimiter(settings.rateLimit(), settings.safetyMargin(), clock);
        this.adaptive = new AdaptiveRate(settings.rateLimit().globalPerSecond());
        this.headlines = new HeadlineCache(lookup);
        this.scanner = new OutboxScanner(outbox);
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random());
        // Replies and the outage pause retry at least once a minute: a reader waits minutes at most, not hours.
        Backoff shortBackoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new Random());
        this.schedule = new Schedule(limiter, sleeper, clock, shortBackoff, settings.senderThreads(),
                settings.maxActiveChats(), settings.safetyMargin());
        PushPlanner planner = new PushPlanner(outbox, headlines, formatter, audience, stats, settings, styles);
        this.senders = new SenderPool(settings.senderThreads(),
                new Sender(api, outbox, events, limiter, adaptive, schedule, stats, clock),
                new PushJobs(planner, schedule, outbox, new DeliveredMarks(outbox, clock), stats, backoff,
                        settings.longRetryAfter(), settings.paidBroadcast(), styles),
                new ReplyJobs(schedule, stats, shortBackoff, settings.paidBroadcast()),
                new EditJobs(outbox, headlines, formatter, styles, audience), schedule, clock);
        if (!settings.paidBroadcast() && settings.rateLimit().globalPerSecond() > 30) {
            log.warn("delivery: globalPerSecond {} is above Telegram's 30/s without paidBroadcast; expect 429s",
                    settings.rateLimit().globalPerSecond());
        }
    }

    /** Starts the scheduler thread; pending deliveries in the outbox resume. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("dispatcher already started");
        }
        running = true;
        scheduler = DaemonThreads.create("khobor-dispatch", this::loop);
        scheduler.start();
    }

    /**
     * Several processes on one database (active/standby): each send first asks {@code maySend}, and none goes out once
     * it says no (this process lost its lease). Sends already talking to Telegram finish; what did not go stays
     * pending in the outbox for the process that took over.
     */
    public void sendOnlyWhile(BooleanSupplier maySend) {
        senders.sendOnlyWhile(maySend);
    }

    /**
     * The chat changed how it gets pushes (/settings): what its old schedule parked in the outbox is planned again
     * now, so switching an hourly digest back to "at once" sends what waited instead of holding it to the hour.
     */
    public void scheduleChanged(long chatId) {
        outbox.unparkChat(chatId, clock.instant());
        newWork();
    }

    /** New rows were written to the outbox. */
    public void newWork() {
        scanner.markDirty();
        sleeper.wakeUp();
    }

    public DeliveryStats stats() {
        return stats;
    }

    /** The bot-wide rate in use now: below the configured one after 429s for several chats. */
    public int currentGlobalRate() {
        return limiter.globalRate();
    }

    @Override
    public void reply(OutgoingMessage message) {
        schedule.addReply(new PendingReply(new ReplyTask.Message(message), Instant.MIN, clock.instant()));
    }

    @Override
    public void edit(long chatId, boolean group, long messageId, String html, Keyboard keyboard) {
        ReplyTask.Edit edit = new ReplyTask.Edit(chatId, group, messageId, html, keyboard);
        schedule.addReply(new PendingReply(edit, Instant.MIN, clock.instant()));
    }

    @Override
    public void answerCallback(String callbackId, String text) {
        schedule.addReply(new PendingReply(new ReplyTask.Callback(callbackId, text), Instant.MIN, clock.instant()));
    }

    @Override
    public void alert(String callbackId, String text) {
        schedule.addReply(new PendingReply(new ReplyTask.Callback(callbackId, text, true), Instant.MIN, clock.instant()));
    }

    /** A headline about to be queued: a broadcast renders it for every chat, so it is kept rather than read each time. */
    void remember(StoredHeadline headline) {
        headlines.put(headline);
    }

    /**
     * {@code headline} was merged for some chats (they have its story): their sent message of the story may list it.
     * Only messages younger than {@link #EDITABLE_FOR} are edited; what finds no room is dropped.
     */
    void storyGrew(StoredHeadline headline) {
        Instant now = clock.instant();
        List<StoryEdit> due;
        try {
            due = outbox.editsFor(headline, now.minus(EDITABLE_FOR), now, Schedule.MAX_EDITS);
        } catch (RuntimeException e) {
            log.warn("story {}: could not look for messages to edit: {}", headline.storyId(), e.getMessage());
            return;
        }
        int dropped = schedule.addEdits(due);
        if (dropped > 0) {
            log.info("story {}: {} messages not edited to list another portal: too many edits waiting", headline.storyId(),
                    dropped);
        }
    }

    /** Telegram may refuse to edit older messages; a day and a half stays clear of its 48 hours. */
    static final Duration EDITABLE_FOR = Duration.ofHours(36);

    /** Sends in progress (for tests deciding the dispatcher is quiet). */
    int inFlight() {
        return schedule.inFlight();
    }

    private void loop() {
        while (running) {
            Instant now = clock.instant();
            Instant next;
            try {
                next = schedule.startDue(now, maintain(now), senders);
            } catch (RuntimeException e) {
                // One bad moment (the database busy, a bug) must not stop delivery: log and try again soon.
                log.error("delivery scheduler failed: {}; retrying in 1 s", e.getMessage(), e);
                next = now.plusSeconds(1);
            }
            try {
                sleeper.sleepUntil(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stale sweep, periodic rescan, rate recovery, loading chats from the outbox; returns when it wants to run next. */
    private Instant maintain(Instant now) {
        if (!now.isBefore(nextSweep)) {
            int stale = dropStale(now);
            if (stale > 0) {
                stats.stale(stale);
                log.info("dropped {} deliveries that waited longer than {} past their release as stale", stale, settings.delivery().maxAge());
            }
            nextSweep = now.plus(settings.sweepEvery());
            scanner.markDirty(); // also brings back chats whose long 429 has passed
        }
        Instant rateTick = adaptive.nextTick();
        if (rateTick != null && !now.isBefore(rateTick)) {
            limiter.setGlobalRate(adaptive.tick(now));
        }
        scanner.refill(now, schedule::room, chats -> schedule.addChats(chats, now));
        return earliest(nextSweep, adaptive.nextTick());
    }

    /**
     * Drops what waited longer than maxAge past its release: the time the chat's own schedule let it go (the next batch,
     * the end of held quiet hours), so a push the chat asked to hold is not stale while held. Rows older than maxAge
     * plus the longest hold are stale whatever the chat chose.
     */
    private int dropStale(Instant now) {
        Duration maxAge = settings.delivery().maxAge();
        Instant surely = now.minus(maxAge).minus(PushStyles.MAX_HOLD);
        int stale = outbox.dropStale(surely, now);
        // Release only grows with the time queued, so a chat whose oldest row is not stale has none; most held
        // chats cost one grouped row here.
        for (PendingDelivery oldest : outbox.oldestPendingBefore(now.minus(maxAge))) {
            if (late(oldest, maxAge, now)) {
                List<Long> late = outbox.pendingBefore(oldest.chatId(), now.minus(maxAge)).stream()
                        .filter(r -> late(r, maxAge, now)).map(PendingDelivery::id).toList();
                stale += outbox.markStale(late, now);
            }
        }
        return stale;
    }

    private boolean late(PendingDelivery row, Duration maxAge, Instant now) {
        return styles.releaseOf(row.chatId(), row.enqueuedAt()).plus(maxAge).isBefore(now);
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** Stops taking new sends, lets sends in flight finish (their rows are marked), and stops the threads. */
    @Override
    public void close() {
        running = false;
        sleeper.wakeUp();
        try {
            Thread s;
            synchronized (this) {
                s = scheduler;
            }
            if (s != null) {
                s.join(TimeUnit.SECONDS.toMillis(10));
            }
            senders.close();
        } catch (InterruptedException e) {
            senders.closeNow();
            Thread.currentThread().interrupt();
        }
    }
}
