package app.khobor.delivery;

import app.khobor.infra.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the scheduler thread and the sender threads share, behind this object's one lock: the chats with pending
 * pushes, the reply queue, the number of sends in flight and the {@link OutagePause}. The scheduler asks it
 * what may start now ({@link #startDue}); senders hand their chat or reply back when Telegram has answered.
 *
 * <p>A hand-back wakes the scheduler only when it makes something due before the scheduler's planned wake-up (or the
 * scheduler waits for a free sender): at 30 messages a second most finished sends need no extra scheduling pass.
 */
final class Schedule {
    // Logged under the dispatcher's name, as before, so log filters keep working.
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** The longest the scheduler sleeps with nothing to do; new work or a hand-back wakes it sooner. */
    static final Duration IDLE = Duration.ofMinutes(1);
    /** A reader does not wait for an answer longer than this; a longer 429 drops the reply. */
    static final Duration MAX_REPLY_WAIT = Duration.ofMinutes(2);

    /** Hands what may go now to the sender threads; called with the lock held, so it must only queue the work. */
    interface Starter {
        void push(ChatQueue chat, Permit permit);

        void reply(PendingReply reply, Permit permit);

        void edit(StoryEdit edit, Permit permit);
    }

    /** Story edits waiting at most; more are dropped (an edit is a nicety, and under load there is no room for it). */
    static final int MAX_EDITS = 10_000;
    /** An edit not started within this is dropped. */
    static final Duration EDIT_MAX_WAIT = Duration.ofMinutes(10);
    /** Edits take at most this share of the global rate in any second, so a push that arrives finds room. */
    static final int EDIT_SHARE_PERCENT = 50;

    private final java.util.ArrayDeque<StoryEdit> edits = new java.util.ArrayDeque<>();
    private Instant editSecond = Instant.MIN;
    private int editsThisSecond;

    private final RateLimiter limiter;
    private final Sleeper sleeper;
    private final Clock clock;
    private final OutagePause pause;
    private final int senders;
    private final int maxActiveChats;

    private final ActiveChats chats = new ActiveChats();
    private final ReplyQueue replies;
    private int inFlight;
    /**
     * When the scheduler will look again by itself. Set together with the decision in {@link #startDue}, so a hand-back
     * is either seen by that pass or compared with the time it settled on; none can slip between the two.
     */
    private Instant plannedWake = Instant.MIN;
    private boolean waitingForSender;

    /** @param margin the rate limiter's slack, for the replies' share of the rate */
    Schedule(RateLimiter limiter, Sleeper sleeper, Clock clock, Backoff pauseBackoff, int senders, int maxActiveChats,
             Duration margin) {
        this.limiter = limiter;
        this.sleeper = sleeper;
        this.clock = clock;
        this.pause = new OutagePause(pauseBackoff);
        this.senders = senders;
        this.maxActiveChats = maxActiveChats;
        this.replies = new ReplyQueue(margin);
    }

    // --- the scheduler thread

    /** How many more chats the outbox scan may load. */
    synchronized int room() {
        return maxActiveChats - chats.size();
    }

    synchronized void addChats(List<PendingChat> found, Instant now) {
        found.forEach(c -> chats.add(c.chatId(), c.group(), c.notBefore(), now));
    }

    /**
     * Starts every send that may go now: replies first (each chat's in order; while pushes wait, only up to the
     * replies' share of the rate), then chats with pending pushes round-robin. Returns when the scheduler should look
     * again, at the latest {@code notLaterThan}.
     */
    synchronized Instant startDue(Instant now, Instant notLaterThan, Starter starter) {
        Instant next = now.isBefore(pause.until()) ? pause.until() : startAllowed(now, starter);
        plannedWake = Dispatcher.earliest(next, notLaterThan);
        return plannedWake;
    }

    private Instant startAllowed(Instant now, Starter starter) {
        waitingForSender = false;
        Instant idle = now.plus(IDLE);
        Instant replyWait = null;
        Set<Long> blocked = null;
        chats.promote(now);
        boolean pushesWaiting = chats.readyCount() > 0;
        for (var it = replies.iterator(); it.hasNext(); ) {
            PendingReply reply = it.next();
            if (sendersFull()) {
                return idle;
            }
            long chatId = reply.chatId();
            if (replies.expired(reply, now)) {
                it.remove();
                log.warn("dropping a reply to chat {}: not sent within {} min", chatId, ReplyQueue.MAX_AGE.toMinutes());
                continue;
            }
            if (chatId != 0 && blocked != null && blocked.contains(chatId)) {
                continue; // keep one chat's replies in order
            }
            if (reply.notBefore.isAfter(now)) {
                replyWait = Dispatcher.earliest(replyWait, reply.notBefore);
                blocked = block(blocked, chatId);
                continue;
            }
            if (pushesWaiting && replies.shareUsed(now, limiter.globalRate())) {
                replyWait = Dispatcher.earliest(replyWait, replies.shareFreeAt());
                break; // the rest of the budget is for the pushes
            }
            Grant g = chatId == 0 ? limiter.tryAcquireGlobal() : limiter.tryAcquire(chatId, reply.group());
            if (g instanceof Grant.Granted granted) {
                it.remove();
                replies.replyStarted(now);
                inFlight++;
                starter.reply(reply, granted.permit());
            } else if (g instanceof Grant.ChatWait w && w.delay().compareTo(MAX_REPLY_WAIT) > 0) {
                // The chat sits out a long 429: an answer hours late would only confuse the reader.
                it.remove();
                log.warn("dropping a reply to chat {}: the chat must wait {} s after a 429", chatId, w.delay().toSeconds());
            } else if (g instanceof Grant.ChatWait w) {
                blocked = block(blocked, chatId);
                replyWait = Dispatcher.earliest(replyWait, now.plus(w.delay()));
            } else {
                return now.plus(((Grant.GlobalWait) g).delay());
            }
        }
        Instant pushWake = startPushes(now, starter);
        return Dispatcher.earliest(Dispatcher.earliest(idle, replyWait), Dispatcher.earliest(pushWake, startEdits(now, starter)));
    }

    /**
     * Story edits, the lowest priority: only while no push is ready to go and a sender is free, within
     * {@link #EDIT_SHARE_PERCENT} of the global rate, and only with a permit free at once; a chat that must wait keeps
     * its edit for a later pass. Returns when to look again (null: no edits).
     */
    private Instant startEdits(Instant now, Starter starter) {
        if (edits.isEmpty()) {
            return null;
        }
        if (chats.readyCount() > 0) {
            return now.plusSeconds(1);
        }
        if (!now.isBefore(editSecond.plusSeconds(1))) {
            editSecond = now;
            editsThisSecond = 0;
        }
        int share = Math.max(1, limiter.globalRate() * EDIT_SHARE_PERCENT / 100);
        for (var it = edits.iterator(); it.hasNext(); ) {
            StoryEdit edit = it.next();
            if (edit.queuedAt().plus(EDIT_MAX_WAIT).isBefore(now)) {
                it.remove();
                continue;
            }
            if (editsThisSecond >= share || sendersFull()) {
                return editSecond.plusSeconds(1);
            }
            Grant g = limiter.tryAcquire(edit.chatId(), edit.group());
            if (g instanceof Grant.Granted granted) {
                it.remove();
                editsThisSecond++;
                inFlight++;
                starter.edit(edit, granted.permit());
            } else if (g instanceof Grant.GlobalWait) {
                break;
            }
        }
        return edits.isEmpty() ? null : now.plusSeconds(1);
    }

    private static Set<Long> block(Set<Long> blocked, long chatId) {
        Set<Long> b = blocked == null ? new HashSet<>() : blocked;
        b.add(chatId);
        return b;
    }

    private Instant startPushes(Instant now, Starter starter) {
        chats.promote(now);
        for (int i = chats.readyCount(); i > 0; i--) {
            if (sendersFull()) {
                return now.plus(IDLE);
            }
            ChatQueue chat = chats.pollReady();
            Grant g = limiter.tryAcquire(chat.chatId, chat.group);
            if (g instanceof Grant.Granted granted) {
                chat.busy = true;
                inFlight++;
                starter.push(chat, granted.permit());
            } else if (g instanceof Grant.ChatWait w) {
                chats.delay(chat, now.plus(w.delay()));
            } else {
                chats.putBackFirst(chat);
                return Dispatcher.earliest(chats.nextWake(), now.plus(((Grant.GlobalWait) g).delay()));
            }
        }
        return chats.nextWake();
    }

    /** A finishing send wakes the scheduler when it stopped for want of a free sender. */
    private boolean sendersFull() {
        if (inFlight >= senders) {
            waitingForSender = true;
            return true;
        }
        return false;
    }

    // --- any thread

    /** Queues story edits, as many as there is room for; returns how many were dropped. */
    synchronized int addEdits(List<StoryEdit> more) {
        int room = Math.max(0, MAX_EDITS - edits.size());
        more.stream().limit(room).forEach(edits::add);
        if (room > 0 && !more.isEmpty()) {
            wakeIfDueBefore(clock.instant());
        }
        return Math.max(0, more.size() - room);
    }

    synchronized void addReply(PendingReply reply) {
        if (replies.add(reply)) {
            wakeIfDueBefore(clock.instant());
        }
    }

    /** Sends in progress (for tests deciding the dispatcher is quiet). */
    synchronized int inFlight() {
        return inFlight;
    }

    // --- the sender threads, when Telegram has answered

    /** The sender is about to read the chat's pending rows: a scan after this point marks the chat touched again. */
    synchronized void planning(ChatQueue chat) {
        chat.touched = false;
    }

    /** The chat has more to send now. */
    synchronized void requeue(ChatQueue chat) {
        chat.busy = false;
        chats.requeue(chat);
        wakeIfDueBefore(clock.instant());
    }

    synchronized void retryAt(ChatQueue chat, Instant at) {
        chat.busy = false;
        chats.delay(chat, at);
        wakeIfDueBefore(at);
    }

    /** Sent what it had; keep the chat only if the outbox scan saw it again meanwhile. */
    synchronized void release(ChatQueue chat) {
        if (chat.touched) {
            requeue(chat);
        } else {
            remove(chat);
        }
    }

    synchronized void remove(ChatQueue chat) {
        chat.busy = false;
        chats.remove(chat);
    }

    /** The chat is gone or moved (found by a reply): forget it, unless a push to it is in flight (that finds out too). */
    synchronized void forget(long chatId) {
        chats.removeIfIdle(chatId);
    }

    /** A new chat id (after a migration) with pending rows. */
    synchronized void track(long chatId, boolean group) {
        Instant now = clock.instant();
        chats.add(chatId, group, now, now);
        wakeIfDueBefore(now);
    }

    /** Puts a reply back at the head of the queue, to go at its {@code notBefore}. */
    synchronized void requeueReply(PendingReply reply) {
        replies.addFirst(reply);
        wakeIfDueBefore(reply.notBefore);
    }

    synchronized void sendFinished() {
        inFlight--;
        if (waitingForSender) {
            waitingForSender = false;
            sleeper.wakeUp(); // before the count is visible, so "nothing in flight" implies the wake-up is pending
        }
    }

    synchronized void transientFailure(Instant now) {
        pause.failed(now);
    }

    synchronized void telegramAnswered() {
        if (pause.answered()) {
            Instant now = clock.instant();
            replies.telegramBack(now);
            wakeIfDueBefore(now);
        }
    }

    private void wakeIfDueBefore(Instant due) {
        if (due.isBefore(plannedWake)) {
            plannedWake = due;
            sleeper.wakeUp();
        }
    }
}
