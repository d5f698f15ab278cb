package app.khobor.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on threads of their own, released together, for tests of what two writers do at once (PostgreSQL's pool
 * lets them interleave). A test asserts what must hold whatever the interleaving, never a timing.
 */
public final class AtOnce {
    private AtOnce() {}

    /** Each task's result, in the order given; a task's failure fails the call. */
    @SafeVarargs
    public static <T> List<T> run(Callable<T>... tasks) {
        CyclicBarrier start = new CyclicBarrier(tasks.length);
        ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError("a task run at once with others failed: " + e.getMessage(), e);
        } finally {
            threads.shutdownNow();
        }
    }
}
