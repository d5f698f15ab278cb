package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import app.khobor.delivery.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /sources and its buttons. */
class SourceChoicesTest extends CommandsOnBothEnginesTestBase {
    Keyboard showSources(long chatId) {
        f.replies.clear();
        f.say(chatId, "/sources");
        OutgoingMessage m = f.sent().get(0);
        assertThat(m.html()).isEqualTo(Messages.SOURCES_HEADER);
        return m.keyboard();
    }

    static List<Button> buttons(Keyboard k) {
        return k.rows().stream().flatMap(List::stream).toList();
    }

    /** The data of the buttons /sources shows (CommandsFixture has two enabled sources). */
    static final List<String> SOURCES_KEYBOARD = List.of("src:prothomalo", "src:samakal");

    /** A press on a /sources keyboard message. */
    void press(long chatId, String data) {
        pressOn(chatId, data, SOURCES_KEYBOARD);
    }

    /** A press with {@code data} on a message that shows buttons with {@code shown} data. */
    void pressOn(long chatId, String data, List<String> shown) {
        f.commands.handle(new Incoming.Button(chatId, ChatKind.PRIVATE, 555, chatId, "cb-1", data, shown));
    }

    @Test
    void sources_shows_one_button_per_enabled_source_all_on() {
        List<Button> buttons = buttons(showSources(1));

        assertThat(buttons).containsExactly(
                new Button("✅ " + CommandsFixture.PROTHOM_ALO, "src:prothomalo"),
                new Button("✅ " + CommandsFixture.SAMAKAL, "src:samakal"));
        assertThat(buttons).allSatisfy(b ->
                assertThat(b.callbackData().getBytes(StandardCharsets.UTF_8).length).isBetween(1, 64));
    }

    @Test
    void a_press_toggles_the_source_and_redraws_the_keyboard_in_place() {
        Button samakal = buttons(showSources(1)).get(1);

        press(1, samakal.callbackData());

        assertThat(f.store.disabledSources(1)).containsExactly("samakal");
        RecordingReplies.Edit edit = f.replies.edits.get(0);
        assertThat(edit.chatId()).isEqualTo(1);
        assertThat(edit.messageId()).isEqualTo(555);
        assertThat(buttons(edit.keyboard()).get(1).text()).isEqualTo("❌ " + CommandsFixture.SAMAKAL);
        assertThat(f.replies.callbackAnswers).containsExactly(
                new RecordingReplies.CallbackAnswer("cb-1", Messages.sourceToggled(CommandsFixture.SAMAKAL, false)));

        press(1, samakal.callbackData());

        assertThat(f.store.disabledSources(1)).isEmpty();
        assertThat(buttons(f.replies.edits.get(1).keyboard()).get(1).text()).startsWith("✅");
        assertThat(buttons(showSources(1)).get(1).text()).startsWith("✅");
    }

    @Test
    void choices_are_per_chat() {
        press(1, "src:samakal");

        assertThat(buttons(showSources(2)).get(1).text()).startsWith("✅");
        assertThat(buttons(showSources(1)).get(1).text()).startsWith("❌");
    }

    @Test
    void old_or_unknown_button_data_gets_a_short_answer() {
        for (String data : new String[] {"src:retired", "src:nope", "page:2", "", "src:"}) {
            f.replies.clear();
            press(1, data);
            assertThat(f.replies.callbackAnswers).extracting(RecordingReplies.CallbackAnswer::text)
                    .containsExactly(Messages.STALE_BUTTON);
            assertThat(f.replies.edits).isEmpty();
        }
        assertThat(f.store.disabledSources(1)).isEmpty();
    }

    @Test
    void a_toggle_is_refused_on_a_message_that_does_not_show_that_button() {
        pressOn(1, "src:samakal", List.of()); // a headline, a welcome, or a message too old to be shown
        pressOn(1, "src:samakal", List.of("src:prothomalo")); // forged onto a keyboard without it

        assertThat(f.store.disabledSources(1)).isEmpty();
        assertThat(f.replies.edits).as("no message rewritten into a keyboard").isEmpty();
        assertThat(f.replies.callbackAnswers).extracting(RecordingReplies.CallbackAnswer::text)
                .containsExactly(Messages.STALE_BUTTON, Messages.STALE_BUTTON);
    }

    @Test
    void a_toggle_is_refused_on_a_keyboard_of_another_kind() {
        pressOn(1, "src:samakal", List.of("src:samakal", "more:2"));

        assertThat(f.store.disabledSources(1)).isEmpty();
        assertThat(f.replies.edits).isEmpty();
        assertThat(f.replies.callbackAnswers).extracting(RecordingReplies.CallbackAnswer::text)
                .containsExactly(Messages.STALE_BUTTON);
    }

    @Test
    void malformed_data_gets_the_short_bengali_answer_not_an_apology() {
        for (String data : new String[] {null, "\u0000", "src:samakal\u202E", "x".repeat(300), "src:-100123:samakal"}) {
            f.replies.clear();
            pressOn(1, data, SOURCES_KEYBOARD);
            assertThat(f.replies.callbackAnswers).extracting(RecordingReplies.CallbackAnswer::text)
                    .containsExactly(Messages.STALE_BUTTON);
        }
        assertThat(f.store.disabledSources(1)).isEmpty();
    }
}
