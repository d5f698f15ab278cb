package app.khobor.delivery;

import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies under a chat's rate penalty and through a Telegram outage: answers come as soon as they can, or not at all
 * once stale; they obey the group limit; a flood of commands neither grows memory nor starves the pushes.
 */
class ReplyDispatchTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void a_reply_to_a_chat_sitting_out_a_three_hour_429_is_dropped_not_sent_hours_later() {
        try (Fixture f = new Fixture(dir, Fixture.settings())) {
            f.api.answer(1, new SendResult.RetryAfter(Duration.ofHours(3)));
            f.publish("first", user(1));
            f.start();
            f.run(Duration.ofSeconds(5), Duration.ofMillis(100));

            f.dispatcher.reply(OutgoingMessage.html(1, false, "answer to /help"));
            f.run(Duration.ofHours(3), Duration.ofMinutes(1));

            assertThat(f.api.callsTo(1)).extracting(RecordingBotApi.Call::text).doesNotContain("answer to /help");
        }
    }

    @Test
    void a_reply_to_a_chat_waiting_a_second_goes_out_after_that_second() {
        try (Fixture f = new Fixture(dir, Fixture.settings())) {
            f.publish("first", user(1));
            f.start();
            f.run(Duration.ofMillis(200), Duration.ofMillis(100));

            f.dispatcher.reply(OutgoingMessage.html(1, false, "answer to /help"));
            f.run(Duration.ofSeconds(3), Duration.ofMillis(100));

            assertThat(f.api.callsTo(1)).extracting(RecordingBotApi.Call::text).contains("answer to /help");
        }
    }

    @Test
    void replies_to_a_group_share_the_twenty_a_minute_group_limit_like_pushes() {
        try (Fixture f = new Fixture(dir, Fixture.settings())) {
            f.start();
            for (int i = 1; i <= 21; i++) {
                f.dispatcher.reply(OutgoingMessage.html(-5, true, "answer " + i));
                if (i % 10 == 0) {
                    f.run(Duration.ofSeconds(16), Duration.ofMillis(500)); // a chat has at most ten replies queued
                }
            }
            f.run(Duration.ofSeconds(8), Duration.ofMillis(500));
            assertThat(f.textsTo(-5)).as("1/s for the chat, but only 20 a minute for a group").hasSize(20);

            f.run(Duration.ofSeconds(25), Duration.ofMillis(500));
            assertThat(f.textsTo(-5)).hasSize(21).last().isEqualTo("answer 21");
        }
    }

    @Test
    void a_start_during_a_five_minute_outage_gets_its_welcome_once_telegram_is_back() {
        try (Fixture f = new Fixture(dir, Fixture.settings())) {
            Instant back = Fixture.START.plus(Duration.ofMinutes(5));
            f.api.downUntil(back);
            f.start();
            f.dispatcher.reply(OutgoingMessage.html(1, false, "welcome"));
            f.run(Duration.ofMinutes(7), SECOND);

            List<RecordingBotApi.Call> calls = f.api.callsTo(1);
            assertThat(calls).as("retried during the outage").hasSizeGreaterThan(3);
            assertThat(calls).filteredOn(c -> !c.at().isBefore(back)).singleElement()
                    .satisfies(c -> assertThat(c.text()).isEqualTo("welcome"))
                    .satisfies(c -> assertThat(c.at()).as("retries are at most a minute apart, +-20%%")
                            .isBefore(back.plusSeconds(75)));
        }
    }

    @Test
    void a_reply_telegram_could_not_take_for_ten_minutes_is_dropped_not_sent_late() {
        try (Fixture f = new Fixture(dir, Fixture.settings())) {
            f.api.downUntil(Fixture.START.plus(Duration.ofMinutes(15)));
            f.start();
            f.dispatcher.reply(OutgoingMessage.html(1, false, "welcome"));
            f.run(Duration.ofMinutes(20), SECOND);

            assertThat(f.api.callsTo(1)).isNotEmpty()
                    .allMatch(c -> c.at().isBefore(Fixture.START.plus(ReplyQueue.MAX_AGE)));
        }
    }

    @Test
    void a_flood_of_commands_from_one_chat_keeps_ten_replies_and_answers_the_rest_with_one_slow_down() {
        try (Fixture f = new Fixture(dir, Fixture.settings())) {
            for (int i = 1; i <= 10_000; i++) { // all queued before the first is sent
                f.dispatcher.reply(OutgoingMessage.html(1, false, "answer " + i));
            }
            f.start();
            f.run(Duration.ofSeconds(30), SECOND);

            List<String> texts = f.textsTo(1);
            assertThat(texts).hasSize(ReplyQueue.PER_CHAT + 1).startsWith("answer 1", "answer 2")
                    .contains("answer " + ReplyQueue.PER_CHAT).last().isEqualTo(ReplyQueue.SLOW_DOWN);

            f.dispatcher.reply(OutgoingMessage.html(1, false, "later"));
            f.run(Duration.ofSeconds(3), SECOND);
            assertThat(f.textsTo(1)).as("drained: answered again").last().isEqualTo("later");
        }
    }

    @Test
    void a_flood_of_commands_from_many_chats_leaves_pushes_a_third_of_the_rate() {
        try (Fixture f = new Fixture(dir, Fixture.settings())) {
            f.start();
            for (long chat = 10_000; chat < 11_000; chat++) {
                f.dispatcher.reply(OutgoingMessage.html(chat, false, "welcome"));
            }
            f.run(Duration.ofSeconds(2), Duration.ofMillis(50));
            Instant published = f.clock.instant();
            f.publish("news", LongStream.rangeClosed(1, 100).mapToObj(Fixture::user).toArray(Recipient[]::new));
            f.run(Duration.ofSeconds(12), Duration.ofMillis(50));

            List<RecordingBotApi.Call> pushes = f.api.calls().stream().filter(c -> c.chatId() <= 100).toList();
            assertThat(pushes.get(0).at()).as("the first push waits for one slot of the global window at most")
                    .isBefore(published.plusMillis(1100));
            assertThat(pushes).as("100 pushes at 10/s or more").hasSize(100)
                    .allMatch(c -> c.at().isBefore(published.plusSeconds(12)));
            assertThat(f.api.calls().stream().filter(c -> c.chatId() >= 10_000)
                    .filter(c -> !c.at().isBefore(published) && c.at().isBefore(published.plusSeconds(10))))
                    .as("replies take up to 2/3 of the 30/s meanwhile").hasSizeBetween(180, 210);
            assertThat(Limits.violations(f.api.calls(), 1, 20, 30)).isZero();

            f.run(Duration.ofSeconds(30), Duration.ofMillis(100));
            assertThat(f.api.calls().stream().filter(c -> c.chatId() >= 10_000)).hasSize(1000);
        }
    }
}
