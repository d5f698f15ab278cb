package app.khobor.delivery;

import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.fakes.AtOnce;
import app.khobor.news.StoredHeadline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** One push per story per chat, decided from the stored outbox and stories: the rule survives a restart. */
@ParameterizedClass
@EnumSource(Engine.class)
class StoryRuleTest {
    @Parameter
    Engine engine;

    private static final Instant NOW = Fixture.START;

    @TempDir
    Path dir;

    /** A headline of {@code source} stored in story {@code story} (0: its own), first seen {@code minutes} after NOW. */
    private static StoredHeadline headline(Fixture f, String source, long story, int minutes) {
        long at = NOW.plus(Duration.ofMinutes(minutes)).toEpochMilli();
        long id = f.db.transaction(c -> Statements.first(c, "INSERT INTO headlines(source_id, title, key, url, canonical_url,"
                + " first_seen, story_id) VALUES (?, 't', 't', 'u', ?, ?, ?) RETURNING id", rs -> rs.getLong(1),
                source, source + System.nanoTime(), at, story == 0 ? null : story).orElseThrow());
        return new StoredHeadline(id, source, "t", "t", "u", "u", null, Instant.ofEpochMilli(at), null,
                story == 0 ? id : story);
    }

    private static void choose(Fixture f, long chatId, int stories, int topPortals) {
        f.db.transaction(c -> {
            Statements.update(c, "INSERT INTO chats(id, kind, created_at, updated_at) VALUES (?, 'PRIVATE', 0, 0)", chatId);
            return Statements.update(c, "INSERT INTO chat_settings(chat_id, stories, top_portals) VALUES (?, ?, ?)",
                    chatId, stories, topPortals);
        });
    }

    private static List<String> statusesOf(Fixture f, long chatId) {
        return f.db.read(c -> Statements.list(c, "SELECT status FROM outbox WHERE chat_id = ? ORDER BY id",
                rs -> rs.getString(1), chatId));
    }

    @Test
    void a_chat_with_the_story_queued_or_delivered_gets_no_other_portals_copy() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline first = headline(f, "samakal", 0, 0);
            StoredHeadline copy = headline(f, "jugantor", first.id(), 10);
            StoredHeadline third = headline(f, "prothomalo", first.id(), 20);

            assertThat(f.outbox.enqueue(List.of(user(1)), first, NOW)).isEqualTo(1);
            assertThat(f.outbox.enqueue(List.of(user(1), user(2)), copy, NOW)).as("only chat 2 had none").isEqualTo(1);
            f.outbox.markDelivered(f.outbox.pendingFor(1, NOW.minusSeconds(60), 10).stream().map(PendingDelivery::id).toList(), NOW);
            assertThat(f.outbox.enqueue(List.of(user(1), user(2)), third, NOW)).isZero();

            assertThat(statusesOf(f, 1)).containsExactly("delivered", "merged", "merged");
            assertThat(statusesOf(f, 2)).containsExactly("pending", "merged");
        }
    }

    @Test
    void a_chat_that_turned_merging_off_gets_every_copy() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            choose(f, 1, StoryRule.EVERY_COPY, 3);
            StoredHeadline first = headline(f, "samakal", 0, 0);
            StoredHeadline copy = headline(f, "jugantor", first.id(), 10);

            f.outbox.enqueue(List.of(user(1)), first, NOW);
            f.outbox.enqueue(List.of(user(1)), copy, NOW);

            assertThat(statusesOf(f, 1)).containsExactly("pending", "pending");
        }
    }

    @Test
    void a_top_stories_chat_gets_the_story_when_the_kth_portal_joins_within_the_time() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            choose(f, 1, StoryRule.TOP, 3);
            StoredHeadline first = headline(f, "samakal", 0, 0);
            StoredHeadline second = headline(f, "jugantor", first.id(), 10);
            StoredHeadline third = headline(f, "prothomalo", first.id(), 30);
            StoredHeadline fourth = headline(f, "ittefaq", first.id(), 40);
            StoredHeadline lone = headline(f, "samakal", 0, 0);
            StoredHeadline lateSecond = headline(f, "jugantor", lone.id(), 60);
            StoredHeadline lateThird = headline(f, "ittefaq", lone.id(), 121);

            for (StoredHeadline h : List.of(first, second, third, fourth, lone, lateSecond, lateThird)) {
                f.outbox.enqueue(List.of(user(1)), h, NOW);
            }

            List<String> rows = f.db.read(c -> Statements.list(c,
                    "SELECT headline_id || ':' || status FROM outbox WHERE chat_id = 1 ORDER BY id", rs -> rs.getString(1)));
            assertThat(rows)
                    .as("pushed at the third portal; the fourth merged; a third portal after two hours does not count")
                    .containsExactly(third.id() + ":pending", fourth.id() + ":merged");
        }
    }

    @Test
    void a_top_stories_chat_that_does_not_want_the_kth_copy_gets_the_next_one() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            choose(f, 1, StoryRule.TOP, 2);
            StoredHeadline first = headline(f, "samakal", 0, 0);
            StoredHeadline second = headline(f, "jugantor", first.id(), 10);
            StoredHeadline third = headline(f, "ittefaq", first.id(), 20);

            f.outbox.enqueue(List.of(user(1)), first, NOW);
            f.outbox.enqueue(List.of(), second, NOW); // jugantor is off for the chat: not among the recipients
            f.outbox.enqueue(List.of(user(1)), third, NOW);

            assertThat(statusesOf(f, 1)).containsExactly("pending");
            assertThat(f.outbox.pendingFor(1, NOW.minusSeconds(60), 10)).extracting(PendingDelivery::headlineId)
                    .containsExactly(third.id());
        }
    }

    @Test
    void two_copies_of_a_story_enqueued_at_once_still_give_each_chat_one_push() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline first = headline(f, "samakal", 0, 0);
            f.outbox.enqueue(List.of(user(1_000)), first, NOW);
            List<Recipient> chats = LongStream.rangeClosed(1, 200).mapToObj(Fixture::user).toList();
            for (int round = 0; round < 3; round++) {
                StoredHeadline copy = headline(f, "jugantor" + round, first.id(), 10);
                StoredHeadline other = headline(f, "ittefaq" + round, first.id(), 11);

                List<Integer> added = AtOnce.run(() -> f.outbox.enqueue(chats, copy, NOW),
                        () -> f.outbox.enqueue(chats, other, NOW));

                assertThat(added.get(0) + added.get(1)).as("one push per chat, in round " + round)
                        .isEqualTo(round == 0 ? 200 : 0);
            }
            assertThat((long) f.db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM outbox WHERE status = 'merged'")))
                    .isEqualTo(200 * 5L);
        }
    }
}
