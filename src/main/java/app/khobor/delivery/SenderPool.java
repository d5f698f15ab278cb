package app.khobor.delivery;

import app.khobor.infra.DaemonThreads;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender threads: each request to Telegram takes milliseconds, so several run at once. The {@link Schedule} hands
 * over what may start (with its lock held, so this only queues); the send itself and the answer are the
 * {@link Sender}'s, and the schedule hears when each one finished.
 */
final class SenderPool implements Schedule.Starter {
    private static final Logger log = LoggerFactory.getLogger(SenderPool.class);

    private final ExecutorService pool;
    private final Sender sender;
    private final PushJobs pushes;
    private final ReplyJobs replies;
    private final EditJobs edits;
    private final Schedule schedule;
    private final Clock clock;
    /** Checked before each send: false once this process may no longer send (it lost the lease). */
    private volatile BooleanSupplier maySend = () -> true;

    SenderPool(int threads, Sender sender, PushJobs pushes, ReplyJobs replies, EditJobs edits, Schedule schedule,
               Clock clock) {
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.numbered("khobor-send"));
        this.sender = sender;
        this.pushes = pushes;
        this.replies = replies;
        this.edits = edits;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Plans the chat's next push on the sender thread (it reads the outbox), then sends it. */
    @Override
    public void push(ChatQueue chat, Permit permit) {
        execute(permit, () -> {
            Job job = pushes.next(chat, clock.instant());
            if (job == null) {
                permit.cancel(); // nothing was sent after all
            } else {
                sender.send(job, permit);
            }
        });
    }

    @Override
    public void reply(PendingReply reply, Permit permit) {
        execute(permit, () -> sender.send(replies.of(reply), permit));
    }

    /** Renders the edit on the sender thread (it reads the outbox), then sends it, unless there is nothing new. */
    @Override
    public void edit(StoryEdit edit, Permit permit) {
        execute(permit, () -> {
            Job job = edits.next(edit, clock.instant());
            if (job == null) {
                permit.cancel();
            } else {
                sender.send(job, permit);
            }
        });
    }

    /**
     * From now on each send first asks {@code maySend}; when it says no, nothing goes out (sends already talking to
     * Telegram finish) and the rows stay pending in the outbox for whoever may send.
     */
    void sendOnlyWhile(BooleanSupplier maySend) {
        this.maySend = maySend;
    }

    private void execute(Permit permit, Runnable send) {
        try {
            pool.execute(() -> {
                try {
                    if (!maySend.getAsBoolean()) {
                        permit.cancel(); // the process is stopping: its rows stay pending for the next active one
                        return;
                    }
                    send.run();
                } catch (RuntimeException e) {
                    log.error("send task failed: {}", e.getMessage(), e);
                } finally {
                    schedule.sendFinished();
                }
            });
        } catch (RejectedExecutionException e) {
            permit.cancel();
            schedule.sendFinished();
            throw e;
        }
    }

    /** Lets sends in flight finish (their rows are marked), then stops the threads. */
    void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("sends still in flight at shutdown; they will be resent on the next start");
            pool.shutdownNow();
        }
    }

    void closeNow() {
        pool.shutdownNow();
    }
}
