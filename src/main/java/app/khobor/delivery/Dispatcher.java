package app.khobor.delivery;

import app.khobor.infra.Backoff;
import app.khobor.infra.DaemonThreads;
import app.khobor.news.StoredHeadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends command replies and pushes within Telegram's limits. One scheduler thread picks what may go now (replies
 * first, then chats with pending pushes round-robin), takes a permit from the {@link RateLimiter} and hands the send
 * to a pool of sender threads; when nothing may go it sleeps until the next moment something can, or until new work
 * or a finished send wakes it. Pushes come from the durable {@link Outbox}; replies are in memory only.
 */
public final class Dispatcher implements Replies, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** The longest the scheduler sleeps with nothing to do; new work or a finished send wakes it sooner. */
    static final Duration IDLE = Duration.ofMinutes(1);
    private static final int MAX_REPLIES = 10_000;

    private final DispatcherSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RateLimiter limiter;
    private final DeliveryStats stats = new DeliveryStats();
    private final HeadlineCache headlines;
    private final Outbox outbox;
    private final OutboxScanner scanner;
    private final AdaptiveRate adaptive;
    private final SendContext ctx;
    private final PushPlanner planner;
    private final ReplyScan replyScan;
    private final DispatchState state = new DispatchState();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService pool;
    private volatile boolean running;
    private Instant nextSweep = Instant.MIN;
    private Thread scheduler;

    public Dispatcher(BotApi api, PushFormatter formatter, ChatEvents events, Outbox outbox, HeadlineLookup lookup,
                      DispatcherSettings settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.outbox = outbox;
        this.limiter = new RateLimiter(settings.rateLimit(), settings.safetyMargin(), clock);
        this.headlines = new HeadlineCache(lookup);
        this.scanner = new OutboxScanner(outbox);
        this.adaptive = new AdaptiveRate(settings.rateLimit().globalPerSecond());
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random());
        this.ctx = new SendContext(api, formatter, events, outbox, new DeliveredMarks(outbox, clock), headlines, limiter,
                stats, backoff, settings, clock, new Outcomes(state, limiter, adaptive, backoff, clock));
        this.planner = new PushPlanner(ctx);
        this.replyScan = new ReplyScan(state, limiter, ctx, this::full, this::submit);
        this.pool = Executors.newFixedThreadPool(settings.senderThreads(), DaemonThreads.numbered("khobor-send"));
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
        enqueueReply(new ReplyTask.Message(message));
    }

    @Override
    public void edit(long chatId, long messageId, String html, Keyboard keyboard) {
        enqueueReply(new ReplyTask.Edit(chatId, messageId, html, keyboard));
    }

    @Override
    public void answerCallback(String callbackId, String text) {
        enqueueReply(new ReplyTask.Callback(callbackId, text));
    }

    void remember(StoredHeadline headline) {
        headlines.put(headline);
    }

    /** Each push is checked against the audience just before it goes; until then every queued push is still wanted. */
    void checkAgainst(Audience audience) {
        planner.checkAgainst(audience);
    }

    /** Sends in progress (for tests deciding the dispatcher is quiet). */
    int inFlight() {
        return inFlight.get();
    }

    private void enqueueReply(ReplyTask task) {
        state.lock.lock();
        try {
            if (state.replies.size() >= MAX_REPLIES) {
                log.warn("reply queue full ({}): dropping the oldest reply, to chat {}", MAX_REPLIES, state.replies.peekFirst().chatId());
                state.replies.pollFirst();
            }
            state.replies.addLast(new PendingReply(task, Instant.MIN));
        } finally {
            state.lock.unlock();
        }
        sleeper.wakeUp();
    }

    private void loop() {
        while (running) {
            Instant now = clock.instant();
            Instant next;
            try {
                next = earliest(maintain(now), dispatch(now));
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
            int stale = outbox.dropStale(now.minus(settings.delivery().maxAge()), now);
            if (stale > 0) {
                stats.stale.add(stale);
                log.info("dropped {} deliveries older than {} as stale", stale, settings.delivery().maxAge());
            }
            nextSweep = now.plus(settings.sweepEvery());
            scanner.markDirty(); // also brings back chats whose long 429 has passed
        }
        limiter.setGlobalRate(adaptive.tick(now));
        scanner.refill(now, this::room, this::addChats);
        return earliest(nextSweep, adaptive.nextTick());
    }

    private int room() {
        state.lock.lock();
        try {
            return settings.maxActiveChats() - state.active.size();
        } finally {
            state.lock.unlock();
        }
    }

    private void addChats(List<PendingChat> chats) {
        Instant now = clock.instant();
        state.lock.lock();
        try {
            chats.forEach(c -> state.active.add(c.chatId(), c.kind(), c.notBefore(), now));
        } finally {
            state.lock.unlock();
        }
    }

    /** Starts every send that may go now; returns when the next one may. */
    private Instant dispatch(Instant now) {
        if (now.isBefore(state.pausedUntil())) {
            return state.pausedUntil();
        }
        state.lock.lock();
        try {
            Instant next = now.plus(IDLE);
            ReplyScan.Result r = replyScan.run(now);
            if (r.globalWait() != null) {
                return r.globalWait();
            }
            return earliest(earliest(next, r.next()), dispatchPushes(now));
        } finally {
            state.lock.unlock();
        }
    }

    private Instant dispatchPushes(Instant now) {
        ActiveChats active = state.active;
        active.promote(now);
        for (int i = active.readyCount(); i > 0; i--) {
            if (full()) {
                return now.plus(IDLE);
            }
            ChatQueue chat = active.pollReady();
            Grant g = limiter.tryAcquire(chat.chatId, chat.kind.isGroup());
            if (g instanceof Grant.Granted granted) {
                chat.busy = true;
                submit(new PushTask(ctx, planner, chat, granted.permit()), granted.permit());
            } else if (g instanceof Grant.ChatWait w) {
                active.delay(chat, now.plus(w.delay()));
            } else {
                active.putBackFirst(chat);
                return earliest(active.nextWake(), now.plus(((Grant.GlobalWait) g).delay()));
            }
        }
        return active.nextWake();
    }

    private boolean full() {
        return inFlight.get() >= settings.senderThreads();
    }

    private void submit(Runnable task, Permit permit) {
        inFlight.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("send task failed: {}", e.getMessage(), e);
                } finally {
                    sleeper.wakeUp(); // before the count drops, so "nothing in flight" implies the wake-up is pending
                    inFlight.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            permit.cancel();
            inFlight.decrementAndGet();
            throw e;
        }
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
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("sends still in flight at shutdown; they will be resent on the next start");
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
