package app.khobor.telegram;

import app.khobor.infra.DaemonThreads;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs updates on a small pool, one chat's updates one at a time and in arrival order, different chats side by side:
 * a command that waits (for the database lock, say) holds up only its own chat, never the polling thread or the
 * other chats.
 */
final class ChatOrderedWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatOrderedWorkers.class);

    private final ExecutorService pool;
    /** Per chat: the task running now (head) and those waiting behind it. A chat is here only while it has work. */
    private final Map<Long, Deque<Runnable>> lanes = new HashMap<>();

    ChatOrderedWorkers(int threads, String threadPrefix) {
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.numbered(threadPrefix));
    }

    void execute(long chatId, Runnable task) {
        synchronized (lanes) {
            Deque<Runnable> lane = lanes.get(chatId);
            if (lane != null) {
                lane.add(task);
                return;
            }
            lane = new ArrayDeque<>();
            lane.add(task);
            lanes.put(chatId, lane);
        }
        try {
            pool.execute(() -> drain(chatId));
        } catch (RejectedExecutionException e) {
            synchronized (lanes) {
                lanes.remove(chatId);
            }
            log.debug("chat {}: update dropped, shutting down", chatId);
        }
    }

    private void drain(long chatId) {
        while (true) {
            Runnable task;
            synchronized (lanes) {
                task = lanes.get(chatId).peek();
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("chat {}: handling an update failed", chatId, e);
            }
            synchronized (lanes) {
                Deque<Runnable> lane = lanes.get(chatId);
                lane.poll();
                if (lane.isEmpty()) {
                    lanes.remove(chatId);
                    return;
                }
            }
        }
    }

    /** Lets running updates finish for up to {@code wait}, then interrupts them. */
    void close(Duration wait) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(3));
    }
}
