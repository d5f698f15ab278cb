package app.khobor.bench;

import app.khobor.Failover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Active/standby takeover time on the real PostgreSQL server ({@code KHOBOR_TEST_PG_URL}): the scenario of
 * {@code FailoverTest}, several times. Two Khobor processes, 1,000 chats, SIGKILL to the active one after 300
 * messages; the takeover is the time from the kill to the first message the standby sends. Prints each run and the
 * median.
 *
 * <p>Arguments: {@code [runs, default 5] [chats, default 1000] [kill after, default 300]}
 */
public final class FailoverBench {
    private FailoverBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int chats = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int killAfter = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        if (System.getenv("KHOBOR_TEST_PG_URL") == null) {
            System.err.println("FailoverBench: set KHOBOR_TEST_PG_URL, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            System.exit(2);
        }
        List<Double> takeovers = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createTempDirectory("khobor-failover");
            try (Failover failover = new Failover(dir)) {
                Failover.Outcome o = failover.killDuringBroadcast(chats, killAfter, Duration.ofSeconds(180));
                System.out.printf(Locale.ROOT, "run %d: %s%n", run, o);
                if (o.missing() > 0 || o.overlap()) {
                    System.out.println("  logs in " + dir);
                }
                takeovers.add(o.takeover().toMillis() / 1000.0);
            }
        }
        List<Double> sorted = takeovers.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf(Locale.ROOT, "takeover (kill -> first send by the standby), %d runs: median %.2f s, min %.2f s,"
                + " max %.2f s%n", runs, median, sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
