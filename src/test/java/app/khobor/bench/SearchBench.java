package app.khobor.bench;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.fakes.FixtureFiles;
import app.khobor.fakes.TestDatabases;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.HeadlineHistory.SearchPage;
import app.khobor.news.NewHeadline;
import app.khobor.news.RefreshingVocabulary;
import app.khobor.source.FeedParser;
import app.khobor.source.Headline;
import app.khobor.source.ParseException;
import app.khobor.text.BanglishQuery;
import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import app.khobor.text.Vocabulary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * /search at scale: 200,000 headlines over a year in a real SQLite file, queried the way /search queries (the query
 * language, Banglish words expanded from the vocabulary, the first page and a later one), with p50/p99/max per
 * query class and the sizes on disk of the history and of its word index. Run with {@code bench/run search [db file]}:
 * with a file, the history is built there once and reused by later runs (migrations run on it as on any start).
 *
 * <p>{@code bench/run search --engine postgresql [jdbc url] [rows]} does the same on PostgreSQL: in the database the URL
 * names (built once, reused like a file), or else in a fresh schema on the server of {@value TestDatabases#PG_ENV},
 * dropped at the end. {@code rows} (default {@value #ROWS}) sets the history's size on either engine.
 */
public final class SearchBench {
    static final int ROWS = 200_000;
    static final int PAGE = 10;
    /** The later page: an "আরও" press or five. */
    static final int LATER_OFFSET = 50;
    private static final int WARM_UP = 10;
    private static final int RUNS = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> FEEDS = List.of("prothomalo/rss-5dcfbf4/prothomalo.xml",
            "prothomalo/rss-3fa4716/prothomalo.xml", "jagonews24/rss-5dcfbf4/jagonews.xml",
            "jagonews24/rss-3fa4716/jagonews.xml", "ittefaq/ittefaq.xml", "banglatribune/banglatribune.xml");
    private static final List<String> SOURCES = List.of("prothomalo", "jagonews24", "ittefaq", "banglatribune",
            "samakal", "dhakapost", "bd-pratidin", "banglanews24");
    private static final List<String> SECTIONS = List.of("bangladesh", "world", "sports", "politics", "opinion");

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        Engine engine = Engine.SQLITE;
        if (!rest.isEmpty() && rest.get(0).equals("--engine")) {
            if (rest.size() < 2 || !List.of("sqlite", "postgresql").contains(rest.get(1))) {
                System.err.println("bench/run search: --engine takes sqlite or postgresql");
                System.exit(2);
            }
            engine = Engine.valueOf(rest.get(1).toUpperCase(Locale.ROOT));
            rest = rest.subList(2, rest.size());
        }
        int rows = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : ROWS;
        TestDatabases.PgSchema schema = null;
        String url;
        if (engine == Engine.SQLITE) {
            url = "jdbc:sqlite:" + (!rest.isEmpty() ? Path.of(rest.get(0))
                    : Files.createTempDirectory("khobor-search").resolve("search.db"));
        } else if (!rest.isEmpty()) {
            url = rest.get(0);
        } else {
            String server = System.getenv(TestDatabases.PG_ENV);
            if (server == null || server.isBlank()) {
                System.err.println("bench/run search: give a jdbc:postgresql: URL or set " + TestDatabases.PG_ENV);
                System.exit(2);
            }
            schema = TestDatabases.PgSchema.create();
            url = schema.url();
        }
        try {
            run(url, rows);
        } finally {
            if (schema != null) {
                schema.drop();
            }
        }
    }

    private static void run(String url, int size) {
        System.out.printf("load average at start: %s%n", load());
        List<String> titles = fixtureTitles();
        long opening = System.nanoTime();
        try (Database db = Database.open(url)) {
            System.out.printf("opened %s (migrations not applied yet included) in %.1f s%n", db.url(),
                    (System.nanoTime() - opening) / 1e9);
            HeadlineHistory history = HeadlineHistory.create(db);
            long rows = db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM headlines"));
            if (rows < size) {
                long start = System.nanoTime();
                fill(history, titles, rows, size);
                System.out.printf("built %,d headlines from %d fixture titles in %.1f s%n", size, titles.size(),
                        (System.nanoTime() - start) / 1e9);
                if (db.engine() == Engine.POSTGRESQL) {
                    db.write(c -> Statements.update(c, "VACUUM ANALYZE")); // as autovacuum would: visibility map, statistics
                }
            }
            sizes(db);
            RefreshingVocabulary vocabulary = RefreshingVocabulary.of(history, Clock.systemUTC());
            run(history, vocabulary, queries(db));
        }
        System.out.printf("load average at end: %s%n", load());
    }

    /**
     * Titles made of real ones: the start of one fixture title and the end of another, so word frequencies and word
     * order stay those of real headlines while most of the 200,000 are distinct. About 550 a day, over a year.
     */
    private static void fill(HeadlineHistory history, List<String> titles, long existing, int rows) {
        Random random = new Random(42);
        Instant start = Instant.parse("2025-12-01T00:00:00Z");
        long step = Duration.ofDays(365).toMillis() / rows;
        List<NewHeadline> batch = new ArrayList<>();
        for (long i = existing; i < rows; i++) {
            String title = mixed(titles, random);
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            String url = "https://" + source + ".example/news/" + i;
            Instant seen = start.plusMillis(i * step);
            Headline headline = new Headline(source, title, url,
                    seen.minusSeconds(random.nextInt(1800)).atOffset(ZoneOffset.ofHours(6)),
                    SECTIONS.get(random.nextInt(SECTIONS.size())));
            batch.add(new NewHeadline(headline, url, BengaliText.searchKey(title)));
            if (batch.size() == 50 || i == rows - 1) {
                history.insertAll(batch, seen, false);
                batch = new ArrayList<>();
            }
        }
    }

    private static String mixed(List<String> titles, Random random) {
        String[] a = titles.get(random.nextInt(titles.size())).split(" ");
        String[] b = titles.get(random.nextInt(titles.size())).split(" ");
        int cutA = 1 + random.nextInt(Math.max(1, a.length - 1));
        int cutB = random.nextInt(Math.max(1, b.length - 1));
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < cutA; i++) {
            title.append(i == 0 ? "" : " ").append(a[i]);
        }
        if (random.nextInt(3) == 0) {
            title.append(' ').append(name(random));
        }
        for (int i = cutB; i < b.length; i++) {
            title.append(' ').append(b[i]);
        }
        return title.toString();
    }

    /**
     * A made-up word of two to four Bengali syllables, for the many rare words (names, places) of a real year of
     * headlines that 300 fixture titles do not have: without them the word index would be unrealistically small.
     */
    private static String name(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            word.append((char) ('\u0995' + random.nextInt(0x09A8 - 0x0995 + 1)));
            int sign = random.nextInt(8);
            if (sign < 5) {
                word.append((char) ('\u09BE' + sign));
            }
        }
        return word.toString();
    }

    static List<String> fixtureTitles() {
        Set<String> titles = new LinkedHashSet<>();
        for (String feed : FEEDS) {
            try {
                new FeedParser().parse("bench", FixtureFiles.text(feed), URI.create("https://bench.example/feed"),
                        Instant.parse("2026-08-13T12:00:00Z").atZone(ZoneOffset.UTC)).forEach(h -> titles.add(h.title()));
            } catch (ParseException e) {
                throw new IllegalStateException(feed + ": " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(titles);
    }

    /** Query classes and their queries; common and rare words picked from the history's own word counts. */
    private static Map<String, List<String>> queries(Database db) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        db.read(c -> Statements.list(c, "SELECT key FROM headlines", rs -> rs.getString(1)))
                .forEach(key -> new LinkedHashSet<>(BengaliText.words(key)).forEach(w -> counts.merge(w, 1, Integer::sum)));
        List<String> byCount = counts.entrySet().stream().filter(e -> e.getKey().length() > 2)
                .sorted((x, y) -> y.getValue() - x.getValue()).map(Map.Entry::getKey).toList();
        List<String> common = byCount.subList(0, 4);
        List<String> rare = byCount.stream().filter(w -> counts.get(w) >= 3 && counts.get(w) <= 20 && w.length() > 3)
                .limit(4).toList();
        List<String> phrase = phrases(db);
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("common word", List.of(common.get(0), common.get(1), common.get(2), common.get(3)));
        q.put("rare word", rare);
        q.put("absent word", List.of("\u0995\u09CB\u09AF\u09BC\u09BE\u09A8\u09CD\u099F\u09BE\u09AE", "zzqx"));
        q.put("2 words", List.of(common.get(0) + " " + common.get(1), common.get(2) + " " + rare.get(0),
                rare.get(1) + " " + rare.get(2)));
        q.put("3 words", List.of(common.get(0) + " " + common.get(1) + " " + common.get(2),
                common.get(1) + " " + common.get(3) + " " + rare.get(3)));
        q.put("phrase", phrase);
        q.put("exclusion", List.of(common.get(0) + " -" + common.get(1), common.get(2) + " -" + rare.get(0)));
        q.put("OR", List.of(common.get(0) + " OR " + common.get(1), rare.get(0) + " | " + rare.get(1),
                common.get(2) + " \u09AC\u09BE " + rare.get(2)));
        q.put("Banglish", List.of("dhaka", "bnp", "nirbachon", "trump", "sorkar", "bangladesh", "police"));
        q.put("Banglish 2 words", List.of("dhaka police", "bnp nirbachon"));
        return q;
    }

    /** Two consecutive words of real titles, one common pair and one less so, quoted. */
    private static List<String> phrases(Database db) {
        Map<String, Integer> pairs = new LinkedHashMap<>();
        db.read(c -> Statements.list(c, "SELECT key FROM headlines WHERE id % 50 = 0", rs -> rs.getString(1)))
                .forEach(key -> {
                    List<String> w = BengaliText.words(key);
                    for (int i = 0; i + 1 < w.size(); i++) {
                        pairs.merge(w.get(i) + " " + w.get(i + 1), 1, Integer::sum);
                    }
                });
        List<String> sorted = pairs.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                .map(Map.Entry::getKey).toList();
        return List.of('"' + sorted.get(0) + '"', '"' + sorted.get(sorted.size() / 3) + '"');
    }

    /** The vocabulary is built before timing: the bot keeps it for five minutes (RefreshingVocabulary.EVERY). */
    private static void run(HeadlineHistory history, Supplier<Vocabulary> vocabulary, Map<String, List<String>> classes) {
        vocabulary.get();
        System.out.println("\nwall: elapsed time of the call; cpu: the calling thread's CPU time (what the call costs without"
                + " the neighbours' share of the 2 cores); parse+expand: SearchQuery.parse and BanglishQuery.expand, included");
        System.out.printf("%-18s %-6s %8s %8s %8s %8s %8s %10s %8s   %s%n", "class", "page", "wall p50", "wall p99", "wall max",
                "cpu p50", "cpu p99", "expand p99", "matches", "queries (matches)");
        for (Map.Entry<String, List<String>> e : classes.entrySet()) {
            for (int offset : new int[] {0, LATER_OFFSET}) {
                List<Double> samples = new ArrayList<>();
                List<Double> expanding = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                StringBuilder shown = new StringBuilder();
                long maxTotal = 0;
                for (String query : e.getValue()) {
                    for (int r = 0; r < WARM_UP; r++) {
                        search(history, vocabulary, query, offset, new ArrayList<>());
                    }
                    SearchPage page = null;
                    for (int r = 0; r < RUNS; r++) {
                        long start = System.nanoTime();
                        long startCpu = THREADS.getCurrentThreadCpuTime();
                        page = search(history, vocabulary, query, offset, expanding);
                        cpu.add((THREADS.getCurrentThreadCpuTime() - startCpu) / 1e6);
                        samples.add((System.nanoTime() - start) / 1e6);
                    }
                    maxTotal = Math.max(maxTotal, page.total());
                    shown.append(shown.length() == 0 ? "" : ", ").append(query).append(" (").append(page.total())
                            .append(')');
                }
                Percentiles p = new Percentiles(samples);
                Percentiles c = new Percentiles(cpu);
                System.out.printf("%-18s %-6s %8.2f %8.2f %8.2f %8.2f %8.2f %10.2f %8d   %s%n", e.getKey(),
                        offset == 0 ? "first" : "+" + offset, p.median(), p.at(99), p.at(100), c.median(), c.at(99),
                        new Percentiles(expanding).at(99), maxTotal, offset == 0 ? shown : "");
            }
        }
    }

    /**
     * What /search and inline mode do for one page (the parse in chat/NewsCommands, then chat/QuerySearch.page):
     * parse, expand Latin words, one searchPublished.
     *
     * @param expanding gets the time of the parse and the Banglish expansion, in milliseconds
     */
    static SearchPage search(HeadlineHistory history, Supplier<Vocabulary> vocabulary, String text, int offset,
            List<Double> expanding) {
        long start = System.nanoTime();
        SearchQuery.Valid valid = (SearchQuery.Valid) SearchQuery.parse(text);
        Map<String, List<String>> expansion = new BanglishQuery(vocabulary.get())
                .expand(valid.query().wordKeys());
        expanding.add((System.nanoTime() - start) / 1e6);
        return history.searchPublished(valid.query().withAlternatives(expansion), Set.of(), Map.of(), offset, PAGE);
    }

    /** Bytes on disk per table and index (SQLite's dbstat), the history against its word index. */
    private static void sizes(Database db) {
        if (db.engine() == Engine.POSTGRESQL) {
            postgresSizes(db);
            return;
        }
        Map<String, Long> bytes = new LinkedHashMap<>();
        db.read(c -> Statements.list(c, "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC",
                rs -> bytes.put(rs.getString(1), rs.getLong(2))));
        long history = 0;
        long index = 0;
        System.out.printf("%n%-32s %12s%n", "table or index", "bytes");
        for (Map.Entry<String, Long> e : bytes.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("headlines_fts")) {
                index += e.getValue();
            } else if (name.equals("headlines") || isHeadlinesIndex(db, name)) {
                history += e.getValue();
            }
            if (name.startsWith("headlines")) {
                System.out.printf("%-32s %,12d%n", name, e.getValue());
            }
        }
        System.out.printf("history (table headlines + its own indexes): %,d bytes; word index (headlines_fts*): %,d bytes;"
                + " ratio %.2f%n", history, index, (double) index / history);
    }

    /** PostgreSQL's sizes: the history's table and indexes against headline_words' table and indexes. */
    private static void postgresSizes(Database db) {
        long history = db.read(c -> Statements.number(c, "SELECT pg_total_relation_size('headlines')"));
        long index = db.read(c -> Statements.number(c, "SELECT pg_total_relation_size('headline_words')"));
        System.out.printf("%nhistory (table headlines + its own indexes): %,d bytes; word index (headline_words and its"
                + " indexes): %,d bytes; ratio %.2f%n", history, index, (double) index / history);
    }

    private static boolean isHeadlinesIndex(Database db, String name) {
        return db.read(c -> Statements.exists(c,
                "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ? AND tbl_name = 'headlines'", name));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
