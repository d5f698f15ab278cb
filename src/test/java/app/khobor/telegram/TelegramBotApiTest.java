package app.khobor.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.khobor.chat.MenuEntry;
import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import app.khobor.delivery.OutgoingMessage;
import app.khobor.delivery.SendResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramBotApiTest {
    private static final long CHAT = 4242;

    private FakeBotApi telegram;
    private TelegramBotApi api;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start().limits(FakeBotApi.Limits.OFF);
        api = new TelegramBotApi(telegram.token(), telegram.apiUrl());
    }

    @AfterEach
    void stop() {
        api.close();
        telegram.close();
    }

    @Test
    void html_message_with_keyboard_is_sent_with_preview_disabled() {
        Keyboard keyboard = new Keyboard(List.of(List.of(new Button("আরও", "more:1"), new Button("বন্ধ", "stop"))));
        SendResult result = api.send(new OutgoingMessage(CHAT, false,
                "<b>খবর</b> &amp; <a href=\"https://x.test/1\">লিংক</a>", keyboard, false), false);

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        SentMessage sent = telegram.messagesTo(CHAT).get(0);
        assertThat(((SendResult.Sent) result).messageId()).isEqualTo(sent.messageId());
        assertThat(sent.text()).isEqualTo("খবর & লিংক");
        assertThat(sent.parseMode()).isEqualTo("HTML");
        assertThat(sent.linkPreviewDisabled()).isTrue();
        assertThat(sent.paidBroadcast()).isFalse();
        assertThat(sent.buttons()).extracting(SentMessage.SentButton::callbackData).containsExactly("more:1", "stop");
    }

    @Test
    void paid_broadcast_and_link_preview_flags_reach_telegram() {
        api.send(new OutgoingMessage(CHAT, false, "x", null, true), true);

        SentMessage sent = telegram.messagesTo(CHAT).get(0);
        assertThat(sent.paidBroadcast()).isTrue();
        assertThat(sent.linkPreviewDisabled()).isFalse();
    }

    @Test
    void unescaped_ampersand_is_bad_markup_and_plain_fallback_goes_through() {
        SendResult result = api.send(OutgoingMessage.html(CHAT, false, "Tom & Jerry"), false);

        assertThat(result).isInstanceOf(SendResult.BadMarkup.class);
        assertThat(((SendResult.BadMarkup) result).description()).startsWith("Bad Request: can't parse entities");
        assertThat(api.sendPlain(CHAT, "Tom & Jerry <3")).isInstanceOf(SendResult.Sent.class);
        assertThat(telegram.messagesTo(CHAT).get(0).text()).isEqualTo("Tom & Jerry <3");
        assertThat(telegram.messagesTo(CHAT).get(0).parseMode()).isNull();
    }

    @Test
    void text_of_4097_characters_is_rejected_and_4096_is_sent() {
        assertThat(api.send(OutgoingMessage.html(CHAT, false, "ক".repeat(4097)), false))
                .isEqualTo(new SendResult.Rejected("Bad Request: message is too long"));
        assertThat(api.send(OutgoingMessage.html(CHAT, false, "<b>" + "ক".repeat(4096) + "</b>"), false))
                .isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void too_many_requests_becomes_retry_after_with_the_seconds() {
        telegram.forceRetryAfter(17, 1);

        assertThat(api.send(OutgoingMessage.html(CHAT, false, "x"), false))
                .isEqualTo(new SendResult.RetryAfter(Duration.ofSeconds(17)));
        assertThat(api.send(OutgoingMessage.html(CHAT, false, "x"), false)).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void blocked_kicked_and_missing_chats_are_gone() {
        telegram.blockChat(1);
        telegram.kickFromGroup(-2);
        telegram.chatNotFound(3);

        assertThat(api.send(OutgoingMessage.html(1, false, "x"), false))
                .isEqualTo(new SendResult.ChatGone("Forbidden: bot was blocked by the user"));
        assertThat(api.send(OutgoingMessage.html(-2, true, "x"), false)).isInstanceOf(SendResult.ChatGone.class);
        assertThat(api.sendPlain(3, "x")).isEqualTo(new SendResult.ChatGone("Bad Request: chat not found"));
    }

    @Test
    void group_upgraded_to_supergroup_is_migrated_to_the_new_id() {
        telegram.migrate(-555, -1001234567890L);

        assertThat(api.send(OutgoingMessage.html(-555, true, "x"), false))
                .isEqualTo(new SendResult.Migrated(-1001234567890L));
        assertThat(api.send(OutgoingMessage.html(-1001234567890L, true, "x"), false)).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void server_errors_are_transient() {
        telegram.failNext(2, 502);

        assertThat(api.send(OutgoingMessage.html(CHAT, false, "x"), false)).isInstanceOf(SendResult.TransientFailure.class);
        assertThat(api.sendPlain(CHAT, "x")).isInstanceOf(SendResult.TransientFailure.class);
        assertThat(api.sendPlain(CHAT, "x")).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void answers_that_are_not_bot_api_json_are_transient_not_rejections() {
        telegram.answerNotJson(1, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
        telegram.answerNotJson(1, 404, "text/plain", "404 page not found");
        telegram.answerNotJson(1, 200, "text/plain", "OK");
        telegram.answerNotJson(1, 200, "application/json", "{\"ok\":");

        assertThat(api.send(OutgoingMessage.html(CHAT, false, "x"), false)).isInstanceOf(SendResult.TransientFailure.class);
        assertThat(api.sendPlain(CHAT, "x")).isInstanceOf(SendResult.TransientFailure.class);
        assertThat(api.answerCallback("q", "x")).isInstanceOf(SendResult.TransientFailure.class);
        assertThat(api.edit(CHAT, 1, "x", null)).isInstanceOf(SendResult.TransientFailure.class);
        assertThat(api.sendPlain(CHAT, "x")).isInstanceOf(SendResult.Sent.class);
        assertThat(telegram.messagesTo(CHAT)).hasSize(1);
    }

    @Test
    void unreachable_server_is_transient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TelegramBotApi offline = new TelegramBotApi(telegram.token(), "http://127.0.0.1:" + closedPort)) {
            assertThat(offline.send(OutgoingMessage.html(CHAT, false, "x"), false))
                    .isInstanceOf(SendResult.TransientFailure.class);
        }
    }

    @Test
    void callback_data_over_64_bytes_is_rejected() {
        Keyboard keyboard = new Keyboard(List.of(List.of(new Button("x", "ক".repeat(22)))));

        assertThat(api.send(new OutgoingMessage(CHAT, false, "x", keyboard, false), false))
                .isEqualTo(new SendResult.Rejected("Bad Request: BUTTON_DATA_INVALID"));
    }

    @Test
    void a_pushs_edit_keeps_the_chats_link_preview_choice_where_a_replys_edit_turns_it_off() {
        long withPreview = ((SendResult.Sent) api.send(new OutgoingMessage(CHAT, false, "a", null, true), false)).messageId();
        long without = ((SendResult.Sent) api.send(new OutgoingMessage(CHAT, false, "b", null, false), false)).messageId();

        assertThat(api.editPush(CHAT, withPreview, "a <i>more</i>", true)).isEqualTo(new SendResult.Sent(withPreview));
        assertThat(api.editPush(CHAT, without, "b <i>more</i>", false)).isEqualTo(new SendResult.Sent(without));
        assertThat(api.edit(CHAT, withPreview, "a <i>again</i>", null)).isEqualTo(new SendResult.Sent(withPreview));

        assertThat(telegram.edits()).extracting(SentMessage::linkPreviewDisabled).containsExactly(false, true, true);
    }

    @Test
    void edit_changes_the_message_and_an_identical_edit_counts_as_done() {
        Keyboard keyboard = new Keyboard(List.of(List.of(new Button("ok", "ok"))));
        long id = ((SendResult.Sent) api.send(OutgoingMessage.html(CHAT, false, "old"), false)).messageId();

        assertThat(api.edit(CHAT, id, "<i>new</i>", keyboard)).isEqualTo(new SendResult.Sent(id));
        assertThat(api.edit(CHAT, id, "<i>new</i>", keyboard)).isEqualTo(new SendResult.Sent(id));
        assertThat(telegram.edits()).hasSize(1);
        assertThat(telegram.message(id).orElseThrow().text()).isEqualTo("new");
        assertThat(api.edit(CHAT, 999_999, "x", null)).isInstanceOf(SendResult.Rejected.class);
    }

    @Test
    void callback_is_answered_once() {
        String callbackId = telegram.userPresses(CHAT, 1, CHAT, "more:1");

        assertThat(api.answerCallback(callbackId, "ঠিক আছে")).isInstanceOf(SendResult.Sent.class);
        assertThat(telegram.callbackAnswers()).singleElement()
                .satisfies(answer -> assertThat(answer.text()).isEqualTo("ঠিক আছে"));
        assertThat(api.answerCallback(callbackId, "")).isInstanceOf(SendResult.Rejected.class);
    }

    @Test
    void bot_username_comes_from_get_me_and_commands_reach_the_menu() {
        assertThat(api.botUsername()).isEqualTo(FakeBotApi.BOT_USERNAME);

        api.setCommands(List.of(new MenuEntry("start", "শুরু"), new MenuEntry("stop", "বন্ধ")));

        assertThat(telegram.commands()).containsExactly(
                Map.entry("start", "শুরু"), Map.entry("stop", "বন্ধ"));
        assertThatThrownBy(() -> api.setCommands(List.of(new MenuEntry("Bad-Name", "x"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BOT_COMMAND_INVALID");
    }

    @Test
    void a_wrong_or_revoked_token_is_a_bot_wide_failure_that_keeps_the_message_queued() {
        try (TelegramBotApi intruder = new TelegramBotApi("1:wrong", telegram.apiUrl())) {
            assertThat(intruder.sendPlain(CHAT, "x"))
                    .isEqualTo(new SendResult.TransientFailure("Unauthorized (is TELEGRAM_BOT_TOKEN still valid?)"));
        }
    }

    @Test
    void token_never_appears_in_results_logs_or_exceptions() throws IOException {
        List<String> texts = new ArrayList<>();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LogCapture logs = new LogCapture();
                TelegramBotApi offline = new TelegramBotApi(telegram.token(), "http://127.0.0.1:" + closedPort)) {
            telegram.blockChat(1);
            telegram.failNext(1, 500);
            texts.add(api.send(OutgoingMessage.html(CHAT, false, "x"), false).toString());
            texts.add(api.send(OutgoingMessage.html(1, false, "x"), false).toString());
            texts.add(api.send(OutgoingMessage.html(CHAT, false, "a & b"), false).toString());
            texts.add(api.sendPlain(CHAT, "").toString());
            texts.add(offline.send(OutgoingMessage.html(CHAT, false, "x"), false).toString());
            texts.add(offline.edit(CHAT, 1, "x", null).toString());
            texts.add(offline.answerCallback("q", "x").toString());
            Throwable getMe = catchThrowable(offline::botUsername);
            texts.add(getMe.toString());
            texts.addAll(logs.lines());
        }

        assertThat(texts).hasSizeGreaterThan(8);
        assertThat(texts).noneMatch(text -> text.contains(telegram.token()))
                .noneMatch(text -> text.contains("AAFakeTokenForKhoborTests"));
    }
}
