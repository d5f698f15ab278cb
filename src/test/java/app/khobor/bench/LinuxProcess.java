package app.khobor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of a process as the kernel accounts them ({@code /proc/PID/stat} and
 * {@code /proc/PID/status}), read from outside so that nothing in the measured JVM runs to produce them. Linux only.
 */
final class LinuxProcess {
    /** {@code getconf CLK_TCK}: 100 on every Linux build the JDK supports (USER_HZ is fixed by the kernel ABI). */
    private static final double TICKS_PER_SECOND = 100;

    private final Path proc;

    private LinuxProcess(String pid) {
        this.proc = Path.of("/proc", pid);
    }

    static LinuxProcess of(long pid) {
        return new LinuxProcess(Long.toString(pid));
    }

    static LinuxProcess self() {
        return new LinuxProcess("self");
    }

    /** User + system CPU seconds of all the process's threads (GC and JIT included), 10 ms resolution. */
    double cpuSeconds() {
        return cpuSeconds(read("stat"));
    }

    /**
     * CPU seconds of the live threads, summed by name with trailing digits dropped ({@code khobor-send-7} and
     * {@code khobor-send-12} are {@code khobor-send-}; {@code C2 CompilerThre}, {@code GC Thread#0} as the kernel
     * truncates them to 15 characters). Threads that have ended are missing: compare snapshots of long-lived threads.
     */
    Map<String, Double> cpuSecondsByThreadGroup() {
        Map<String, Double> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[#\\d]+$", "");
                    groups.merge(name, cpuSeconds(Files.readString(task.resolve("stat"))), Double::sum);
                } catch (IOException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + proc.resolve("task"), e);
        }
        return groups;
    }

    /** The CPU spent by each thread group between two snapshots, largest first, groups under 10 ms left out. */
    static String difference(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s=%.2f", e.getKey().replace(' ', '_'), e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static double cpuSeconds(String stat) {
        // Fields after the command name, which sits in parentheses and may itself contain spaces or ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]); // field 14 of proc(5); f[0] is field 3 (state)
        long stime = Long.parseLong(f[12]); // field 15
        return (utime + stime) / TICKS_PER_SECOND;
    }

    /** VmRSS: resident memory now, in MB. */
    double residentMb() {
        return statusKb("VmRSS") / 1024.0;
    }

    /** VmHWM: the most resident memory the process has had, in MB. */
    double peakResidentMb() {
        return statusKb("VmHWM") / 1024.0;
    }

    private long statusKb(String key) {
        for (String line : read("status").split("\n")) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException("no " + key + " in " + proc.resolve("status"));
    }

    private String read(String file) {
        try {
            return Files.readString(proc.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + proc.resolve(file) + " (process gone, or not Linux?)", e);
        }
    }
}
