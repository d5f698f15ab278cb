package app.khobor.delivery;

import app.khobor.infra.Backoff;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command replies on the sender threads: what each of Telegram's answers means for a reply. Replies live in memory
 * only. A failed reply is retried with backoff (at most a minute apart) and goes as soon as Telegram answers again,
 * until it is {@link ReplyQueue#MAX_AGE} old: then it is dropped, since an answer that late is worse than none.
 */
final class ReplyJobs {
    private static final Logger log = LoggerFactory.getLogger(ReplyJobs.class);

    private final Schedule schedule;
    private final DeliveryStats stats;
    private final Backoff backoff;
    private final boolean paidBroadcast;

    ReplyJobs(Schedule schedule, DeliveryStats stats, Backoff backoff, boolean paidBroadcast) {
        this.schedule = schedule;
        this.stats = stats;
        this.backoff = backoff;
        this.paidBroadcast = paidBroadcast;
    }

    Job of(PendingReply reply) {
        return new Reply(reply);
    }

    private final class Reply implements Job {
        private final PendingReply reply;

        Reply(PendingReply reply) {
            this.reply = reply;
        }

        @Override
        public long chatId() {
            return reply.chatId();
        }

        @Override
        public SendResult sendWith(BotApi api) {
            if (reply.task instanceof ReplyTask.Message m) {
                return reply.plain
                        ? api.sendPlain(m.chatId(), PlainText.of(m.message().html()))
                        : api.send(m.message(), paidBroadcast);
            }
            if (reply.task instanceof ReplyTask.Edit e) {
                return api.edit(e.chatId(), e.messageId(), e.html(), e.keyboard());
            }
            ReplyTask.Callback c = (ReplyTask.Callback) reply.task;
            return c.alert() ? api.answerCallback(c.callbackId(), c.text(), true)
                    : api.answerCallback(c.callbackId(), c.text());
        }

        @Override
        public void accepted(Instant now) {
            stats.replied();
        }

        @Override
        public void waitFor(Duration retryAfter, Instant now) {
            if (retryAfter.compareTo(Schedule.MAX_REPLY_WAIT) > 0) {
                log.warn("429 for a reply to chat {} with retry after {}: dropping the reply", reply.chatId(), retryAfter);
                return;
            }
            again(now.plus(retryAfter), false);
        }

        @Override
        public boolean retryLater(Instant now) {
            Instant at = now.plus(backoff.delayAfter(++reply.attempts));
            if (!at.isBefore(reply.queuedAt.plus(ReplyQueue.MAX_AGE))) {
                return false; // would arrive too late to be of use
            }
            again(at, true);
            return true;
        }

        @Override
        public boolean resendAsPlainText() {
            if (reply.plain || !(reply.task instanceof ReplyTask.Message)) {
                return false;
            }
            reply.plain = true;
            schedule.requeueReply(reply);
            return true;
        }

        @Override
        public void giveUp(Instant now) {
            // In memory only: nothing to mark.
        }

        @Override
        public void chatGone() {
            schedule.forget(reply.chatId());
        }

        /** A message goes again to the new id; an edit of a message in the old group cannot. */
        @Override
        public void chatMoved(long newChatId, Instant now) {
            schedule.forget(reply.chatId());
            if (reply.task instanceof ReplyTask.Message m) {
                reply.task = new ReplyTask.Message(m.message().movedTo(newChatId));
                again(now, false);
            }
        }

        /** Sent anyway, or tried enough: dropped; otherwise it goes again, so that the answer comes and is acted on. */
        @Override
        public void actingFailed(SendResult result, Instant now) {
            if (!(result instanceof SendResult.Sent)) {
                retryLater(now);
            }
        }

        private void again(Instant at, boolean afterFailure) {
            reply.notBefore = at;
            reply.backingOff = afterFailure;
            schedule.requeueReply(reply);
        }

        @Override
        public String toString() {
            return "reply to chat " + reply.chatId();
        }
    }
}
