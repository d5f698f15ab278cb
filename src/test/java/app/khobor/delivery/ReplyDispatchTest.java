package app.khobor.delivery;

import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replies under a chat's rate penalty: answers must come promptly or not at all; and replies obey the group limit. */
class ReplyDispatchTest {
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
            }
            f.run(Duration.ofSeconds(40), Duration.ofMillis(500));
            assertThat(f.textsTo(-5)).as("1/s for the chat, but only 20 a minute for a group").hasSize(20);

            f.run(Duration.ofSeconds(25), Duration.ofMillis(500));
            assertThat(f.textsTo(-5)).hasSize(21).last().isEqualTo("answer 21");
        }
    }
}
