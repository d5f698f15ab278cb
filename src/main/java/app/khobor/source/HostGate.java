package app.khobor.source;

import app.khobor.config.SourceConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** One request at a time per host, so several sources on one portal never hit it in parallel. */
public final class HostGate {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Reads {@code source} once, waiting (fairly) while another read of the same host is under way. */
    public ReadOutcome read(SourceReader reader, SourceConfig source, Validators previous) {
        ReentrantLock lock = locks.computeIfAbsent(source.host(), host -> new ReentrantLock(true));
        lock.lock();
        try {
            return reader.read(source, previous);
        } finally {
            lock.unlock();
        }
    }
}
