package app.khobor.delivery;

import app.khobor.chat.ChatKind;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one push (a headline, or one part of a digest) to one chat on a sender thread, and acts on the answer. */
final class PushTask implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(PushTask.class);

    private final SendContext ctx;
    private final PushPlanner planner;
    private final ChatQueue chat;
    private final Permit permit;

    PushTask(SendContext ctx, PushPlanner planner, ChatQueue chat, Permit permit) {
        this.ctx = ctx;
        this.planner = planner;
        this.chat = chat;
        this.permit = permit;
    }

    @Override
    public void run() {
        PushPlan plan;
        try {
            chat.touched = false; // before reading the outbox: a scan after this point re-marks it
            plan = planner.plan(chat, ctx.clock().instant());
        } catch (RuntimeException e) {
            permit.cancel();
            log.error("cannot prepare push for chat {}: {}", chat.chatId, e.getMessage(), e);
            ctx.dispatcher().retryAt(chat, ctx.clock().instant().plus(ctx.backoff().delayAfter(++chat.attempts)));
            return;
        }
        if (plan == null) {
            permit.cancel();
            ctx.dispatcher().release(chat);
            return;
        }
        SendResult result = send(plan);
        try {
            handle(plan, result);
        } catch (RuntimeException e) {
            handlingFailed(result, e);
        }
    }

    /**
     * The database failed while acting on Telegram's answer. Every outcome calls back to the dispatcher as its last
     * step, so none has: without this the chat would stay busy, and never be sent to again until a restart.
     */
    private void handlingFailed(SendResult result, RuntimeException e) {
        Duration delay = ctx.backoff().delayAfter(++chat.attempts);
        log.error("push to chat {}: acting on Telegram's answer {} failed: {}; trying the chat again in {}",
                chat.chatId, result, e.getMessage(), delay, e);
        ctx.dispatcher().retryAt(chat, ctx.clock().instant().plus(delay));
    }

    private SendResult send(PushPlan plan) {
        try {
            if (chat.plainNext) {
                return ctx.api().sendPlain(chat.chatId, PlainText.of(plan.html()));
            }
            return ctx.api().send(new OutgoingMessage(chat.chatId, plan.html(), null, false), ctx.settings().paidBroadcast());
        } catch (RuntimeException e) {
            return new SendResult.TransientFailure(e.toString());
        } finally {
            permit.done();
        }
    }

    private void handle(PushPlan plan, SendResult result) {
        Instant now = ctx.clock().instant();
        boolean wasPlain = chat.plainNext;
        chat.plainNext = false;
        if (result instanceof SendResult.Sent) {
            accepted(plan);
        } else if (result instanceof SendResult.RetryAfter r) {
            retryAfter(r, now);
        } else if (result instanceof SendResult.ChatGone g) {
            gone(g.description(), now);
        } else if (result instanceof SendResult.Migrated m) {
            migrated(m.newChatId(), now);
        } else if (result instanceof SendResult.BadMarkup b) {
            badMarkup(plan, b.description(), wasPlain, now);
        } else if (result instanceof SendResult.Rejected r) {
            rejected(plan, r.description(), now);
        } else if (result instanceof SendResult.TransientFailure t) {
            transientFailure(t.description(), now);
        }
    }

    /** Marks what the reader now has in full: for a digest, per part, so a later failure cannot undo earlier parts. */
    private void accepted(PushPlan plan) {
        ctx.dispatcher().telegramAnswered();
        chat.attempts = 0;
        if (!plan.completes().isEmpty()) {
            ctx.marks().markDelivered(plan.completes());
            ctx.stats().sent.add(plan.completes().size());
        }
        if (!plan.lastPart()) {
            chat.digest = new ChatQueue.DigestInProgress(plan.rowIds(), plan.headlineIds(), plan.part() + 1);
            ctx.dispatcher().requeue(chat);
            return;
        }
        chat.digest = null;
        if (plan.digest()) {
            ctx.stats().digests.increment();
        }
        next(plan);
    }

    private void retryAfter(SendResult.RetryAfter r, Instant now) {
        ctx.stats().tooManyRequests.increment();
        ctx.limiter().penalize(chat.chatId, r.delay());
        ctx.dispatcher().tooManyRequests(chat.chatId);
        Instant until = now.plus(r.delay());
        log.warn("429 for chat {}: retry after {}", chat.chatId, r.delay());
        if (r.delay().compareTo(ctx.settings().longRetryAfter()) > 0) {
            // Written down so a restart waits too.
            ctx.outbox().deferChat(chat.chatId, until);
            if (chat.digest == null) {
                ctx.dispatcher().remove(chat); // need not occupy memory for hours
                return;
            }
            // Halfway through a digest: the chat stays, so that the parts still to come follow, not the whole again.
        }
        ctx.dispatcher().retryAt(chat, until);
    }

    private void gone(String description, Instant now) {
        int dropped = ctx.outbox().dropChat(chat.chatId, now);
        ctx.stats().gone.increment();
        ctx.stats().droppedForGone.add(dropped);
        log.info("chat {} is gone ({}): dropped {} pending deliveries", chat.chatId, description, dropped);
        ctx.dispatcher().remove(chat);
        notifyEvents(() -> ctx.events().chatGone(chat.chatId, description));
    }

    private void migrated(long newChatId, Instant now) {
        int moved = ctx.outbox().moveChat(chat.chatId, newChatId, ChatKind.SUPERGROUP, now);
        ctx.stats().migrated.increment();
        log.info("chat {} migrated to {}: {} pending deliveries moved", chat.chatId, newChatId, moved);
        ctx.dispatcher().remove(chat);
        notifyEvents(() -> ctx.events().chatMigrated(chat.chatId, newChatId));
        ctx.dispatcher().track(newChatId, ChatKind.SUPERGROUP);
    }

    private void badMarkup(PushPlan plan, String description, boolean wasPlain, Instant now) {
        if (wasPlain) {
            log.error("BUG: Telegram rejected even the plain-text push to chat {}: {}", chat.chatId, description);
            failed(plan, now);
            return;
        }
        log.error("BUG: Telegram could not parse our HTML for chat {} ({}); resending once as plain text: {}",
                chat.chatId, description, plan.html());
        ctx.stats().plainFallback.increment();
        chat.plainNext = true;
        ctx.dispatcher().requeue(chat);
    }

    private void rejected(PushPlan plan, String description, Instant now) {
        log.warn("Telegram rejected push to chat {}: {}; not retrying", chat.chatId, description);
        ctx.stats().rejected.increment();
        failed(plan, now);
    }

    /**
     * Marks failed what this message would have completed. Rows that earlier parts of a digest completed stay delivered
     * (only pending rows are marked), and the headlines of later parts are planned again.
     */
    private void failed(PushPlan plan, Instant now) {
        // A part that completes nothing (inside one overlong line) takes the whole digest, so a retry cannot loop.
        ctx.outbox().markFailed(plan.completes().isEmpty() ? plan.rowIds() : plan.completes(), now);
        chat.digest = null;
        if (plan.lastPart()) {
            next(plan);
        } else {
            ctx.dispatcher().requeue(chat);
        }
    }

    private void transientFailure(String description, Instant now) {
        chat.attempts++;
        ctx.stats().retried.increment();
        ctx.dispatcher().transientFailure();
        var delay = ctx.backoff().delayAfter(chat.attempts);
        log.warn("push to chat {} failed ({}), attempt {}; retrying in {}", chat.chatId, description, chat.attempts, delay);
        ctx.dispatcher().retryAt(chat, now.plus(delay));
    }

    private void next(PushPlan plan) {
        if (plan.more()) {
            ctx.dispatcher().requeue(chat);
        } else {
            ctx.dispatcher().release(chat);
        }
    }

    private static void notifyEvents(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            log.error("chat event handler failed: {}", e.getMessage(), e);
        }
    }
}
