package app.khobor.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's sending limits as rolling windows: overall per second (higher with allow_paid_broadcast), per chat per
 * second, per group (negative chat id) per minute. Only accepted sends fill the windows.
 */
final class FakeRateLimiter {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final ArrayDeque<Long> overall = new ArrayDeque<>();
    private final Map<Long, ArrayDeque<Long>> perChat = new HashMap<>();
    private final Map<Long, ArrayDeque<Long>> perGroup = new HashMap<>();
    private FakeBotApi.Limits limits;

    FakeRateLimiter(FakeBotApi.Limits limits) {
        this.limits = limits;
    }

    synchronized void limits(FakeBotApi.Limits limits) {
        this.limits = limits;
        reset();
    }

    synchronized void reset() {
        overall.clear();
        perChat.clear();
        perGroup.clear();
    }

    /** @return 0 when the send may go (and is counted), else the seconds to wait */
    synchronized long acquire(long chatId, boolean paid, long now) {
        if (!limits.enabled()) {
            return 0;
        }
        ArrayDeque<Long> chat = perChat.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        ArrayDeque<Long> group = chatId < 0 ? perGroup.computeIfAbsent(chatId, id -> new ArrayDeque<>()) : null;
        long wait = Math.max(waitNanos(overall, paid ? limits.paidPerSecond() : limits.perSecond(), SECOND, now),
                waitNanos(chat, limits.perChatPerSecond(), SECOND, now));
        if (group != null) {
            wait = Math.max(wait, waitNanos(group, limits.perGroupPerMinute(), MINUTE, now));
        }
        if (wait > 0) {
            return Math.max(1, (wait + SECOND - 1) / SECOND);
        }
        overall.addLast(now);
        chat.addLast(now);
        if (group != null) {
            group.addLast(now);
        }
        return 0;
    }

    private static long waitNanos(ArrayDeque<Long> window, int max, long length, long now) {
        while (!window.isEmpty() && now - window.peekFirst() >= length) {
            window.pollFirst();
        }
        return window.size() < max ? 0 : window.peekFirst() + length - now;
    }
}
