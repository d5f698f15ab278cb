package app.khobor.infra;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread Khobor starts is a named daemon: a stray worker never keeps the JVM alive after shutdown, and a thread
 * dump says which part of the bot each thread belongs to.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> create(prefix + "-" + count.incrementAndGet(), runnable);
    }

    /** Threads all named {@code name}, for executors that only ever run one. */
    public static ThreadFactory named(String name) {
        return runnable -> create(name, runnable);
    }

    /** One daemon thread, not yet started. */
    public static Thread create(String name, Runnable runnable) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
