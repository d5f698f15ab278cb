package app.khobor.delivery;

import app.khobor.infra.Backoff;
import java.time.Clock;

/** What the sender threads share: the collaborators and the dispatcher's callbacks. */
record SendContext(
        BotApi api,
        PushFormatter formatter,
        ChatEvents events,
        Outbox outbox,
        DeliveredMarks marks,
        HeadlineCache headlines,
        RateLimiter limiter,
        DeliveryStats stats,
        Backoff backoff,
        DispatcherSettings settings,
        Clock clock,
        Callbacks dispatcher) {

    /** How a finished send hands its chat or reply back to the scheduler. */
    interface Callbacks {
        void requeue(ChatQueue chat);

        void retryAt(ChatQueue chat, java.time.Instant at);

        /** Sent what it had; keep the chat only if the outbox scan saw it again meanwhile. */
        void release(ChatQueue chat);

        void remove(ChatQueue chat);

        /** A new chat id (after a migration) with pending rows. */
        void track(long chatId, app.khobor.chat.ChatKind kind);

        void requeueReply(PendingReply reply);

        void tooManyRequests(long chatId);

        void transientFailure();

        void telegramAnswered();

        /** Someone else's chat became gone or moved: forget it. */
        void forget(long chatId);
    }
}
