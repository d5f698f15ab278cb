package app.khobor.delivery;

import static app.khobor.delivery.Fixture.group;
import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Engine;
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

@ParameterizedClass
@EnumSource(Engine.class)
class OutboxTest {
    @Parameter
    Engine engine;

    private static final Instant NOW = Fixture.START;

    @TempDir
    Path dir;

    @Test
    void enqueuing_the_same_chat_and_headline_twice_records_one_delivery() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline h = f.headline("a");
            assertThat(f.outbox.enqueue(List.of(user(1), user(2)), h.id(), NOW)).isEqualTo(2);
            assertThat(f.outbox.enqueue(List.of(user(1), user(3)), h.id(), NOW)).isEqualTo(1);
            assertThat(f.outbox.counts().pending()).isEqualTo(3);
        }
    }

    @Test
    void a_delivered_row_is_not_enqueued_again() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline h = f.headline("a");
            f.outbox.enqueue(List.of(user(1)), h.id(), NOW);
            f.outbox.markDelivered(List.of(f.outbox.pendingFor(1, NOW.minusSeconds(60), 10).get(0).id()), NOW);
            assertThat(f.outbox.enqueue(List.of(user(1)), h.id(), NOW)).isZero();
            assertThat(f.outbox.pendingFor(1, NOW.minusSeconds(60), 10)).isEmpty();
        }
    }

    @Test
    void deleting_a_headline_deletes_its_deliveries() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline h = f.headline("a");
            f.outbox.enqueue(List.of(user(1)), h.id(), NOW);
            f.db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM headlines WHERE id = " + h.id()));
            assertThat(f.outbox.counts()).isEqualTo(new OutboxCounts(0, 0, 0, 0, 0));
        }
    }

    @Test
    void pending_chats_come_in_pages_by_chat_id_without_chats_told_to_wait() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline h = f.headline("a");
            f.outbox.enqueue(List.of(user(5), group(-7), user(3), user(9)), h.id(), NOW);
            f.outbox.deferChat(5, NOW.plusSeconds(60));

            assertThat(f.outbox.pendingChats(Long.MIN_VALUE, NOW, 2))
                    .containsExactly(new PendingChat(-7, true, Instant.EPOCH), new PendingChat(3, false, Instant.EPOCH));
            assertThat(f.outbox.pendingChats(3, NOW, 2)).extracting(PendingChat::chatId).containsExactly(9L);
            assertThat(f.outbox.pendingChats(3, NOW.plusSeconds(60), 2)).extracting(PendingChat::chatId).containsExactly(5L, 9L);
        }
    }

    @Test
    void moving_a_chat_keeps_one_delivery_per_headline_at_the_new_id() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline a = f.headline("a");
            StoredHeadline b = f.headline("b");
            f.outbox.enqueue(List.of(group(-1)), a.id(), NOW);
            f.outbox.enqueue(List.of(group(-1), group(-2)), b.id(), NOW);

            assertThat(f.outbox.moveChat(-1, -2, NOW)).isEqualTo(1);
            assertThat(f.outbox.pendingFor(-2, NOW, 10)).extracting(PendingDelivery::headlineId).containsExactly(a.id(), b.id());
            assertThat(f.outbox.pendingFor(-1, NOW, 10)).isEmpty();
        }
    }

    @Test
    void stale_and_gone_rows_are_counted_apart() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline h = f.headline("a");
            f.outbox.enqueue(List.of(user(1), user(2)), h.id(), NOW);
            f.outbox.enqueue(List.of(user(3)), h.id(), NOW.plus(Duration.ofHours(1)));
            assertThat(f.outbox.dropChat(1, NOW)).isEqualTo(1);
            assertThat(f.outbox.dropStale(NOW.plusSeconds(1), NOW)).isEqualTo(1);
            assertThat(f.outbox.counts()).isEqualTo(new OutboxCounts(1, 0, 1, 1, 0));
        }
    }

    @Test
    void the_same_deliveries_enqueued_twice_at_once_are_recorded_once() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline h = f.headline("a");
            List<Recipient> chats = LongStream.rangeClosed(1, 200).mapToObj(Fixture::user).toList();

            List<Integer> added = AtOnce.run(() -> f.outbox.enqueue(chats, h.id(), NOW),
                    () -> f.outbox.enqueue(chats, h.id(), NOW));

            assertThat(added.get(0) + added.get(1)).isEqualTo(200);
            assertThat(f.outbox.counts().pending()).isEqualTo(200);
        }
    }

    @Test
    void a_row_finishes_once_when_a_send_a_drop_and_the_stale_sweep_race() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            for (int i = 0; i < 150; i++) {
                f.outbox.enqueue(List.of(user(1)), f.headline("h" + i).id(), NOW);
            }
            List<Long> ids = f.outbox.pendingFor(1, NOW, 1000).stream().map(PendingDelivery::id).toList();
            assertThat(ids).hasSize(150);
            List<Long> newestFirst = new java.util.ArrayList<>(ids);
            java.util.Collections.reverse(newestFirst);

            List<Integer> changed = AtOnce.run(() -> {
                f.outbox.markDelivered(ids, NOW);
                return 0;
            }, () -> f.outbox.markDropped(newestFirst, NOW), () -> f.outbox.dropStale(NOW.plusSeconds(1), NOW));

            OutboxCounts counts = f.outbox.counts();
            assertThat(counts.pending()).isZero();
            assertThat(counts.dropped()).isEqualTo((long) changed.get(1));
            assertThat(counts.stale()).isEqualTo((long) changed.get(2));
            assertThat(counts.delivered() + counts.dropped() + counts.stale()).isEqualTo(150);
        }
    }

    @Test
    void a_message_lists_the_most_portals_any_edit_listed() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.outbox.enqueue(List.of(user(1)), f.headline("a").id(), NOW);
            long row = f.outbox.pendingFor(1, NOW, 10).get(0).id();
            f.outbox.setStoryMore(row, 3);
            f.outbox.setStoryMore(row, 2); // an edit that listed fewer, finishing late
            assertThat(f.outbox.storyMore(row)).isEqualTo(3);
        }
    }

    @Test
    void a_chat_moved_while_headlines_are_queued_for_its_new_id_keeps_one_row_per_headline() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            for (int round = 0; round < 3; round++) {
                long oldId = -10 - round * 2;
                long newId = oldId - 1;
                List<Long> headlines = new java.util.ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    long id = f.headline("r" + round + "h" + i).id();
                    headlines.add(id);
                    f.outbox.enqueue(List.of(group(oldId)), id, NOW);
                }

                List<Integer> done = AtOnce.run(() -> {
                    int added = 0;
                    for (long id : headlines) {
                        added += f.outbox.enqueue(List.of(group(newId)), id, NOW);
                    }
                    return added;
                }, () -> f.outbox.moveChat(oldId, newId, NOW));

                assertThat(done.get(0) + done.get(1)).as("each headline once at the new id").isEqualTo(100);
                assertThat(f.outbox.pendingFor(newId, NOW, 1000)).extracting(PendingDelivery::headlineId)
                        .containsExactlyInAnyOrderElementsOf(headlines);
                assertThat(f.outbox.pendingFor(oldId, NOW, 1000)).isEmpty();
            }
        }
    }
}
