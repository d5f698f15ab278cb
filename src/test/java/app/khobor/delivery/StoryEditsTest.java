package app.khobor.delivery;

import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.news.StoredHeadline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The "আরও" edit of a sent push when another portal's copy is merged: once per new copy, never retried. */
@ParameterizedClass
@EnumSource(Engine.class)
class StoryEditsTest {
    @Parameter
    Engine engine;

    private static final Duration STEP = Duration.ofMillis(250);

    @TempDir
    Path dir;

    private static List<String> methods(Fixture f, long chatId) {
        return f.api.callsTo(chatId).stream().map(RecordingBotApi.Call::method).toList();
    }

    private static long storyMore(Fixture f, long headlineId) {
        return f.db.read(c -> Statements.number(c, "SELECT story_more FROM outbox WHERE headline_id = ?", headlineId));
    }

    @Test
    void a_merged_copy_edits_the_sent_message_once_and_a_rejected_edit_is_not_retried() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.start();
            StoredHeadline first = f.publish("first", user(1));
            f.run(Duration.ofSeconds(2), STEP);
            long messageId = f.db.read(c -> Statements.number(c, "SELECT message_id FROM outbox WHERE headline_id = ?",
                    first.id()));
            assertThat(messageId).as("the message id is kept").isPositive();

            f.publishInStory("copy", first.id(), user(1));
            f.run(Duration.ofSeconds(3), STEP);
            assertThat(methods(f, 1)).containsExactly("send", "edit");
            assertThat(storyMore(f, first.id())).isEqualTo(1);

            f.api.answer(1, new SendResult.Rejected("Bad Request: message can't be edited"));
            f.publishInStory("third copy", first.id(), user(1));
            f.run(Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(methods(f, 1)).as("tried once, not again").containsExactly("send", "edit", "edit");
            assertThat(storyMore(f, first.id())).isEqualTo(2);
        }
    }

    @Test
    void a_429_on_an_edit_makes_the_chat_wait_and_drops_the_edit() {
        try (Fixture f = new Fixture(dir, engine, Fixture.settings())) {
            f.start();
            StoredHeadline first = f.publish("first", user(1));
            f.run(Duration.ofSeconds(2), STEP);
            f.api.answer(1, new SendResult.RetryAfter(Duration.ofSeconds(5)));

            f.publishInStory("copy", first.id(), user(1));
            f.run(Duration.ofSeconds(30), Duration.ofSeconds(1));
            StoredHeadline next = f.publish("next", user(1));
            f.run(Duration.ofSeconds(3), STEP);

            assertThat(methods(f, 1)).containsExactly("send", "edit", "send");
            assertThat(storyMore(f, first.id())).as("not listed: a later copy may try again").isZero();
            assertThat(next.joinedStory()).isFalse();
        }
    }
}
