package app.khobor.bench;

import app.khobor.chat.ChatAudience;
import app.khobor.chat.ChatKind;
import app.khobor.chat.FixedStore;
import app.khobor.chat.RuleIndex;
import app.khobor.chat.RulePool;
import app.khobor.chat.Subscriber;
import app.khobor.delivery.Recipient;
import app.khobor.news.StoredHeadline;
import app.khobor.source.Headline;
import app.khobor.text.BanglishQuery;
import app.khobor.text.BengaliText;
import app.khobor.text.FixtureTitles;
import app.khobor.text.SearchQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Routing one headline to 100,000 chats with 5 /follow rules each (issue 10: under 1 ms median, the rules under
 * 64 MB of heap, identical rules stored once), against checking every rule of every chat as before the index.
 *
 * <p>Rules are drawn the way readers write them: words by a Zipf law over the words of the fixture titles (so the
 * popular ones repeat across chats), two-word phrases from the titles, exclusions, alternatives, two-word rules, and
 * Latin (Banglish) words widened into their Bengali spellings by {@link BanglishQuery}. Every fixture title is routed
 * many times; each call is timed.
 *
 * <p>Run: {@code bench/run route [chats] [rounds]}
 */
public final class RouteBench {
    private static final Instant SEEN = Instant.parse("2026-08-13T04:00:00Z");
    private static final List<String> LATIN = List.of("dhaka", "nirbachon", "bnp", "awami", "sarkar", "police",
            "cricket", "trump", "israel", "bangladesh", "shikkha", "jamaat", "khela", "hasina", "rahman", "gaza",
            "chittagong", "rajniti", "adalat", "mamla", "sangsad", "iran", "india", "america", "brishti", "bonna");
    /**
     * The most frequent words of the titles that nobody follows (and, after, not, new, two, from...): left out, or the
     * Zipf law would have one chat in eight follow "ও" and the routing cost would be that of sending every headline.
     */
    private static final Set<String> FUNCTION_WORDS = Set.copyOf(BengaliText.words(
            "ও পর না নতুন নিয়ে দুই থেকে এক গেলো বছর তৈরি করতে সেই হচ্ছে নেই আজ কেন এই হবে যা কী কি আরও আমি যে তিন জনের কবে"
            + " আজকের শেষ পেলেন"));

