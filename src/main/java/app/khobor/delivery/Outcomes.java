package app.khobor.delivery;

import app.khobor.chat.ChatKind;
import app.khobor.infra.Backoff;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sender threads' way back into the scheduler's state. */
final class Outcomes implements SendContext.Callbacks {
    // Logged under the dispatcher's name, as before this class moved out of it, so log filters keep working.
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DispatchState state;
    private final RateLimiter limiter;
    private final AdaptiveRate adaptive;
    private final Backoff backoff;
    private final Clock clock;

    Outcomes(DispatchState state, RateLimiter limiter, AdaptiveRate adaptive, Backoff backoff, Clock clock) {
        this.state = state;
        this.limiter = limiter;
        this.adaptive = adaptive;
        this.backoff = backoff;
        this.clock = clock;
    }

    @Override
    public void requeue(ChatQueue chat) {
        state.withLock(() -> {
            chat.busy = false;
            state.active.requeue(chat);
        });
    }

    @Override
    public void retryAt(ChatQueue chat, Instant at) {
        state.withLock(() -> {
            chat.busy = false;
            state.active.delay(chat, at);
        });
    }

    @Override
    public void release(ChatQueue chat) {
        state.withLock(() -> {
            chat.busy = false;
            if (chat.touched) {
                state.active.requeue(chat);
            } else {
                state.active.remove(chat);
            }
        });
    }

    @Override
    public void remove(ChatQueue chat) {
        state.withLock(() -> {
            chat.busy = false;
            state.active.remove(chat);
        });
    }

    @Override
    public void forget(long chatId) {
        // A reply found the chat gone or moved; a push to it in flight will find out by itself.
        state.withLock(() -> state.active.removeIfIdle(chatId));
    }

    @Override
    public void track(long chatId, ChatKind kind) {
        Instant now = clock.instant();
        state.withLock(() -> state.active.add(chatId, kind, now, now));
    }

    @Override
    public void requeueReply(PendingReply reply) {
        state.withLock(() -> state.replies.addFirst(reply));
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
    public void transientFailure() {
        state.transientFailure(clock, backoff);
    }

    @Override
    public void telegramAnswered() {
        state.telegramAnswered();
    }
}
