package app.khobor.bench;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.delivery.Outbox;
import app.khobor.delivery.Recipient;
import app.khobor.news.StoredHeadline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What stories cost the fan-out of one headline to 10,000 chats (500 of them with merging off): the enqueue before
 * stories (one row per chat), a story's first headline under the story rule, and another portal's copy (each chat's
 * row decided from the outbox, most of them merged). Medians and p90 in milliseconds of {@code rounds} headlines each.
 *
 * <p>Run: {@code bench/run story-fanout [rounds]}.
 */
public final class StoryEnqueueBench {
    private static final int CHATS = 10_000;
    private static final int EVERY_COPY_CHATS = 500;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path dir = Files.createTempDirectory("khobor-story-bench");
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("khobor.db"))) {
            List<Recipient> recipients = new ArrayList<>();
            for (long chat = 1; chat <= CHATS; chat++) {
                recipients.add(new Recipient(chat, false));
            }
            db.transaction(c -> {
                for (long chat = 1; chat <= EVERY_COPY_CHATS; chat++) {
                    Statements.update(c, "INSERT INTO chats(id, kind, created_at, updated_at) VALUES (?, 'PRIVATE', 0, 0)", chat);
                    Statements.update(c, "INSERT INTO chat_settings(chat_id, stories) VALUES (?, 1)", chat);
                }
                return null;
            });
            Outbox outbox = new Outbox(db);
            Instant now = Instant.now();
            List<Double> plain = new ArrayList<>();
            List<Double> first = new ArrayList<>();
            List<Double> copy = new ArrayList<>();
            for (int round = 0; round < rounds + 3; round++) {
                boolean warm = round >= 3;
                StoredHeadline a = headline(db, "a" + round, 0);
                long p = headline(db, "p" + round, 0).id();
                double tPlain = millis(() -> outbox.enqueue(recipients, p, now));
                double tFirst = millis(() -> outbox.enqueue(recipients, a, now));
                StoredHeadline b = headline(db, "b" + round, a.id());
                double tCopy = millis(() -> outbox.enqueue(recipients, b, now));
                if (warm) {
                    plain.add(tPlain);
                    first.add(tFirst);
                    copy.add(tCopy);
                }
            }
            report("before stories (one row per chat)", plain);
            report("a story's first headline", first);
            report("another portal's copy (9,500 merged)", copy);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static StoredHeadline headline(Database db, String source, long story) {
        long id = db.transaction(c -> Statements.first(c, "INSERT INTO headlines(source_id, title, key, url, canonical_url,"
                + " first_seen, story_id) VALUES (?, 't', 't', 'u', ?, ?, ?) RETURNING id", rs -> rs.getLong(1), source,
                source, System.currentTimeMillis(), story == 0 ? null : story).orElseThrow());
        return new StoredHeadline(id, source, "t", "t", "u", "u", null, Instant.now(), null, story == 0 ? id : story);
    }

    private static double millis(LongSupplier work) {
        long start = System.nanoTime();
        work.getAsLong();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> samples) {
        Percentiles p = new Percentiles(samples);
        System.out.printf("%-40s median %7.1f ms   p90 %7.1f ms   (%d headlines x %d chats)%n", what, p.median(), p.p90(),
                p.count(), CHATS);
    }
}
