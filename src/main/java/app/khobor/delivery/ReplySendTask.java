package app.khobor.delivery;

import app.khobor.chat.ChatKind;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one command reply on a sender thread and acts on the answer; replies are retried a little, then dropped. */
final class ReplySendTask implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ReplySendTask.class);
    private static final int MAX_ATTEMPTS = 3;
    /** A reader does not wait for an answer longer than this; a longer 429 drops the reply. */
    static final Duration MAX_REPLY_WAIT = Duration.ofMinutes(2);

    private final SendContext ctx;
    private final PendingReply reply;
    private final Permit permit;

    ReplySendTask(SendContext ctx, PendingReply reply, Permit permit) {
        this.ctx = ctx;
        this.reply = reply;
        this.permit = permit;
    }

    @Override
    public void run() {
        SendResult result;
        try {
            result = send(reply.task);
        } catch (RuntimeException e) {
            result = new SendResult.TransientFailure(e.toString());
        } finally {
            permit.done();
        }
        Instant now = ctx.clock().instant();
        try {
            handle(result, now);
        } catch (RuntimeException e) {
            handlingFailed(result, e, now);
        }
    }

    /**
     * The database failed while acting on Telegram's answer (a gone or migrated chat): the reply goes again later, so
     * that the answer comes again and is acted on, unless it was delivered or has had its attempts.
     */
    private void handlingFailed(SendResult result, RuntimeException e, Instant now) {
        if (result instanceof SendResult.Sent || ++reply.attempts >= MAX_ATTEMPTS) {
            log.error("reply to chat {}: acting on Telegram's answer {} failed: {}", reply.chatId(), result, e.getMessage(), e);
            return;
        }
        Duration delay = ctx.backoff().delayAfter(reply.attempts);
        log.error("reply to chat {}: acting on Telegram's answer {} failed: {}; trying again in {}",
                reply.chatId(), result, e.getMessage(), delay, e);
        reply.notBefore = now.plus(delay);
        ctx.dispatcher().requeueReply(reply);
    }

    private SendResult send(ReplyTask task) {
        if (task instanceof ReplyTask.Message m) {
            return reply.plain
                    ? ctx.api().sendPlain(m.chatId(), PlainText.of(m.message().html()))
                    : ctx.api().send(m.message(), ctx.settings().paidBroadcast());
        }
        if (task instanceof ReplyTask.Edit e) {
            return ctx.api().edit(e.chatId(), e.messageId(), e.html(), e.keyboard());
        }
        ReplyTask.Callback c = (ReplyTask.Callback) task;
        return ctx.api().answerCallback(c.callbackId(), c.text());
    }

    private void handle(SendResult result, Instant now) {
        if (result instanceof SendResult.Sent) {
            ctx.stats().replies.increment();
            ctx.dispatcher().telegramAnswered();
        } else if (result instanceof SendResult.RetryAfter r) {
            tooManyRequests(r.delay(), now);
        } else if (result instanceof SendResult.ChatGone g) {
            gone(g.description(), now);
        } else if (result instanceof SendResult.Migrated m) {
            migrated(m.newChatId(), now);
        } else if (result instanceof SendResult.BadMarkup b) {
            badMarkup(b.description());
        } else if (result instanceof SendResult.Rejected r) {
            log.warn("Telegram rejected a reply to chat {}: {}", reply.chatId(), r.description());
            ctx.stats().rejected.increment();
        } else if (result instanceof SendResult.TransientFailure t) {
            transientFailure(t.description(), now);
        }
    }

    private void tooManyRequests(Duration delay, Instant now) {
        ctx.stats().tooManyRequests.increment();
        if (reply.chatId() != 0) {
            ctx.limiter().penalize(reply.chatId(), delay);
        }
        ctx.dispatcher().tooManyRequests(reply.chatId());
        if (delay.compareTo(MAX_REPLY_WAIT) > 0) {
            log.warn("429 for a reply to chat {} with retry after {}: dropping the reply", reply.chatId(), delay);
            return;
        }
        reply.notBefore = now.plus(delay);
        ctx.dispatcher().requeueReply(reply);
    }

    private void gone(String description, Instant now) {
        int dropped = ctx.outbox().dropChat(reply.chatId(), now);
        ctx.stats().gone.increment();
        ctx.stats().droppedForGone.add(dropped);
        ctx.dispatcher().forget(reply.chatId());
        safely(() -> ctx.events().chatGone(reply.chatId(), description));
    }

    private void migrated(long newChatId, Instant now) {
        long old = reply.chatId();
        ctx.outbox().moveChat(old, newChatId, ChatKind.SUPERGROUP, now);
        ctx.stats().migrated.increment();
        ctx.dispatcher().forget(old);
        safely(() -> ctx.events().chatMigrated(old, newChatId));
        ctx.dispatcher().track(newChatId, ChatKind.SUPERGROUP);
        if (reply.task instanceof ReplyTask.Message m) {
            OutgoingMessage msg = m.message();
            reply.task = new ReplyTask.Message(new OutgoingMessage(newChatId, msg.html(), msg.keyboard(), msg.linkPreview()));
            reply.notBefore = now;
            ctx.dispatcher().requeueReply(reply);
        }
    }

    private void badMarkup(String description) {
        if (reply.plain || !(reply.task instanceof ReplyTask.Message)) {
            log.error("BUG: Telegram could not parse our reply to chat {} ({}); dropping it", reply.chatId(), description);
            return;
        }
        log.error("BUG: Telegram could not parse our HTML reply to chat {} ({}); resending once as plain text",
                reply.chatId(), description);
        ctx.stats().plainFallback.increment();
        reply.plain = true;
        ctx.dispatcher().requeueReply(reply);
    }

    private void transientFailure(String description, Instant now) {
        ctx.dispatcher().transientFailure();
        if (++reply.attempts >= MAX_ATTEMPTS) {
            log.warn("reply to chat {} failed {} times ({}); dropping it", reply.chatId(), reply.attempts, description);
            return;
        }
        ctx.stats().retried.increment();
        reply.notBefore = now.plus(ctx.backoff().delayAfter(reply.attempts));
        ctx.dispatcher().requeueReply(reply);
    }

    private static void safely(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            log.error("chat event handler failed: {}", e.getMessage(), e);
        }
    }
}
