package app.khobor.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * CPU time of this JVM's threads, split into the client side (everything Khobor runs: poll threads, HttpClient's
 * selector and workers, the body-deadline thread, the driver) and the threads of the fake portals, which are left out.
 * JIT compiler and GC threads are not Java threads and so are in neither; {@link #processNanos()} has them all.
 */
final class ClientCpu {
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Predicate<String> isServer;
    private final Map<Long, String> names = new HashMap<>();

    ClientCpu(Predicate<String> isServer) {
        this.isServer = isServer;
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
    }

    /** CPU nanoseconds used so far by each live thread, by thread id. */
    Map<Long, Long> snapshot() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        Map<Long, Long> byId = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                byId.put(ids[i], cpu[i]);
            }
        }
        return byId;
    }

    /** Client-side CPU between two snapshots; a thread born in between counts from zero. */
    long clientNanos(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            if (!isServer.test(name(e.getKey()))) {
                sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
        }
        return sum;
    }

    /** CPU between two snapshots by thread name with trailing digits dropped, for seeing where the time goes. */
    Map<String, Long> byGroup(Map<Long, Long> before, Map<Long, Long> after) {
        Map<String, Long> groups = new TreeMap<>();
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            String group = name(e.getKey()).replaceAll("[-\\d]+$", "") + (isServer.test(name(e.getKey())) ? " (server)" : "");
            groups.merge(group, e.getValue() - before.getOrDefault(e.getKey(), 0L), Long::sum);
        }
        return groups;
    }

    long processNanos() {
        return os.getProcessCpuTime();
    }

    private String name(long id) {
        return names.computeIfAbsent(id, i -> {
            var info = threads.getThreadInfo(i);
            return info == null ? "(gone)" : info.getThreadName();
        });
    }
}
