package app.khobor.delivery;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's pass over the reply queue: starts every reply that may go now, keeping each chat's replies in order.
 * Runs on the scheduler thread with the state's lock held.
 */
final class ReplyScan {
    // Logged under the dispatcher's name, as before this class moved out of it, so log filters keep working.
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * When the next waiting reply may go (null if none waits), and, if the pass stopped early because every sender
     * is busy or the bot-wide limit is reached, when the scheduler should look again (else null).
     */
    record Result(Instant next, Instant globalWait) {}

    private final DispatchState state;
    private final RateLimiter limiter;
    private final SendContext ctx;
    private final BooleanSupplier sendersFull;
    private final BiConsumer<Runnable, Permit> submit;

    ReplyScan(DispatchState state, RateLimiter limiter, SendContext ctx, BooleanSupplier sendersFull,
              BiConsumer<Runnable, Permit> submit) {
        this.state = state;
        this.limiter = limiter;
        this.ctx = ctx;
        this.sendersFull = sendersFull;
        this.submit = submit;
    }

    Result run(Instant now) {
        Instant next = null;
        Set<Long> blocked = new HashSet<>();
        for (var it = state.replies.iterator(); it.hasNext(); ) {
            PendingReply reply = it.next();
            if (sendersFull.getAsBoolean()) {
                return new Result(next, now.plus(Dispatcher.IDLE)); // a finishing send wakes us
            }
            if (reply.chatId() != 0 && blocked.contains(reply.chatId())) {
                continue; // keep one chat's replies in order
            }
            if (reply.notBefore.isAfter(now)) {
                next = Dispatcher.earliest(next, reply.notBefore);
                blocked.add(reply.chatId());
                continue;
            }
            Grant g = reply.chatId() == 0 ? limiter.tryAcquireGlobal() : limiter.tryAcquire(reply.chatId(), reply.toGroup());
            if (g instanceof Grant.Granted granted) {
                it.remove();
                submit.accept(new ReplySendTask(ctx, reply, granted.permit()), granted.permit());
            } else if (g instanceof Grant.ChatWait w && w.delay().compareTo(ReplySendTask.MAX_REPLY_WAIT) > 0) {
                // The chat sits out a long 429: an answer hours late would only confuse the reader.
                it.remove();
                log.warn("dropping a reply to chat {}: the chat must wait {} s after a 429", reply.chatId(),
                        w.delay().toSeconds());
            } else if (g instanceof Grant.ChatWait w) {
                blocked.add(reply.chatId());
                next = Dispatcher.earliest(next, now.plus(w.delay()));
            } else {
                return new Result(next, now.plus(((Grant.GlobalWait) g).delay()));
            }
        }
        return new Result(next, null);
    }
}
