package app.khobor.delivery;

import app.khobor.infra.Backoff;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes on the sender threads: plans a chat's next message, and says what each of Telegram's answers means for the
 * chat and its outbox rows (marked only after Telegram accepted them, so a crash can repeat a message, never lose one).
 */
final class PushJobs {
    private static final Logger log = LoggerFactory.getLogger(PushJobs.class);

    private final PushPlanner planner;
    private final Schedule schedule;
    private final Outbox outbox;
    private final DeliveredMarks marks;
    private final DeliveryStats stats;
    private final Backoff backoff;
    private final Duration longRetryAfter;
    private final boolean paidBroadcast;
    private final PushStyles styles;

    PushJobs(PushPlanner planner, Schedule schedule, Outbox outbox, DeliveredMarks marks, DeliveryStats stats,
             Backoff backoff, Duration longRetryAfter, boolean paidBroadcast, PushStyles styles) {
        this.styles = styles;
        this.planner = planner;
        this.schedule = schedule;
        this.outbox = outbox;
        this.marks = marks;
        this.stats = stats;
        this.backoff = backoff;
        this.longRetryAfter = longRetryAfter;
        this.paidBroadcast = paidBroadcast;
    }

    /** The chat's next message, or null when there is none (the chat is then handed back already). */
    Job next(ChatQueue chat, Instant now) {
        PushPlan plan;
        PushStyle style;
        try {
            schedule.planning(chat);
            style = styles.of(chat.chatId, now);
            plan = planner.plan(chat, now, style);
        } catch (RuntimeException e) {
            log.error("cannot prepare push for chat {}: {}", chat.chatId, e.getMessage(), e);
            schedule.retryAt(chat, now.plus(backoff.delayAfter(++chat.attempts)));
            return null;
        }
        if (plan == null) {
            if (style.batched()) {
                // What waits is for the next batch: parked in the outbox until then, like a long 429, so the chat
                // takes no memory and a restart waits too. Rows queued meanwhile wait with them: the outbox scan
                // skips a chat while any of its rows is parked.
                outbox.deferChat(chat.chatId, style.heldUntil());
            }
            schedule.release(chat);
            return null;
        }
        return new Push(chat, plan, style);
    }

    private final class Push implements Job {
        private final ChatQueue chat;
        private final PushPlan plan;
        private final PushStyle style;
        private boolean sentPlain;

        Push(ChatQueue chat, PushPlan plan, PushStyle style) {
            this.chat = chat;
            this.plan = plan;
            this.style = style;
        }

        @Override
        public long chatId() {
            return chat.chatId;
        }

        @Override
        public SendResult sendWith(BotApi api) {
            sentPlain = chat.plainNext;
            chat.plainNext = false; // plain text is for this one resend only
            return sentPlain
                    ? api.sendPlain(chat.chatId, PlainText.of(plan.html()))
                    : api.send(new OutgoingMessage(chat.chatId, chat.group, plan.html(), null, style.linkPreview(),
                            style.silent(), 0), paidBroadcast);
        }

        @Override
        public void accepted(Instant now) {
            accepted(now, 0);
        }

        /**
         * Marks what the reader now has in full: for a digest, per part, so a later failure cannot undo earlier parts.
         * A single headline's row keeps the message id, so the message can list the story's other portals later.
         */
        @Override
        public void accepted(Instant now, long messageId) {
            chat.attempts = 0;
            if (!plan.completes().isEmpty()) {
                marks.markDelivered(plan.completes(), plan.digest() || sentPlain ? 0 : messageId);
                stats.sent(plan.completes().size());
            }
            if (!plan.lastPart()) {
                chat.digest = new ChatQueue.DigestInProgress(plan.rowIds(), plan.headlineIds(), plan.part() + 1);
                schedule.requeue(chat);
                return;
            }
            chat.digest = null;
            if (plan.digest()) {
                stats.digestSent();
            }
            next();
        }

        @Override
        public void waitFor(Duration retryAfter, Instant now) {
            Instant until = now.plus(retryAfter);
            if (retryAfter.compareTo(longRetryAfter) > 0) {
                outbox.deferChat(chat.chatId, until); // written down so a restart waits too
                if (chat.digest == null) {
                    schedule.remove(chat); // need not occupy memory for hours; the outbox scan brings it back
                    return;
                }
                // Halfway through a digest: the chat stays, so that the parts still to come follow, not the whole again.
            }
            schedule.retryAt(chat, until);
        }

        @Override
        public boolean retryLater(Instant now) {
            schedule.retryAt(chat, now.plus(backoff.delayAfter(++chat.attempts)));
            return true;
        }

        @Override
        public boolean resendAsPlainText() {
            if (sentPlain) {
                return false;
            }
            chat.plainNext = true;
            schedule.requeue(chat);
            return true;
        }

        /**
         * Marks failed what this message would have completed. Rows that earlier parts of a digest completed stay
         * delivered (only pending rows are marked), and the headlines of later parts are planned again.
         */
        @Override
        public void giveUp(Instant now) {
            // A part that completes nothing (inside one overlong line) takes the whole digest, so a retry cannot loop.
            outbox.markFailed(plan.completes().isEmpty() ? plan.rowIds() : plan.completes(), now);
            chat.digest = null;
            if (plan.lastPart()) {
                next();
            } else {
                schedule.requeue(chat);
            }
        }

        @Override
        public void chatGone() {
            schedule.remove(chat);
        }

        @Override
        public void chatMoved(long newChatId, Instant now) {
            schedule.remove(chat);
        }

        /** Every answer hands the chat back as its last step; this one did not, and the chat would stay busy for good. */
        @Override
        public void actingFailed(SendResult result, Instant now) {
            schedule.retryAt(chat, now.plus(backoff.delayAfter(++chat.attempts)));
        }

        private void next() {
            if (plan.more()) {
                schedule.requeue(chat);
            } else {
                schedule.release(chat);
            }
        }

        @Override
        public String toString() {
            return "push to chat " + chat.chatId;
        }
    }
}
