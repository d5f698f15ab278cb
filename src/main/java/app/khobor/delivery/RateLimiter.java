package app.khobor.delivery;

import app.khobor.config.RateLimitSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Telegram's three sending limits: {@code globalPerSecond} in any rolling second, {@code perChatPerSecond} to one
 * chat, {@code perGroupPerMinute} to one group; plus 429 penalties per chat. Thread-safe; time comes from the
 * injected clock. Each window counts a send from the moment it is granted until it completes plus the window plus
 * {@code margin}, so arrivals at Telegram, wherever they fall in that interval, never exceed a limit.
 */
public final class RateLimiter {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long SWEEP_EVERY = SECOND;
    private static final int SWEEP_ABOVE = 1024;

    private final RateLimitSettings limits;
    private final long marginNanos;
    private final Clock clock;
    private final SlidingWindow global;
    private final Map<Long, ChatWindows> chats = new HashMap<>();
    private int globalRate;
    private long lastSweep;

    public RateLimiter(RateLimitSettings limits, Duration margin, Clock clock) {
        if (limits.globalPerSecond() < 1 || limits.perChatPerSecond() < 1 || limits.perGroupPerMinute() < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1, got " + limits);
        }
        this.limits = limits;
        this.marginNanos = margin.toNanos();
        this.clock = clock;
        this.globalRate = limits.globalPerSecond();
        this.global = new SlidingWindow(globalRate, SECOND + marginNanos);
    }

    /** A message (send or edit) to a chat. */
    public synchronized Grant tryAcquire(long chatId, boolean group) {
        long now = nanos(clock.instant());
        ChatWindows chat = chats.computeIfAbsent(chatId, id -> newChat(group));
        if (group && chat.group == null) {
            chat.group = new SlidingWindow(limits.perGroupPerMinute(), MINUTE + marginNanos);
        }
        long chatWait = Math.max(chat.penaltyUntil - now, Math.max(wait(chat.chat, now), wait(chat.group, now)));
        if (chatWait > 0) {
            return new Grant.ChatWait(Duration.ofNanos(chatWait));
        }
        long globalWait = wait(global, now);
        if (globalWait > 0) {
            return new Grant.GlobalWait(Duration.ofNanos(globalWait));
        }
        sweep(now);
        return new Grant.Granted(start(chat.group == null ? List.of(global, chat.chat) : List.of(global, chat.chat, chat.group)));
    }

    /** A request that is not a chat message (answerCallbackQuery): only the bot-wide budget applies. */
    public synchronized Grant tryAcquireGlobal() {
        long globalWait = wait(global, nanos(clock.instant()));
        if (globalWait > 0) {
            return new Grant.GlobalWait(Duration.ofNanos(globalWait));
        }
        return new Grant.Granted(start(List.of(global)));
    }

    /** Telegram answered 429 for this chat: nothing goes to it before {@code retryAfter} has passed. */
    public synchronized void penalize(long chatId, Duration retryAfter) {
        long until = nanos(clock.instant()) + retryAfter.toNanos() + marginNanos;
        ChatWindows chat = chats.computeIfAbsent(chatId, id -> newChat(false));
        chat.penaltyUntil = Math.max(chat.penaltyUntil, until);
    }

    /** The adaptive slowdown lowers (and later restores) the bot-wide rate; never above the configured one. */
    public synchronized void setGlobalRate(int perSecond) {
        globalRate = Math.max(1, Math.min(perSecond, limits.globalPerSecond()));
        global.setLimit(globalRate);
    }

    public synchronized int globalRate() {
        return globalRate;
    }

    /** Chats with state held (for tests and metrics: must stay bounded). */
    synchronized int trackedChats() {
        return chats.size();
    }

    private ChatWindows newChat(boolean group) {
        ChatWindows c = new ChatWindows(new SlidingWindow(limits.perChatPerSecond(), SECOND + marginNanos));
        if (group) {
            c.group = new SlidingWindow(limits.perGroupPerMinute(), MINUTE + marginNanos);
        }
        return c;
    }

    /** Nanos to wait; a window full of sends still in flight waits one window (a completion wakes the caller sooner). */
    private static long wait(SlidingWindow w, long now) {
        if (w == null) {
            return 0;
        }
        long n = w.waitNanos(now);
        return n < 0 ? SECOND : n;
    }

    private Permit start(List<SlidingWindow> windows) {
        windows.forEach(SlidingWindow::start);
        return new WindowPermit(windows);
    }

    /** Forgets chats that can no longer influence anything, so 100k chats do not stay in memory. */
    private void sweep(long now) {
        if (chats.size() < SWEEP_ABOVE || now - lastSweep < SWEEP_EVERY) {
            return;
        }
        lastSweep = now;
        for (Iterator<ChatWindows> it = chats.values().iterator(); it.hasNext(); ) {
            ChatWindows c = it.next();
            if (c.penaltyUntil <= now && c.chat.idle(now) && (c.group == null || c.group.idle(now))) {
                it.remove();
            }
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * SECOND + t.getNano();
    }

    private static final class ChatWindows {
        final SlidingWindow chat;
        SlidingWindow group;
        long penaltyUntil;

        ChatWindows(SlidingWindow chat) {
            this.chat = chat;
        }
    }

    private final class WindowPermit implements Permit {
        private final List<SlidingWindow> windows;
        private boolean finished;

        WindowPermit(List<SlidingWindow> windows) {
            this.windows = windows;
        }

        @Override
        public void done() {
            synchronized (RateLimiter.this) {
                if (!finished) {
                    finished = true;
                    long end = nanos(clock.instant());
                    windows.forEach(w -> w.complete(end));
                }
            }
        }

        @Override
        public void cancel() {
            synchronized (RateLimiter.this) {
                if (!finished) {
                    finished = true;
                    windows.forEach(SlidingWindow::cancel);
                }
            }
        }
    }
}
