package app.khobor.delivery;

import static app.khobor.delivery.Fixture.group;
import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.fakes.AtOnce;
import app.khobor.news.StoredHeadline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Announcements in the outbox (V8): confirmed once, queued once per chat, sent alone, counted at the end. */
@ParameterizedClass
@EnumSource(Engine.class)
class AnnouncementsTest {
    @Parameter
    Engine engine;

    private static final Instant NOW = Fixture.START;
    private static final Duration STEP = Duration.ofMillis(100);
    private static final long ADMIN = 42;

    @TempDir
    Path dir;

    @Test
    void a_draft_is_confirmed_once_by_its_own_admin_in_its_own_chat() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            Announcements a = new Announcements(f.db);
            long id = a.draft(ADMIN, ADMIN, "নোটিশ", NOW);
            List<Recipient> to = List.of(user(1), user(2), group(-3));

            assertThat(a.confirm(id, ADMIN, 7, to, NOW)).as("another user").isEqualTo(-1);
            assertThat(a.confirm(id, 7, ADMIN, to, NOW)).as("another chat").isEqualTo(-1);
            assertThat(a.confirm(id + 1, ADMIN, ADMIN, to, NOW)).as("made-up id").isEqualTo(-1);
            assertThat(a.confirm(id, ADMIN, ADMIN, to, NOW)).isEqualTo(3);
            assertThat(a.confirm(id, ADMIN, ADMIN, to, NOW)).as("pressed again").isEqualTo(-1);
            assertThat(a.cancel(id, ADMIN, ADMIN)).as("too late to cancel").isFalse();
            assertThat(f.outbox.counts().pending()).isEqualTo(3);
        }
    }

    @Test
    void a_confirm_pressed_twice_at_once_queues_the_announcement_once() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            Announcements a = new Announcements(f.db);
            long id = a.draft(ADMIN, ADMIN, "নোটিশ", NOW);
            List<Recipient> to = List.of(user(1), user(2), group(-3));

            List<Integer> queued = AtOnce.run(() -> a.confirm(id, ADMIN, ADMIN, to, NOW),
                    () -> a.confirm(id, ADMIN, ADMIN, to, NOW));

            assertThat(queued).containsExactlyInAnyOrder(3, -1);
            assertThat(f.outbox.counts().pending()).isEqualTo(3);
        }
    }

    @Test
    void a_cancelled_draft_cannot_be_confirmed() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            Announcements a = new Announcements(f.db);
            long id = a.draft(ADMIN, ADMIN, "নোটিশ", NOW);
            assertThat(a.cancel(id, ADMIN, ADMIN)).isTrue();
            assertThat(a.confirm(id, ADMIN, ADMIN, List.of(user(1)), NOW)).isEqualTo(-1);
            assertThat(f.outbox.counts().pending()).isZero();
        }
    }

    @Test
    void an_announcement_and_a_headline_to_the_same_chat_are_two_rows() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline h = f.headline("a");
            f.outbox.enqueue(List.of(user(1)), h.id(), NOW);
            Announcements a = new Announcements(f.db);
            a.confirm(a.draft(ADMIN, ADMIN, "x", NOW), ADMIN, ADMIN, List.of(user(1)), NOW);

            List<PendingDelivery> rows = f.outbox.pendingFor(1, NOW.minusSeconds(60), 10);
            assertThat(rows).extracting(PendingDelivery::headlineId).containsExactly(h.id(), 0L);
            assertThat(rows).extracting(PendingDelivery::announcementId).containsExactly(0L, 1L);
        }
    }

    @Test
    void an_announcement_goes_alone_between_digests_and_regardless_of_filters() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settingsWithDigestOver(1))) {
            for (String t : List.of("a", "b")) {
                f.publish(t, user(1));
            }
            Announcements a = new Announcements(f.db);
            a.confirm(a.draft(ADMIN, ADMIN, "<b>ঘোষণা</b>", NOW), ADMIN, ADMIN, List.of(user(1), user(2)), NOW);
            for (String t : List.of("c", "d")) {
                f.publish(t, user(1));
            }
            // Chat 2 wants none of the headlines: the announcement still goes.
            f.start();
            f.run(Duration.ofSeconds(10), STEP);

            assertThat(f.textsTo(1)).containsExactly("D a b", "<b>ঘোষণা</b>", "D c d");
            assertThat(f.textsTo(2)).containsExactly("<b>ঘোষণা</b>");
        }
    }

    @Test
    void a_chat_that_stopped_after_the_confirm_does_not_get_it_and_counts_as_gone() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            Announcements a = new Announcements(f.db);
            long id = a.draft(ADMIN, ADMIN, "x", NOW);
            a.confirm(id, ADMIN, ADMIN, List.of(user(1), user(2)), NOW);
            f.stop(2);
            f.start();
            f.run(Duration.ofSeconds(3), STEP);

            assertThat(f.textsTo(1)).containsExactly("x");
            assertThat(f.textsTo(2)).isEmpty();
            assertThat(a.finished()).containsExactly(new Announcements.Report(id, ADMIN, 1, 1, 0));
        }
    }

    @Test
    void the_count_comes_once_when_every_row_is_finished() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.api.answer(2, new SendResult.ChatGone("Forbidden: bot was blocked by the user"));
            f.api.answer(3, new SendResult.Rejected("Bad Request: something"));
            Announcements a = new Announcements(f.db);
            long id = a.draft(ADMIN, ADMIN, "x", NOW);
            a.confirm(id, ADMIN, ADMIN, List.of(user(1), user(2), user(3), user(4)), NOW);
            assertThat(a.finished()).as("nothing sent yet").isEmpty();

            f.start();
            f.run(Duration.ofSeconds(5), STEP);

            assertThat(a.finished()).containsExactly(new Announcements.Report(id, ADMIN, 2, 1, 1));
            assertThat(a.markReported(id)).isTrue();
            assertThat(a.markReported(id)).isFalse();
            assertThat(a.finished()).isEmpty();
        }
    }

    @Test
    void a_restart_resumes_an_announcement_without_resending() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            Announcements a = new Announcements(f.db);
            a.confirm(a.draft(ADMIN, ADMIN, "x", NOW), ADMIN, ADMIN, List.of(user(1), user(2)), NOW);
            long first = f.outbox.pendingFor(1, NOW.minusSeconds(60), 10).get(0).id();
            f.outbox.markDelivered(List.of(first), NOW); // chat 1 was served before the crash
            f.keepDatabase();
        }
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.start();
            f.run(Duration.ofSeconds(3), STEP);
            assertThat(f.textsTo(1)).isEmpty();
            assertThat(f.textsTo(2)).containsExactly("x");
        }
    }

    @Test
    void migration_v8_keeps_every_outbox_row_and_its_id() {
        assumeTrue(engine == Engine.SQLITE, "SQLite's V8 rebuilds the outbox; PostgreSQL's alters it in place");
        Path file = dir.resolve("khobor.db");
        long headlineId;
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline h = f.headline("a");
            headlineId = h.id();
            f.outbox.enqueue(List.of(user(1), user(2)), h.id(), NOW);
            f.outbox.markDelivered(List.of(f.outbox.pendingFor(1, NOW.minusSeconds(60), 10).get(0).id()), NOW);
            // Back to the outbox as V3 made it, as if V8 had not run yet.
            f.db.transaction(c -> {
                Statements.update(c, "CREATE TABLE outbox_v3 (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " chat_id INTEGER NOT NULL, chat_kind TEXT NOT NULL,"
                        + " headline_id INTEGER NOT NULL REFERENCES headlines(id) ON DELETE CASCADE,"
                        + " enqueued_ms INTEGER NOT NULL, not_before_ms INTEGER NOT NULL DEFAULT 0,"
                        + " status TEXT NOT NULL DEFAULT 'pending', finished_ms INTEGER, UNIQUE (chat_id, headline_id))");
                Statements.update(c, "INSERT INTO outbox_v3 SELECT id, chat_id, chat_kind, headline_id, enqueued_ms,"
                        + " not_before_ms, status, finished_ms FROM outbox");
                Statements.update(c, "DROP TABLE outbox");
                Statements.update(c, "ALTER TABLE outbox_v3 RENAME TO outbox");
                Statements.update(c, "DROP TABLE announcements");
                return Statements.update(c, "DELETE FROM schema_version WHERE version = 8");
            });
        }
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            Outbox outbox = new Outbox(db);
            assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 1, 0, 0, 0));
            assertThat(outbox.pendingFor(2, NOW.minusSeconds(60), 10))
                    .containsExactly(new PendingDelivery(2, 2, headlineId, NOW));
            assertThat(outbox.enqueue(List.of(user(1), user(2), user(3)), headlineId, NOW)).as("still unique").isEqualTo(1);
            db.transaction(c -> Statements.update(c, "DELETE FROM headlines WHERE id = ?", headlineId));
            assertThat(outbox.counts()).as("still cascades").isEqualTo(new OutboxCounts(0, 0, 0, 0, 0));
        }
    }
}
