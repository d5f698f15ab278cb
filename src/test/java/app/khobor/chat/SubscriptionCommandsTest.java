package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.news.HeadlineHistory;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /start, /stop, /help, addressing, unknown commands, membership and failures. */
class SubscriptionCommandsTest extends CommandsOnBothEnginesTestBase {
    @Test
    void start_subscribes_from_now_and_welcomes_with_the_commands() {
        String html = f.ask(1, "/start");

        assertThat(html).isEqualTo(Messages.WELCOME).contains("/search", "/follow", "/sources", "/stop");
        assertThat(f.store.find(1)).isEqualTo(new Chat(1, ChatKind.PRIVATE, true, true, f.clock.instant()));
    }

    @Test
    void start_addressed_to_us_is_handled_and_to_another_bot_ignored() {
        f.replies.clear();
        f.sayInGroup(-5, "/start@OtherBot");
        assertThat(f.sent()).isEmpty();
        assertThat(f.store.find(-5)).isNull();

        f.sayInGroup(-5, "/START@khoborbot");
        assertThat(f.replies.lastHtml()).isEqualTo(Messages.forGroup(Messages.WELCOME));
        assertThat(f.store.find(-5).receivesPushes()).isTrue();
    }

    @Test
    void stop_confirms_and_keeps_keywords_for_a_later_start() {
        f.say(1, "/start");
        f.say(1, "/follow \u09AC\u09A8\u09CD\u09AF\u09BE");

        assertThat(f.ask(1, "/stop")).isEqualTo(Messages.STOPPED);
        assertThat(f.store.find(1).subscribed()).isFalse();
        assertThat(f.ask(1, "/stop")).isEqualTo(Messages.NOT_SUBSCRIBED);

        assertThat(f.ask(1, "/start")).isEqualTo(Messages.welcomeBack(1)).contains("/all");
        assertThat(f.store.keywords(1)).containsExactly("\u09AC\u09A8\u09CD\u09AF\u09BE");
    }

    @Test
    void help_lists_the_commands() {
        assertThat(f.ask(1, "/help")).isEqualTo(Messages.HELP).contains("/latest", "/keywords", "/all");
    }

    @Test
    void an_unknown_command_gets_a_hint_in_private_and_silence_in_groups_unless_addressed() {
        assertThat(f.ask(1, "/weather")).isEqualTo(Messages.UNKNOWN_COMMAND).contains("/help");

        f.replies.clear();
        f.sayInGroup(-5, "/ban");
        assertThat(f.sent()).isEmpty();
        f.sayInGroup(-5, "/ban@KhoborBot");
        assertThat(f.replies.lastHtml()).isEqualTo(Messages.UNKNOWN_COMMAND);
    }

    @Test
    void plain_text_gets_a_hint_in_private_and_is_ignored_in_groups() {
        assertThat(f.ask(1, "\u0995\u09C0 \u0996\u09AC\u09B0?")).isEqualTo(Messages.PLAIN_TEXT_HINT);

        f.replies.clear();
        f.sayInGroup(-5, "hello everyone");
        assertThat(f.sent()).isEmpty();
        assertThat(f.store.find(-5)).isNull();
    }

    @Test
    void being_removed_deactivates_and_a_later_start_reactivates() {
        f.say(1, "/start");
        f.commands.handle(new Incoming.Membership(1, ChatKind.PRIVATE, false));
        assertThat(f.store.find(1).receivesPushes()).isFalse();

        f.say(1, "/start");
        assertThat(f.store.find(1).receivesPushes()).isTrue();
    }

    @Test
    void being_added_to_a_group_subscribes_it_with_one_welcome() {
        f.replies.clear();
        f.commands.handle(new Incoming.Membership(-7, ChatKind.GROUP, true));
        f.commands.handle(new Incoming.Membership(-7, ChatKind.GROUP, true));

        assertThat(f.sent()).hasSize(1);
        assertThat(f.replies.lastHtml()).isEqualTo(Messages.forGroup(Messages.WELCOME));
        assertThat(f.store.find(-7).receivesPushes()).isTrue();
    }

    @Test
    void being_added_to_a_channel_subscribes_it_without_posting_there() {
        f.replies.clear();
        f.commands.handle(new Incoming.Membership(-8, ChatKind.CHANNEL, true));

        assertThat(f.sent()).isEmpty();
        assertThat(f.store.find(-8).receivesPushes()).isTrue();
    }

    @Test
    void a_private_membership_update_only_records_the_chat() {
        f.replies.clear();
        f.commands.handle(new Incoming.Membership(3, ChatKind.PRIVATE, true));

        assertThat(f.sent()).isEmpty();
        assertThat(f.store.find(3)).isEqualTo(new Chat(3, ChatKind.PRIVATE, true, false, null));
    }

    @Test
    void a_database_failure_is_answered_with_an_apology_for_commands_and_buttons() {
        f.db.close();

        assertThat(f.ask(1, "/follow \u09AC\u09A8\u09CD\u09AF\u09BE")).isEqualTo(Messages.FAILED);
        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 5, 1, "cb", "src:samakal",
                List.of("src:prothomalo", "src:samakal")));
        assertThat(f.replies.callbackAnswers).extracting(RecordingReplies.CallbackAnswer::text)
                .containsExactly(Messages.FAILED);
        f.commands.handle(new Incoming.Membership(1, ChatKind.PRIVATE, false));
    }

    @Test
    void a_failing_command_is_answered_with_an_apology_and_never_thrown() {
        HeadlineHistory broken = (HeadlineHistory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HeadlineHistory.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("database is on fire");
                });
        f.close();
        f = new CommandsFixture(dir.resolve("broken"), engine(), broken);

        assertThat(f.ask(1, "/latest")).isEqualTo(Messages.FAILED);
        assertThat(f.ask(1, "/search x")).isEqualTo(Messages.FAILED);
    }
}
