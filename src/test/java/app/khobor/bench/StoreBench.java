package app.khobor.bench;

import app.khobor.config.StorageSettings;
import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.fakes.TestDatabases;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.NewHeadline;
import app.khobor.news.NewsDesk;
import app.khobor.news.SeenCache;
import app.khobor.news.SourceReadState;
import app.khobor.news.StoredHeadline;
import app.khobor.source.Headline;
import app.khobor.text.BengaliText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the common poll (30 sources x 50 headlines, nothing new) and search over 100k headlines, FTS5 against a LIKE
 * pre-filter. Not a test: run with {@code bench/run store [--engine postgresql] [fixture files]}; on PostgreSQL (in a
 * fresh schema on the server of {@value TestDatabases#PG_ENV}, dropped at the end) there is no FTS5 column.
 */
public final class StoreBench {
    private static final int SOURCES = 30;
    private static final int PAGE = 50;
    private static final int ROWS = 100_000;

    public static void main(String[] args) throws IOException {
        boolean postgres = args.length > 1 && args[0].equals("--engine") && args[1].equals("postgresql");
        if (postgres) {
            args = Arrays.copyOfRange(args, 2, args.length);
            if (System.getenv(TestDatabases.PG_ENV) == null) {
                System.err.println("bench/run store: --engine postgresql needs " + TestDatabases.PG_ENV);
                System.exit(2);
            }
        }
        List<String> vocabulary = vocabulary(args.length > 0 ? args
                : new String[] {"/work/shared/fixtures/ittefaq/ittefaq.xml", "/work/shared/fixtures/banglatribune/banglatribune.xml"});
        System.out.printf("vocabulary: %d words%n", vocabulary.size());
        Path dir = Files.createTempDirectory("khobor-bench");
        try (Database db = TestDatabases.open(postgres ? Engine.POSTGRESQL : Engine.SQLITE, dir)) {
            HeadlineHistory store = HeadlineHistory.create(db);
            Random random = new Random(42);
            fill(store, vocabulary, random);
            poll(db, store, vocabulary, random);
            search(db, store, vocabulary);
        }
    }

    private static void fill(HeadlineHistory store, List<String> vocabulary, Random random) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Long> batchNanos = new ArrayList<>();
        for (int i = 0; i < ROWS; i += PAGE) {
            List<NewHeadline> batch = new ArrayList<>();
            for (int j = i; j < i + PAGE; j++) {
                String title = title(vocabulary, random);
                String url = "https://bench.example/" + j;
                batch.add(new NewHeadline(new Headline("filler" + (j % SOURCES), title, url, null), url, BengaliText.searchKey(title)));
            }
            Instant seen = start.plusSeconds(i);
            batchNanos.add(time(() -> store.insertAll(batch, seen, false)));
        }
        System.out.printf("insert 50 new headlines in one transaction (%d rows, word index kept): median %.2f ms%n",
                ROWS, median(batchNanos) / 1e6);
    }

    private static void poll(Database db, HeadlineHistory store, List<String> vocabulary, Random random) {
        SourceReadState reads = SourceReadState.create(db);
        List<List<Headline>> pages = new ArrayList<>();
        for (int s = 0; s < SOURCES; s++) {
            List<Headline> page = new ArrayList<>();
            for (int n = 0; n < PAGE; n++) {
                page.add(new Headline("src" + s, title(vocabulary, random), "https://src" + s + ".example/news/" + n + "?utm_source=rss", null));
            }
            pages.add(page);
        }
        StorageSettings settings = new StorageSettings(db.url(), Duration.ofDays(30), 100_000, Duration.ofHours(6));
        SeenCache seen = SeenCache.create(store, settings);
        NewsDesk desk = new NewsDesk(store, reads, seen, Clock.systemUTC());
        pages.forEach(p -> desk.accept(p.get(0).sourceId(), p));
        List<Long> rounds = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            rounds.add(time(() -> pages.stream().mapToInt(p -> desk.accept(p.get(0).sourceId(), p).size()).sum()));
        }
        System.out.printf("poll round, 30 sources x 50 headlines, nothing new, warm cache: median %.2f ms%n", median(rounds) / 1e6);
        List<Long> refreshes = new ArrayList<>();
        for (int r = 1; r <= 20; r++) {
            NewsDesk later = new NewsDesk(store, reads, seen, Clock.offset(Clock.systemUTC(), Duration.ofHours(2L * r)));
            refreshes.add(time(() -> pages.stream().mapToInt(p -> later.accept(p.get(0).sourceId(), p).size()).sum()));
        }
        System.out.printf("poll round, nothing new, warm cache, every last-seen time due (once an hour): median %.2f ms%n",
                median(refreshes) / 1e6);
        List<Long> cold = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            NewsDesk restarted = new NewsDesk(store, reads, SeenCache.create(store, settings), Clock.systemUTC());
            cold.add(time(() -> pages.stream().mapToInt(p -> restarted.accept(p.get(0).sourceId(), p).size()).sum()));
        }
        System.out.printf("poll round, nothing new, cold cache (first round after a restart): median %.2f ms%n", median(cold) / 1e6);
    }

    private static void search(Database db, HeadlineHistory store, List<String> vocabulary) {
        List<List<String>> queries = List.of(
                List.of(vocabulary.get(0)), List.of(vocabulary.get(5)), List.of(vocabulary.get(100)),
                List.of(vocabulary.get(vocabulary.size() - 1)), List.of(vocabulary.get(1), vocabulary.get(20)),
                List.of(prefix(vocabulary.get(3))), List.of("\u09A2\u09BE\u0995\u09BE"), List.of("zzzz"));
        System.out.printf("%-30s %8s %10s %10s %10s %6s%n", "query (words)", "matches", "store ms", "fts ms", "like ms", "same?");
        for (List<String> q : queries) {
            List<String> words = q.stream().map(BengaliText::searchKey).toList();
            long matches = countMatches(db, words);
            List<Long> hybrid = new ArrayList<>();
            List<Long> fts = new ArrayList<>();
            List<Long> like = new ArrayList<>();
            for (int r = 0; r < 30; r++) {
                hybrid.add(time(() -> store.search(words, 10)));
                if (db.engine() == Engine.SQLITE) {
                    fts.add(time(() -> ftsSearch(db, words, 10)));
                }
                like.add(time(() -> likeSearch(db, words, 10)));
            }
            List<Long> expected = likeSearch(db, words, 10);
            boolean same = ids(store.search(words, 10)).equals(expected)
                    && (db.engine() != Engine.SQLITE || ftsSearch(db, words, 10).equals(expected));
            System.out.printf("%-30s %8d %10.2f %10.2f %10.2f %6s%n", String.join(" ", words), matches,
                    median(hybrid) / 1e6, fts.isEmpty() ? Double.NaN : median(fts) / 1e6, median(like) / 1e6, same);
        }
    }

    private static List<Long> ids(List<StoredHeadline> headlines) {
        return headlines.stream().map(StoredHeadline::id).toList();
    }

    /** FTS5 alone: every match joined to its row and sorted newest first, exact filter in Java. */
    private static List<Long> ftsSearch(Database db, List<String> words, int limit) {
        String match = String.join(" AND ", words.stream().map(w -> '"' + w.replace("\"", "\"\"") + "\" *").toList());
        String sql = "SELECT h.id, h.key FROM headlines_fts f JOIN headlines h ON h.id = f.rowid WHERE headlines_fts MATCH ?"
                + " ORDER BY h.first_seen DESC, h.id DESC LIMIT ?";
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, match);
                s.setInt(2, limit);
                List<Long> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (BengaliText.matchesAll(BengaliText.words(rs.getString(2)), words)) {
                            found.add(rs.getLong(1));
                        }
                    }
                }
                return found;
            }
        });
    }

    /** The alternative measured: LIKE '%word%' per word, newest first by the first_seen index, exact filter in Java. */
    private static List<Long> likeSearch(Database db, List<String> words, int limit) {
        String where = String.join(" AND ", words.stream().map(w -> "key LIKE ? ESCAPE '\\'").toList());
        String sql = "SELECT id, key FROM headlines WHERE " + where
                + " ORDER BY first_seen DESC, id DESC";
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < words.size(); i++) {
                    s.setString(i + 1, "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                }
                List<Long> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (found.size() < limit && rs.next()) {
                        if (BengaliText.matchesAll(BengaliText.words(rs.getString(2)), words)) {
                            found.add(rs.getLong(1));
                        }
                    }
                }
                return found;
            }
        });
    }

    private static long countMatches(Database db, List<String> words) {
        return db.read(c -> {
            long n = 0;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT key FROM headlines")) {
                while (rs.next()) {
                    n += BengaliText.matchesAll(BengaliText.words(rs.getString(1)), words) ? 1 : 0;
                }
            }
            return n;
        });
    }

    private static String prefix(String word) {
        return word.substring(0, Math.max(1, word.length() / 2));
    }

    /** Skewed towards the first words, like real headline vocabulary. */
    private static String title(List<String> vocabulary, Random random) {
        int words = 5 + random.nextInt(6);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            double u = random.nextDouble();
            b.append(i == 0 ? "" : " ").append(vocabulary.get((int) (u * u * u * vocabulary.size())));
        }
        return b.toString();
    }

    private static List<String> vocabulary(String[] files) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        Pattern title = Pattern.compile("<title>(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</title>", Pattern.DOTALL);
        for (String file : files) {
            Path path = Path.of(file);
            if (Files.exists(path)) {
                Matcher m = title.matcher(Files.readString(path, StandardCharsets.UTF_8));
                while (m.find()) {
                    BengaliText.words(m.group(1)).stream().filter(w -> w.length() > 1).forEach(words::add);
                }
            }
        }
        if (words.size() < 200) {
            Random random = new Random(7);
            while (words.size() < 2000) {
                StringBuilder w = new StringBuilder();
                for (int i = 0, n = 2 + random.nextInt(5); i < n; i++) {
                    w.append((char) (0x0995 + random.nextInt(35))).append(random.nextBoolean() ? "\u09BE" : "");
                }
                words.add(w.toString());
            }
        }
        return new ArrayList<>(words);
    }

    private static long time(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return System.nanoTime() - start;
    }

    private static double median(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
