package app.khobor.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command replies waiting to go, in memory, with three bounds: a reply older than {@link #MAX_AGE} is dropped
 * (an answer that late is worse than none); one chat has at most {@link #PER_CHAT} replies queued, and a command
 * beyond that gets one "slow down" message, then nothing until that chat's queue has drained; and while pushes are
 * waiting, replies start at most {@link #SHARE} of the bot-wide rate, so a flood of commands cannot starve the pushes.
 * Not thread-safe: the {@link Schedule}'s lock guards it.
 */
final class ReplyQueue implements Iterable<PendingReply> {
    // Logged under the dispatcher's name, as the other delivery decisions, so log filters keep working.
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final int PER_CHAT = 10;
    static final double SHARE = 2.0 / 3;
    static final String SLOW_DOWN = "একটু ধীরে! অনেক বার্তা এসেছে; কিছুক্ষণ পরে আবার চেষ্টা করুন।";
    private static final int MAX_REPLIES = 10_000;
    private static final Duration SHARE_WINDOW = Duration.ofSeconds(1);

    private final ArrayDeque<PendingReply> replies = new ArrayDeque<>();
    private final Map<Long, Integer> perChat = new HashMap<>();
    private final Set<Long> flooded = new HashSet<>();
    /** When the replies of the last second started, oldest first. */
    private final ArrayDeque<Instant> started = new ArrayDeque<>();
    private final Duration shareWindow;

    /** @param margin the rate limiter's slack, added to the one-second window of the push share */
    ReplyQueue(Duration margin) {
        this.shareWindow = SHARE_WINDOW.plus(margin);
    }

    /** Queues a new reply; returns false when it was dropped (the chat is flooding, or the queue is full). */
    boolean add(PendingReply reply) {
        long chatId = reply.chatId();
        if (flooded.contains(chatId)) {
            return false;
        }
        if (chatId != 0 && perChat.getOrDefault(chatId, 0) >= PER_CHAT) {
            flooded.add(chatId);
            log.warn("chat {} sent too many commands: answering with a request to slow down, dropping more until its "
                    + "{} queued replies are sent", chatId, PER_CHAT);
            reply = new PendingReply(new ReplyTask.Message(OutgoingMessage.html(chatId, reply.group(), SLOW_DOWN)),
                    Instant.MIN, reply.queuedAt);
        }
        if (replies.size() >= MAX_REPLIES) {
            PendingReply oldest = replies.peekFirst();
            log.warn("reply queue full ({}): dropping the oldest reply, to chat {}", MAX_REPLIES, oldest.chatId());
            removeFirst();
        }
        replies.addLast(reply);
        counted(chatId, 1);
        return true;
    }

    /** A reply taken out to be sent goes back to the head of the queue. */
    void addFirst(PendingReply reply) {
        replies.addFirst(reply);
        counted(reply.chatId(), 1);
    }

    boolean expired(PendingReply reply, Instant now) {
        return !reply.queuedAt.plus(MAX_AGE).isAfter(now);
    }

    /** Whether replies have used their share of the bot-wide rate while pushes wait; see {@link #shareFreeAt}. */
    boolean shareUsed(Instant now, int globalRate) {
        while (!started.isEmpty() && !started.peekFirst().plus(shareWindow).isAfter(now)) {
            started.pollFirst();
        }
        return started.size() >= Math.max(1, (int) (globalRate * SHARE));
    }

    /** When the oldest reply start leaves the share window (call after {@link #shareUsed} said true). */
    Instant shareFreeAt() {
        return started.peekFirst().plus(shareWindow);
    }

    void replyStarted(Instant now) {
        started.addLast(now);
    }

    /** Telegram answers again after failures: replies backing off go now, not after their next backoff. */
    void telegramBack(Instant now) {
        for (PendingReply reply : replies) {
            if (reply.backingOff) {
                reply.backingOff = false;
                reply.notBefore = now;
            }
        }
    }

    /** In queue order; {@link Iterator#remove} takes a reply out (to send it, or for good). */
    @Override
    public Iterator<PendingReply> iterator() {
        Iterator<PendingReply> it = replies.iterator();
        return new Iterator<>() {
            private PendingReply last;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public PendingReply next() {
                last = it.next();
                return last;
            }

            @Override
            public void remove() {
                it.remove();
                counted(last.chatId(), -1);
            }
        };
    }

    private void removeFirst() {
        counted(replies.pollFirst().chatId(), -1);
    }

    private void counted(long chatId, int change) {
        if (chatId == 0) {
            return;
        }
        int n = perChat.getOrDefault(chatId, 0) + change;
        if (n > 0) {
            perChat.put(chatId, n);
        } else {
            perChat.remove(chatId);
            flooded.remove(chatId); // drained: the chat may be answered again
        }
    }
}
