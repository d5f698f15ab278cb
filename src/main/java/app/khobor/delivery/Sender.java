package app.khobor.delivery;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one push or reply on a sender thread and acts on Telegram's answer. The one place that knows what each answer
 * means: chat gone -> its pending rows dropped and the chat store told; migrated -> rows moved to the new id and the
 * request retried there; 429 -> that chat waits retry_after and, if several chats get one, the bot-wide rate drops;
 * transient failure -> backoff, and a pause for everything after several in a row; bad markup -> plain text once;
 * rejected -> given up. {@link Job} says what each case means for the push or reply itself.
 */
final class Sender {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    private final BotApi api;
    private final Outbox outbox;
    private final ChatEvents events;
    private final RateLimiter limiter;
    private final AdaptiveRate adaptive;
    private final Schedule schedule;
    private final DeliveryStats stats;
    private final Clock clock;

    Sender(BotApi api, Outbox outbox, ChatEvents events, RateLimiter limiter, AdaptiveRate adaptive, Schedule schedule,
           DeliveryStats stats, Clock clock) {
        this.api = api;
        this.outbox = outbox;
        this.events = events;
        this.limiter = limiter;
        this.adaptive = adaptive;
        this.schedule = schedule;
        this.stats = stats;
        this.clock = clock;
    }

    /** Sends the job within its permit, then acts on the answer. */
    void send(Job job, Permit permit) {
        SendResult result;
        try {
            result = job.sendWith(api);
        } catch (RuntimeException e) {
            result = new SendResult.TransientFailure(e.toString());
        } finally {
            permit.done();
        }
        Instant now = clock.instant();
        try {
            act(job, result, now);
        } catch (RuntimeException e) {
            log.error("{}: acting on Telegram's answer {} failed: {}", job, result, e.getMessage(), e);
            job.actingFailed(result, now);
        }
    }

    private void act(Job job, SendResult result, Instant now) {
        if (result instanceof SendResult.Sent sent) {
            schedule.telegramAnswered();
            job.accepted(now, sent.messageId());
        } else if (result instanceof SendResult.RetryAfter r) {
            tooManyRequests(job, r, now);
        } else if (result instanceof SendResult.ChatGone g) {
            chatGone(job, g.description(), now);
        } else if (result instanceof SendResult.Migrated m) {
            migrated(job, m.newChatId(), now);
        } else if (result instanceof SendResult.BadMarkup b) {
            badMarkup(job, b.description(), now);
        } else if (result instanceof SendResult.Rejected r) {
            log.warn("Telegram rejected the {}: {}; not retrying", job, r.description());
            stats.rejected();
            job.giveUp(now);
        } else if (result instanceof SendResult.TransientFailure t) {
            schedule.transientFailure(now);
            boolean again = job.retryLater(now);
            if (again) {
                stats.retried();
            }
            log.warn("{} failed ({}); {}", job, t.description(), again ? "trying again later" : "giving up");
        }
    }

    /** The chat's own wait, and a bot-wide slowdown when several chats get 429s: then our global rate is too high. */
    private void tooManyRequests(Job job, SendResult.RetryAfter r, Instant now) {
        stats.tooManyRequests();
        long chatId = job.chatId();
        if (chatId != 0) {
            limiter.penalize(chatId, r.delay());
        }
        int before = limiter.globalRate();
        int rate = adaptive.onTooManyRequests(chatId, now);
        limiter.setGlobalRate(rate);
        if (rate < before) {
            log.warn("429s for several chats: lowering the global rate from {}/s to {}/s", before, rate);
        }
        log.warn("429 for the {}: retry after {}", job, r.delay());
        job.waitFor(r.delay(), now);
    }

    private void chatGone(Job job, String description, Instant now) {
        long chatId = job.chatId();
        int dropped = outbox.dropChat(chatId, now);
        stats.chatGone(dropped);
        log.info("chat {} is gone ({}): dropped {} pending deliveries", chatId, description, dropped);
        job.chatGone();
        tell(() -> events.chatGone(chatId, description));
    }

    private void migrated(Job job, long newChatId, Instant now) {
        long oldChatId = job.chatId();
        int moved = outbox.moveChat(oldChatId, newChatId, now);
        stats.migrated();
        log.info("chat {} migrated to {}: {} pending deliveries moved", oldChatId, newChatId, moved);
        job.chatMoved(newChatId, now);
        tell(() -> events.chatMigrated(oldChatId, newChatId));
        schedule.track(newChatId, true);
    }

    private void badMarkup(Job job, String description, Instant now) {
        if (job.resendAsPlainText()) {
            stats.plainFallback();
            log.error("BUG: Telegram could not parse our HTML for the {} ({}); resending once as plain text", job, description);
        } else {
            log.error("BUG: Telegram could not parse the {} even as plain text ({}); dropping it", job, description);
            job.giveUp(now);
        }
    }

    /** The chat store's trouble must not stop delivery. */
    private static void tell(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            log.error("chat event handler failed: {}", e.getMessage(), e);
        }
    }
}
