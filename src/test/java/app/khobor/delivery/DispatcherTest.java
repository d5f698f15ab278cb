package app.khobor.delivery;

import static app.khobor.delivery.Fixture.group;
import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Engine;
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

@ParameterizedClass
@EnumSource(Engine.class)
class DispatcherTest {
    @Parameter
    Engine engine;

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration STEP = Duration.ofMillis(100);

    @TempDir
    Path dir;

    @Test
    void each_chat_gets_a_headline_exactly_once_even_when_published_twice() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.start();
            StoredHeadline h = f.publish("ekti", user(1), user(2));
            f.broadcaster.publish(List.of(h));
            f.run(Duration.ofSeconds(5), STEP);

            assertThat(f.textsTo(1)).containsExactly("<b>H</b> ekti");
            assertThat(f.textsTo(2)).containsExactly("<b>H</b> ekti");
            assertThat(f.outbox.counts().delivered()).isEqualTo(2);
            assertThat(f.outbox.counts().pending()).isZero();
        }
    }

    @Test
    void pending_deliveries_resume_after_a_restart() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.publish("before the crash", user(1), user(2)); // never started: nothing sent
            assertThat(f.api.calls()).isEmpty();
            f.keepDatabase();
        }
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.start();
            f.run(Duration.ofSeconds(3), STEP);
            assertThat(f.textsTo(1)).containsExactly("<b>H</b> before the crash");
            assertThat(f.textsTo(2)).containsExactly("<b>H</b> before the crash");
            f.keepDatabase();
        }
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.start();
            f.run(Duration.ofSeconds(3), STEP);
            assertThat(f.api.calls()).as("delivered rows are not sent again").isEmpty();
        }
    }

    @Test
    void a_message_in_flight_at_a_crash_is_sent_again_once() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.publish("in flight", user(1));
            // The first process sent it but died before marking it delivered.
            f.api.send(OutgoingMessage.html(1, false, "<b>H</b> in flight"), false);
            f.keepDatabase();
        }
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.start();
            f.run(Duration.ofSeconds(5), STEP);
            assertThat(f.textsTo(1)).containsExactly("<b>H</b> in flight");
            assertThat(f.outbox.counts().delivered()).isEqualTo(1);
        }
    }

    @Test
    void more_than_digest_over_pending_headlines_go_as_one_digest() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            for (int i = 1; i <= 6; i++) {
                f.publish("h" + i, user(1));
            }
            f.start();
            f.run(Duration.ofSeconds(5), STEP);

            assertThat(f.textsTo(1)).containsExactly("D h1 h2 h3 h4 h5 h6");
            assertThat(f.outbox.counts().delivered()).isEqualTo(6);
            assertThat(f.dispatcher.stats().snapshot().digests()).isEqualTo(1);
        }
    }

    @Test
    void five_pending_headlines_go_one_by_one_at_most_one_per_second() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            for (int i = 1; i <= 5; i++) {
                f.publish("h" + i, user(1));
            }
            f.start();
            f.run(Duration.ofSeconds(10), STEP);

            assertThat(f.textsTo(1)).containsExactly("<b>H</b> h1", "<b>H</b> h2", "<b>H</b> h3", "<b>H</b> h4", "<b>H</b> h5");
            assertThat(Limits.violations(f.api.calls(), 1, 20, 30)).isZero();
        }
    }

    @Test
    void a_long_digest_goes_in_parts_each_within_the_chat_limit_and_each_part_marks_its_headlines() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.formatter.digestPartSize = 3;
            for (int i = 1; i <= 7; i++) {
                f.publish("h" + i, user(1));
            }
            f.start();
            assertThat(f.textsTo(1)).containsExactly("D h1 h2 h3");
            assertThat(f.outbox.counts().delivered()).as("the first part's headlines").isEqualTo(3);

            f.run(Duration.ofSeconds(5), STEP);
            assertThat(f.textsTo(1)).containsExactly("D h1 h2 h3", "D h4 h5 h6", "D h7");
            assertThat(f.outbox.counts().delivered()).isEqualTo(7);
            assertThat(Limits.violations(f.api.calls(), 1, 20, 30)).isZero();
        }
    }

    @Test
    void a_long_429_in_the_middle_of_a_digest_sends_the_remaining_parts_and_each_headline_once() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.formatter.digestPartSize = 3;
            f.api.answer(1, new SendResult.Sent(1), new SendResult.RetryAfter(Duration.ofMinutes(5)));
            for (int i = 1; i <= 7; i++) {
                f.publish("h" + i, user(1));
            }
            f.start();
            f.run(Duration.ofMinutes(7), SECOND);

            List<RecordingBotApi.Call> calls = f.api.callsTo(1);
            assertThat(calls).extracting(RecordingBotApi.Call::text)
                    .as("the second part refused once, then the parts still to come")
                    .containsExactly("D h1 h2 h3", "D h4 h5 h6", "D h4 h5 h6", "D h7");
            assertThat(Duration.between(calls.get(1).at(), calls.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
            assertThat(f.outbox.counts().delivered()).isEqualTo(7);
            assertThat(f.dispatcher.stats().snapshot().sent()).isEqualTo(7);
        }
    }

    @Test
    void a_rejected_later_part_of_a_digest_leaves_the_earlier_parts_delivered_and_the_rest_still_goes() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.formatter.digestPartSize = 3;
            f.api.answer(1, new SendResult.Sent(1), new SendResult.Rejected("Bad Request: message is too long"));
            for (int i = 1; i <= 7; i++) {
                f.publish("h" + i, user(1));
            }
            f.start();
            f.run(Duration.ofSeconds(10), STEP);

            assertThat(f.textsTo(1)).containsExactly("D h1 h2 h3", "D h4 h5 h6", "<b>H</b> h7");
            assertThat(f.outbox.counts().delivered()).isEqualTo(4);
            assertThat(f.outbox.counts().failed()).as("only the refused part's headlines").isEqualTo(3);
        }
    }

    @Test
    void a_chat_that_stops_gets_none_of_its_queued_pushes_while_others_still_do() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            for (int i = 1; i <= 4; i++) {
                f.publish("h" + i, user(1), user(2));
            }
            f.start();
            assertThat(f.textsTo(1)).containsExactly("<b>H</b> h1");

            f.stop(1);
            f.run(Duration.ofSeconds(10), STEP);

            assertThat(f.textsTo(1)).containsExactly("<b>H</b> h1");
            assertThat(f.textsTo(2)).containsExactly("<b>H</b> h1", "<b>H</b> h2", "<b>H</b> h3", "<b>H</b> h4");
            assertThat(f.outbox.counts().dropped()).isEqualTo(3);
            assertThat(f.outbox.counts().pending()).isZero();
            assertThat(f.dispatcher.stats().snapshot().unwanted()).isEqualTo(3);
        }
    }

    @Test
    void a_headline_the_chat_no_longer_wants_is_dropped_and_the_others_still_go() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            StoredHeadline h1 = f.publish("h1", user(1));
            StoredHeadline h2 = f.publish("h2", user(1));
            f.publish("h3", user(1));
            f.audience.put(h2.id(), List.of()); // its source turned off, or a keyword unfollowed
            f.start();
            f.run(Duration.ofSeconds(5), STEP);

            assertThat(f.textsTo(1)).containsExactly("<b>H</b> h1", "<b>H</b> h3");
            assertThat(f.outbox.counts().dropped()).isEqualTo(1);
            assertThat(h1.id()).isLessThan(h2.id());
        }
    }

    @Test
    void a_chat_that_stops_halfway_through_a_digest_gets_no_more_parts() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.formatter.digestPartSize = 3;
            for (int i = 1; i <= 7; i++) {
                f.publish("h" + i, user(1));
            }
            f.start();
            assertThat(f.textsTo(1)).containsExactly("D h1 h2 h3");

            f.stop(1);
            f.run(Duration.ofSeconds(5), STEP);

            assertThat(f.textsTo(1)).containsExactly("D h1 h2 h3");
            assertThat(f.outbox.counts().delivered()).isEqualTo(3);
            assertThat(f.outbox.counts().dropped()).isEqualTo(4);
        }
    }

    @Test
    void a_database_error_while_acting_on_telegrams_answer_does_not_leave_the_chat_stuck() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            failUpdates(f, "not_before_ms", null); // deferChat, after a long 429
            f.api.answer(1, new SendResult.RetryAfter(Duration.ofMinutes(5)));
            f.publish("first", user(1));
            f.start();
            f.run(Duration.ofSeconds(5), STEP);
            assertThat(f.textsTo(1)).hasSize(1);

            healUpdates(f);
            f.publish("second", user(1), user(2));
            f.run(Duration.ofMinutes(10), SECOND);

            assertThat(f.textsTo(1)).containsExactly("<b>H</b> first", "<b>H</b> first", "<b>H</b> second");
            assertThat(f.outbox.counts().pending()).isZero();
        }
    }

    @Test
    void a_database_error_while_acting_on_a_replys_answer_tries_the_reply_again() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            failUpdates(f, "status", "NEW.status = 'dropped'"); // dropChat, for a gone chat
            f.publish("waiting", user(1));
            f.outbox.deferChat(1, Fixture.START.plus(Duration.ofHours(1))); // a pending row that dropChat must drop
            f.api.answer(1, new SendResult.ChatGone("Forbidden: bot was blocked by the user"),
                    new SendResult.ChatGone("Forbidden: bot was blocked by the user"));
            f.start();
            f.dispatcher.reply(OutgoingMessage.html(1, false, "answer"));
            f.awaitQuiet();
            assertThat(f.events.heard).isEmpty();

            healUpdates(f);
            f.run(Duration.ofSeconds(5), STEP);

            assertThat(f.textsTo(1)).containsExactly("answer", "answer");
            assertThat(f.events.heard).containsExactly("gone 1");
            assertThat(f.outbox.counts().dropped()).isEqualTo(1);
        }
    }

    /** Every update of the outbox's {@code column} (where {@code condition} holds) fails, as on a full or broken disk. */
    private void failUpdates(Fixture f, String column, String condition) {
        String when = condition == null ? "" : engine == Engine.SQLITE ? " WHEN " + condition : " WHEN (" + condition + ")";
        String trigger = "CREATE TRIGGER broken_disk BEFORE UPDATE OF " + column + " ON outbox";
        f.db.transaction(c -> switch (engine) {
            case SQLITE -> c.createStatement().executeUpdate(trigger + when
                    + " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
            case POSTGRESQL -> c.createStatement().executeUpdate("CREATE FUNCTION broken_disk() RETURNS trigger"
                    + " LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk I/O error'; END $$;"
                    + trigger + " FOR EACH ROW" + when + " EXECUTE FUNCTION broken_disk()");
        });
    }

    private void healUpdates(Fixture f) {
        f.db.transaction(c -> c.createStatement().executeUpdate(engine == Engine.SQLITE ? "DROP TRIGGER broken_disk"
                : "DROP TRIGGER broken_disk ON outbox"));
    }

    @Test
    void replies_go_ahead_of_pushes_during_a_broadcast() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            Recipient[] many = new Recipient[200];
            for (int i = 0; i < many.length; i++) {
                many[i] = user(1000 + i);
            }
            f.publish("broadcast", many);
            f.start();
            assertThat(f.api.calls()).hasSize(30);

            f.dispatcher.reply(OutgoingMessage.html(7, false, "search result"));
            f.dispatcher.answerCallback("cb-1", "");
            f.run(Duration.ofMillis(1100), STEP);

            // Sends started at the same instant reach the fake in thread order, so compare start times, not positions:
            // the reply and the callback answer take the very first budget that frees up.
            List<RecordingBotApi.Call> nextSecond = f.api.calls().subList(30, f.api.calls().size());
            Instant first = nextSecond.stream().map(RecordingBotApi.Call::at).min(Instant::compareTo).orElseThrow();
            assertThat(nextSecond).filteredOn(c -> "search result".equals(c.text()))
                    .singleElement().extracting(RecordingBotApi.Call::at).isEqualTo(first);
            assertThat(nextSecond).filteredOn(c -> c.method().equals("answerCallback"))
                    .singleElement().extracting(RecordingBotApi.Call::at).isEqualTo(first);
            assertThat(nextSecond).filteredOn(c -> c.at().equals(first)).hasSizeLessThanOrEqualTo(30);
        }
    }

    @Test
    void a_chat_with_fifty_pending_headlines_does_not_hold_back_others() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settingsWithDigestOver(100))) {
            for (int i = 1; i <= 50; i++) {
                f.publish("a" + i, user(1));
            }
            f.publish("b1", user(2));
            f.start();
            f.run(Duration.ofSeconds(1), STEP);
            assertThat(f.textsTo(2)).containsExactly("<b>H</b> b1");
            assertThat(f.textsTo(1)).hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void per_chat_per_group_and_global_limits_are_never_exceeded() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settingsWithDigestOver(1000))) {
            Recipient[] to = {user(1), user(2), user(3), group(-10), group(-11)};
            Recipient[] crowd = new Recipient[100];
            for (int i = 0; i < crowd.length; i++) {
                crowd[i] = i % 2 == 0 ? user(100 + i) : group(-100 - i);
            }
            f.publish("crowd", crowd);
            for (int i = 1; i <= 25; i++) {
                f.publish("h" + i, to);
            }
            f.start();
            f.run(Duration.ofSeconds(150), STEP);

            assertThat(f.api.calls()).hasSize(100 + 25 * 5);
            assertThat(Limits.violations(f.api.calls(), 1, 20, 30)).isZero();
            assertThat(f.api.callsTo(-10)).hasSize(25);
        }
    }

    @Test
    void a_broadcast_to_many_chats_uses_the_whole_global_budget_and_no_more() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            Recipient[] many = new Recipient[300];
            for (int i = 0; i < many.length; i++) {
                many[i] = user(1000 + i);
            }
            f.publish("broadcast", many);
            f.start();
            f.run(Duration.ofMillis(10_500), Duration.ofMillis(10));

            assertThat(f.api.calls()).hasSize(300);
            assertThat(Limits.violations(f.api.calls(), 1, 20, 30)).isZero();
        }
    }

    @Test
    void a_three_hour_retry_after_keeps_the_message_while_others_proceed() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.api.answer(1, new SendResult.RetryAfter(Duration.ofHours(3)));
            f.publish("first", user(1), user(2));
            f.start();
            f.publish("second", user(1), user(2));
            f.run(Duration.ofSeconds(5), STEP);
            assertThat(f.textsTo(1)).hasSize(1);
            assertThat(f.textsTo(2)).containsExactly("<b>H</b> first", "<b>H</b> second");
            assertThat(f.outbox.counts().pending()).isEqualTo(2);

            f.run(Duration.ofHours(3).minusMinutes(1), Duration.ofMinutes(1));
            assertThat(f.textsTo(1)).as("still waiting").hasSize(1);
            f.run(Duration.ofMinutes(2), SECOND);
            assertThat(f.textsTo(1)).containsExactly("<b>H</b> first", "<b>H</b> first", "<b>H</b> second");
            assertThat(f.outbox.counts().pending()).isZero();
            assertThat(f.dispatcher.currentGlobalRate()).as("one chat's 429 does not slow everyone").isEqualTo(30);
        }
    }

    @Test
    void a_gone_chat_is_reported_and_its_pending_deliveries_dropped() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.api.answer(1, new SendResult.ChatGone("Forbidden: bot was blocked by the user"));
            f.publish("a", user(1), user(2));
            f.publish("b", user(1));
            f.start();
            f.run(Duration.ofSeconds(5), STEP);

            assertThat(f.events.heard).containsExactly("gone 1");
            assertThat(f.textsTo(1)).hasSize(1);
            assertThat(f.dispatcher.stats().snapshot().droppedForGone()).isEqualTo(2);
            assertThat(f.outbox.counts().dropped()).isEqualTo(2);
            assertThat(f.textsTo(2)).hasSize(1);
        }
    }

    @Test
    void a_migrated_group_gets_its_pushes_at_the_new_id() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.api.answer(-100, new SendResult.Migrated(-200));
            f.publish("a", group(-100));
            f.publish("b", group(-100));
            f.start();
            f.run(Duration.ofSeconds(5), STEP);

            assertThat(f.events.heard).containsExactly("migrated -100 -200");
            assertThat(f.textsTo(-200)).containsExactly("<b>H</b> a", "<b>H</b> b");
            assertThat(f.outbox.counts().delivered()).isEqualTo(2);
        }
    }

    @Test
    void bad_markup_is_resent_once_as_plain_text() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.api.answer(1, new SendResult.BadMarkup("Bad Request: can't parse entities"));
            f.headline("unused");
            StoredHeadline h = f.headline("A &amp; B");
            f.audience.put(h.id(), List.of(user(1)));
            f.broadcaster.publish(List.of(h));
            f.start();
            f.run(Duration.ofSeconds(3), STEP);

            assertThat(f.api.callsTo(1)).extracting(RecordingBotApi.Call::method).containsExactly("send", "sendPlain");
            assertThat(f.textsTo(1).get(1)).isEqualTo("H A & B");
            assertThat(f.outbox.counts().delivered()).isEqualTo(1);
            assertThat(f.dispatcher.stats().snapshot().plainFallback()).isEqualTo(1);
        }
    }

    @Test
    void transient_failures_back_off_and_then_succeed() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.api.answer(1, new SendResult.TransientFailure("502"), new SendResult.TransientFailure("timeout"));
            f.publish("a", user(1));
            f.start();
            f.run(Duration.ofSeconds(10), Duration.ofMillis(50));

            List<RecordingBotApi.Call> calls = f.api.callsTo(1);
            assertThat(calls).hasSize(3);
            // infra.Backoff: 1 s, then 2 s, each +-20% jitter; the fake clock moves in 50 ms steps.
            assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isBetween(Duration.ofMillis(800), Duration.ofMillis(1250));
            assertThat(Duration.between(calls.get(1).at(), calls.get(2).at())).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2450));
            assertThat(f.outbox.counts().delivered()).isEqualTo(1);
            assertThat(f.dispatcher.stats().snapshot().retried()).isEqualTo(2);
        }
    }

    @Test
    void while_telegram_is_down_the_queue_is_kept_and_sends_pause() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            for (long chat = 1; chat <= 20; chat++) {
                f.api.answer(chat, new SendResult.TransientFailure("503"), new SendResult.TransientFailure("503"),
                        new SendResult.TransientFailure("503"));
            }
            Recipient[] to = new Recipient[20];
            for (int i = 0; i < 20; i++) {
                to[i] = user(i + 1);
            }
            f.publish("a", to);
            f.start();
            f.run(Duration.ofMinutes(10), Duration.ofMillis(200));

            assertThat(f.api.calls().size()).as("no hammering: 3 failures and 1 success per chat").isEqualTo(80);
            assertThat(f.outbox.counts().delivered()).isEqualTo(20);
        }
    }

    @Test
    void a_rejected_push_is_marked_failed_and_not_retried() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.api.answer(1, new SendResult.Rejected("Bad Request: message is too long"));
            f.publish("a", user(1));
            f.start();
            f.run(Duration.ofSeconds(10), STEP);
            assertThat(f.api.callsTo(1)).hasSize(1);
            assertThat(f.outbox.counts().failed()).isEqualTo(1);
        }
    }

    @Test
    void deliveries_older_than_max_age_are_dropped_as_stale() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.publish("old", user(1), user(2));
            f.clock.advance(Duration.ofHours(6).plusMinutes(1));
            f.publish("fresh", user(1));
            f.start();
            f.run(Duration.ofSeconds(3), STEP);

            assertThat(f.textsTo(1)).containsExactly("<b>H</b> fresh");
            assertThat(f.textsTo(2)).isEmpty();
            assertThat(f.dispatcher.stats().snapshot().stale()).isEqualTo(2);
            assertThat(f.outbox.counts().stale()).isEqualTo(2);
        }
    }

    @Test
    void a_callback_answer_is_not_held_back_by_the_chat_window() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.start();
            f.dispatcher.reply(OutgoingMessage.html(1, false, "one"));
            f.dispatcher.reply(OutgoingMessage.html(1, false, "two"));
            f.dispatcher.answerCallback("cb", "ok");
            f.awaitQuiet();
            // "one" and the callback answer go in the same pass, on two sender threads: their order is not defined.
            assertThat(f.api.calls()).extracting(RecordingBotApi.Call::method)
                    .containsExactlyInAnyOrder("send", "answerCallback");
            assertThat(f.textsTo(1)).as("two waits for the chat's window").containsExactly("one");
            f.run(Duration.ofSeconds(2), STEP);
            assertThat(f.textsTo(1)).containsExactly("one", "two");
        }
    }

    @Test
    void four_29s_for_different_chats_slow_the_whole_sender_and_it_recovers() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            for (long chat = 1; chat <= 4; chat++) {
                f.api.answer(chat, new SendResult.RetryAfter(Duration.ofSeconds(2)));
            }
            f.publish("a", user(1), user(2), user(3), user(4));
            f.start();
            assertThat(f.dispatcher.currentGlobalRate()).isLessThan(30);
            assertThat(f.dispatcher.stats().snapshot().tooManyRequests()).isEqualTo(4);

            f.run(Duration.ofMinutes(5), SECOND);
            assertThat(f.dispatcher.currentGlobalRate()).isEqualTo(30);
            assertThat(f.outbox.counts().delivered()).isEqualTo(4);
        }
    }
}
