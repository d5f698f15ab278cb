package app.khobor.bench;

import app.khobor.story.StoryCandidate;
import app.khobor.story.WordStoryIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Story matching: (1) one assign against 24 hours of history (5,000 headlines), as medians and percentiles; (2) the
 * retained heap over 30 simulated days at 5,000 headlines a day, which must stay flat (the window forgets).
 * Headlines are spliced from the real titles and summaries of src/test/resources/stories/headlines.tsv (first half of
 * one, second half of another), so word frequencies are those of Bengali news. Run: bench/run stories
 */
public final class StoryBench {
    private static final int PER_DAY = 5_000;
    private static final Duration STEP = Duration.ofDays(1).dividedBy(PER_DAY);

    private final List<String[]> real = load();
    private final Random random = new Random(11);
    private Instant now = Instant.parse("2026-08-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private long nextId = 1;

    public static void main(String[] args) {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        StoryBench bench = new StoryBench();
        bench.assignLatency();
        bench.retainedHeap(days);
    }

    private void assignLatency() {
        WordStoryIndex index = new WordStoryIndex(clock);
        for (int i = 0; i < PER_DAY * 4; i++) {
            assign(index); // warm-up: four days, so the JIT has settled and the window holds a full day
        }
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < PER_DAY; i++) {
            StoryCandidate headline = next();
            long start = System.nanoTime();
            index.assign(headline);
            micros.add((System.nanoTime() - start) / 1e3);
            now = now.plus(STEP);
        }
        Percentiles p = new Percentiles(micros);
        System.out.printf("assign against %d headlines (24 h window, %d terms): median %.0f us, p90 %.0f us, "
                + "p99 %.0f us, max %.0f us (%d assigns)%n", index.size(), index.terms(), p.median(), p.p90(),
                p.at(99), p.at(100), p.count());
    }

    private void retainedHeap(int days) {
        WordStoryIndex index = new WordStoryIndex(clock);
        System.out.printf("%d simulated days at %d headlines a day; retained heap after a full GC at each day's end:%n",
                days, PER_DAY);
        for (int day = 1; day <= days; day++) {
            for (int i = 0; i < PER_DAY; i++) {
                assign(index);
            }
            if (day == 1 || day % 5 == 0 || day == days) {
                System.out.printf("  day %2d: index %5d headlines, %6d terms, heap %5.1f MB%n", day, index.size(),
                        index.terms(), retainedMb());
            }
        }
    }

    private void assign(WordStoryIndex index) {
        index.assign(next());
        now = now.plus(STEP);
    }

    private StoryCandidate next() {
        String[] a = real.get(random.nextInt(real.size()));
        String[] b = real.get(random.nextInt(real.size()));
        String title = splice(a[3], b[3]);
        String summary = splice(a.length > 4 ? a[4] : "", b.length > 4 ? b[4] : "");
        long id = nextId++;
        return new StoryCandidate(id, "source-" + random.nextInt(8), title, summary, now);
    }

    private static String splice(String first, String second) {
        String[] x = first.split(" ");
        String[] y = second.split(" ");
        List<String> words = new ArrayList<>(Arrays.asList(x).subList(0, (x.length + 1) / 2));
        words.addAll(Arrays.asList(y).subList(y.length / 2, y.length));
        return String.join(" ", words);
    }

    private static double retainedMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() / 1e6;
    }

    private static List<String[]> load() {
        var in = StoryBench.class.getResourceAsStream("/stories/headlines.tsv");
        if (in == null) {
            throw new IllegalStateException("stories/headlines.tsv not on the classpath: run via bench/run stories");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