    public static void main(String[] args) {
        int chats = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<StoredHeadline> headlines = headlines();
        RuleMaker maker = new RuleMaker(new Random(10), headlines);

        long before = heapAfterGc();
        long start = System.nanoTime();
        List<Subscriber> subscribers = maker.subscribers(chats, 5);
        double makeMs = (System.nanoTime() - start) / 1e6;
        long withRules = heapAfterGc();
        ChatAudience audience = new ChatAudience(new FixedStore(subscribers));
        start = System.nanoTime();
        audience.recipientsOf(headlines.get(0)); // loads the snapshot: the index is built here
        double snapshotMs = (System.nanoTime() - start) / 1e6;
        long withIndex = heapAfterGc();

        List<Double> builds = new ArrayList<>();
        RuleIndex index = null;
        for (int i = 0; i < 5; i++) {
            start = System.nanoTime();
            index = RuleIndex.of(subscribers);
            builds.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("chats %,d, rules %,d, distinct rules %,d (%.1f%%), fixture titles %d%n", chats,
                index.totalRules(), index.distinctRules(), 100.0 * index.distinctRules() / index.totalRules(),
                headlines.size());
        System.out.printf("heap: subscribers with their rules %.1f MB, the index on top %.1f MB, together %.1f MB%n",
                mb(withRules - before), mb(withIndex - withRules), mb(withIndex - before));
        System.out.printf("build: rules made in %.0f ms; snapshot (index, chat map) %.0f ms; RuleIndex.of median %.0f ms"
                + " (min %.0f) of 5%n", makeMs, snapshotMs, new Percentiles(builds).median(), new Percentiles(builds).min());

        long recipients = 0;
        for (StoredHeadline h : headlines) {
            List<Recipient> indexed = audience.recipientsOf(h);
            if (!indexed.equals(ChatAudience.scan(subscribers, h))) {
                throw new IllegalStateException("index and scan differ for " + h.title());
            }
            recipients += indexed.size();
        }
        System.out.printf("recipients per headline: mean %.0f (index and scan agree on all %d titles)%n",
                (double) recipients / headlines.size(), headlines.size());

        Percentiles[] routed = time(rounds, headlines, h -> audience.recipientsOf(h));
        RuleIndex built = index;
        Percentiles[] found = time(rounds, headlines, h -> {
            java.util.BitSet chatsFound = new java.util.BitSet(chats);
            built.matching(BengaliText.words(h.key()), chatsFound);
            return List.of();
        });
        print("index, finding the chats only", found);
        Percentiles[] scanned = time(Math.max(1, rounds / 10), headlines, h -> ChatAudience.scan(subscribers, h));
        print("index", routed);
        print("scan", scanned);
        System.out.printf("scan / index, medians: wall %.0fx, CPU %.0fx%n", scanned[0].median() / routed[0].median(),
                scanned[1].median() / routed[1].median());
        if (audience.subscribed(-1)) {
            throw new IllegalStateException("keeps the audience reachable until here");
        }
    }

    private interface Route {
        List<Recipient> of(StoredHeadline h);
    }

    private static void print(String what, Percentiles[] p) {
        System.out.printf("route one headline (%s): wall median %.3f ms, p99 %.3f ms; CPU median %.3f ms, p99 %.3f ms"
                + " (%d calls)%n", what, p[0].median(), p[0].at(99), p[1].median(), p[1].at(99), p[0].count());
    }

    /**
     * A warm-up round, then each headline timed on its own, {@code rounds} times: wall time, and the thread's CPU
     * time (on a shared machine the wall time also counts the waits for a core).
     */
    private static Percentiles[] time(int rounds, List<StoredHeadline> headlines, Route route) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        headlines.forEach(route::of);
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (StoredHeadline h : headlines) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                sink += route.of(h).size();
                wall.add((System.nanoTime() - start) / 1e6);
                cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            }
        }
        if (sink < 0) {
            System.out.println(sink);
        }
        return new Percentiles[] {new Percentiles(wall), new Percentiles(cpu)};
    }

    private static List<StoredHeadline> headlines() {
        List<StoredHeadline> out = new ArrayList<>();
        long id = 1;
        for (Headline h : FixtureTitles.headlines()) {
            out.add(new StoredHeadline(id++, "prothomalo", h.title(), BengaliText.searchKey(h.title()), h.url(), h.url(),
                    null, SEEN));
        }
        return out;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    /** Rules drawn by a Zipf law (exponent 1) over ranked words and word pairs of the titles. */
    private static final class RuleMaker {
        private final Random random;
        private final Zipf words;
        private final Zipf pairs;
        private final Zipf latin;
        private final Map<String, List<String>> spellings;

        RuleMaker(Random random, List<StoredHeadline> headlines) {
            this.random = random;
            Map<String, Integer> wordCounts = new HashMap<>();
            Map<String, Integer> pairCounts = new HashMap<>();
            for (StoredHeadline h : headlines) {
                List<String> w = BengaliText.words(h.title()).stream()
                        .filter(x -> x.codePointCount(0, x.length()) > 1 && !FUNCTION_WORDS.contains(x)
                                && !x.chars().allMatch(Character::isDigit))
                        .toList();
                for (int i = 0; i < w.size(); i++) {
                    wordCounts.merge(w.get(i), 1, Integer::sum);
                    if (i + 1 < w.size()) {
                        pairCounts.merge(w.get(i) + " " + w.get(i + 1), 1, Integer::sum);
                    }
                }
            }
            words = new Zipf(random, ranked(wordCounts));
            pairs = new Zipf(random, ranked(pairCounts));
            spellings = new BanglishQuery(FixtureTitles.vocabulary()).expand(LATIN);
            latin = new Zipf(random, LATIN);
        }

        List<Subscriber> subscribers(int chats, int rulesEach) {
            RulePool pool = new RulePool();
            List<Subscriber> out = new ArrayList<>(chats);
            for (long chat = 1; chat <= chats; chat++) {
                List<SearchQuery> rules = new ArrayList<>(rulesEach);
                for (int r = 0; r < rulesEach; r++) {
                    rules.add(rule(pool));
                }
                out.add(new Subscriber(chat, ChatKind.PRIVATE, SEEN.minusSeconds(60), Set.of(), List.copyOf(rules)));
            }
            return out;
        }

        /** 35% a word, 20% a phrase, 15% a word without another, 10% either of two, 10% two words, 10% Banglish. */
        private SearchQuery rule(RulePool pool) {
            int kind = random.nextInt(100);
            if (kind < 35) {
                return pool.rule(words.next());
            } else if (kind < 55) {
                return pool.rule("\"" + pairs.next() + "\"");
            } else if (kind < 70) {
                return pool.rule(words.next() + " -" + words.next());
            } else if (kind < 80) {
                return pool.rule(words.next() + " OR " + words.next());
            } else if (kind < 90) {
                return pool.rule(words.next() + " " + words.next());
            }
            String typed = latin.next() + (random.nextBoolean() ? " " + words.next() : "");
            return pool.of(Subscriber.rule(typed).withAlternatives(spellings));
        }

        private static List<String> ranked(Map<String, Integer> counts) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
        }
    }

    /** Draws item k (from 1) with probability proportional to 1/k. */
    private static final class Zipf {
        private final Random random;
        private final List<String> items;
        private final double[] cumulative;

        Zipf(Random random, List<String> items) {
            this.random = random;
            this.items = items;
            cumulative = new double[items.size()];
            double sum = 0;
            for (int k = 0; k < items.size(); k++) {
                sum += 1.0 / (k + 1);
                cumulative[k] = sum;
            }
        }

        String next() {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int at = java.util.Arrays.binarySearch(cumulative, x);
            return items.get(Math.min(items.size() - 1, at >= 0 ? at : -at - 1));
        }
    }
}
