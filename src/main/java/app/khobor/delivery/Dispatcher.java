package app.khobor.delivery;

import app.khobor.chat.ChatKind;
import app.khobor.news.StoredHeadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
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
    private static final Duration IDLE = Duration.ofMinutes(1);
    private static final int MAX_REPLIES = 10_000;
    private static final int FAILURES_BEFORE_PAUSE = 3;

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
    private final ReentrantLock lock = new ReentrantLock();
    private final ActiveChats active = new ActiveChats();
    private final ArrayDeque<PendingReply> replies = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final ExecutorService pool;
    private volatile Instant pausedUntil = Instant.MIN;
    private int pauseLevel;
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
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> ThreadLocalRandom.current().nextDouble());
        this.ctx = new SendContext(api, formatter, events, outbox, new DeliveredMarks(outbox, clock), headlines, limiter,
                stats, backoff, settings, clock, new Outcomes());
        this.planner = new PushPlanner(ctx);
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.senderThreads(), r -> {
            Thread t = new Thread(r, "khobor-send-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
        scheduler = new Thread(this::loop, "khobor-dispatch");
        scheduler.setDaemon(true);
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
        lock.lock();
        try {
            if (replies.size() >= MAX_REPLIES) {
                log.warn("reply queue full ({}): dropping the oldest reply, to chat {}", MAX_REPLIES, replies.peekFirst().chatId());
                replies.pollFirst();
            }
            replies.addLast(new PendingReply(task, Instant.MIN));
        } finally {
            lock.unlock();
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
        lock.lock();
        try {
            return settings.maxActiveChats() - active.size();
        } finally {
            lock.unlock();
        }
    }

    private void addChats(List<PendingChat> chats) {
        Instant now = clock.instant();
        lock.lock();
        try {
            chats.forEach(c -> active.add(c.chatId(), c.kind(), c.notBefore(), now));
        } finally {
            lock.unlock();
        }
    }

    /** Starts every send that may go now; returns when the next one may. */
    private Instant dispatch(Instant now) {
        if (now.isBefore(pausedUntil)) {
            return pausedUntil;
        }
        lock.lock();
        try {
            Instant next = now.plus(IDLE);
            ReplyScan r = dispatchReplies(now);
            if (r.globalWait != null) {
                return r.globalWait;
            }
            return earliest(earliest(next, r.next), dispatchPushes(now));
        } finally {
            lock.unlock();
        }
    }

    private record ReplyScan(Instant next, Instant globalWait) {}

    private ReplyScan dispatchReplies(Instant now) {
        Instant next = null;
        java.util.Set<Long> blocked = new java.util.HashSet<>();
        for (var it = replies.iterator(); it.hasNext(); ) {
            PendingReply reply = it.next();
            if (full()) {
                return new ReplyScan(next, now.plus(IDLE)); // a finishing send wakes us
            }
            if (reply.chatId() != 0 && blocked.contains(reply.chatId())) {
                continue; // keep one chat's replies in order
            }
            if (reply.notBefore.isAfter(now)) {
                next = earliest(next, reply.notBefore);
                blocked.add(reply.chatId());
                continue;
            }
            Grant g = reply.chatId() == 0 ? limiter.tryAcquireGlobal() : limiter.tryAcquire(reply.chatId(), reply.toGroup());
            if (g instanceof Grant.Granted granted) {
                it.remove();
                submit(new ReplySendTask(ctx, reply, granted.permit()), granted.permit());
            } else if (g instanceof Grant.ChatWait w && w.delay().compareTo(ReplySendTask.MAX_REPLY_WAIT) > 0) {
                // The chat sits out a long 429: an answer hours late would only confuse the reader.
                it.remove();
                log.warn("dropping a reply to chat {}: the chat must wait {} s after a 429", reply.chatId(),
                        w.delay().toSeconds());
            } else if (g instanceof Grant.ChatWait w) {
                blocked.add(reply.chatId());
                next = earliest(next, now.plus(w.delay()));
            } else {
                return new ReplyScan(next, now.plus(((Grant.GlobalWait) g).delay()));
            }
        }
        return new ReplyScan(next, null);
    }

    private Instant dispatchPushes(Instant now) {
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

    private static Instant earliest(Instant a, Instant b) {
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

    /** The sender threads' way back into the scheduler's state. */
    private final class Outcomes implements SendContext.Callbacks {
        @Override
        public void requeue(ChatQueue chat) {
            withLock(() -> {
                chat.busy = false;
                active.requeue(chat);
            });
        }

        @Override
        public void retryAt(ChatQueue chat, Instant at) {
            withLock(() -> {
                chat.busy = false;
                active.delay(chat, at);
            });
        }

        @Override
        public void release(ChatQueue chat) {
            withLock(() -> {
                chat.busy = false;
                if (chat.touched) {
                    active.requeue(chat);
                } else {
                    active.remove(chat);
                }
            });
        }

        @Override
        public void remove(ChatQueue chat) {
            withLock(() -> {
                chat.busy = false;
                active.remove(chat);
            });
        }

        @Override
        public void forget(long chatId) {
            // A reply found the chat gone or moved; a push to it in flight will find out by itself.
            withLock(() -> active.removeIfIdle(chatId));
        }

        @Override
        public void track(long chatId, ChatKind kind) {
            Instant now = clock.instant();
            withLock(() -> active.add(chatId, kind, now, now));
        }

        @Override
        public void requeueReply(PendingReply reply) {
            withLock(() -> replies.addFirst(reply));
        }

        @Override
        public void tooManyRequests(long chatId) {
            int before = limiter.globalRate();
            int rate = adaptive.onTooManyRequests(chatId, clock.instant());
            limiter.setGlobalRate(rate);
            if (rate < before) {
                log.warn("429s for several chats: lowering the global rate from {}/s to {}/s", before, rate);
            }
        }

        @Override
        public synchronized void transientFailure() {
            Instant now = clock.instant();
            // Escalate once per round of failures, not per failed request: 30 chats failing at once are one outage.
            if (consecutiveFailures.incrementAndGet() >= FAILURES_BEFORE_PAUSE && !now.isBefore(pausedUntil)) {
                Duration pause = ctx.backoff().delay(++pauseLevel);
                pausedUntil = now.plus(pause);
                log.warn("{} failed requests in a row: Telegram looks down, pausing all sends for {}", consecutiveFailures.get(), pause);
            }
        }

        @Override
        public synchronized void telegramAnswered() {
            if (consecutiveFailures.getAndSet(0) > 0) {
                pauseLevel = 0;
                pausedUntil = Instant.MIN;
            }
        }

        private void withLock(Runnable r) {
            lock.lock();
            try {
                r.run();
            } finally {
                lock.unlock();
            }
        }
    }
}
