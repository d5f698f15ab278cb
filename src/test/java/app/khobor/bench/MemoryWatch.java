package app.khobor.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap and CPU figures of this JVM: the largest heap in use seen by a 10 ms sampler (garbage included), the largest
 * heap still in use right after a collection (what the program really holds), collections, and process CPU time.
 * The sampler wakes 100 times a second, so CPU benchmarks start the watch without it ({@link #withoutSampler}): then
 * the peak in use is only sampled at {@link #stop}.
 */
final class MemoryWatch {
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).map(java.lang.management.MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private MemoryWatch() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-memory-sampler");
        sampler.setDaemon(true);
    }

    static MemoryWatch start() {
        MemoryWatch watch = withoutSampler();
        watch.sampler.start();
        return watch;
    }

    /** GC notifications only: no thread of its own, so it adds no wake-ups to the CPU being measured. */
    static MemoryWatch withoutSampler() {
        MemoryWatch watch = new MemoryWatch();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    watch.peakAfterGc.accumulateAndGet(after, Math::max);
                    watch.collections.incrementAndGet();
                }
            }, null, null);
        }
        return watch;
    }

    /** CPU time of the whole process so far. */
    long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    void stop() throws InterruptedException {
        running = false;
        if (sampler.isAlive()) {
            sampler.join();
        }
        sample();
    }

    String report() {
        long max = Runtime.getRuntime().maxMemory();
        String gcs = String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
        return String.format(Locale.ROOT, "max_heap_mb=%.0f peak_used_mb=%.1f peak_after_gc_mb=%.1f collections=%d gc=%s",
                max / 1048576.0, peakUsed.get() / 1048576.0, peakAfterGc.get() / 1048576.0, collections.get(), gcs.replace(' ', '_'));
    }

    private void sample() {
        peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }
}
