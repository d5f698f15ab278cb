package app.khobor.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.khobor.fakes.TelegramHtml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake must be as strict as Telegram, or the bot's bugs only show up in production. */
class FakeBotApiTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private FakeBotApi telegram;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start();
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<b>x</b> &amp; <a href=\"https://x\">y</a>",
        "<i>ক</i> <u>খ</u> <s>গ</s> <code>a&lt;b</code> <pre>p</pre> <blockquote>q</blockquote>",
        "<span class=\"tg-spoiler\">s</span> <tg-spoiler>t</tg-spoiler> &#2453; &#x995; &quot;q&quot;",
        "<b><i>nested</i></b>"
    })
    void valid_telegram_html_is_accepted(String html) throws Exception {
        assertThat(TelegramHtml.toPlainText(html)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A & B", "<div>x</div>", "<b>x", "x</b>", "<b><i>x</b></i>", "a < b", "&nbsp;",
        "<span>x</span>", "<a>x</a>", "&#xZZ;"})
    void invalid_html_is_refused(String html) {
        assertThatThrownBy(() -> TelegramHtml.toPlainText(html)).isInstanceOf(TelegramHtml.MarkupException.class);
    }

    @Test
    void html_text_is_counted_after_tags_and_entities() throws Exception {
        assertThat(TelegramHtml.toPlainText("<b>a</b>&amp;&#x1F600;")).isEqualTo("a&😀").hasSize(4);
    }

    @Test
    void bad_html_answers_400_cant_parse_entities() throws Exception {
        JsonNode answer = call("sendMessage", "{\"chat_id\":\"5\",\"text\":\"<div>x</div>\",\"parse_mode\":\"HTML\"}");

        assertThat(answer.get("error_code").asInt()).isEqualTo(400);
        assertThat(answer.get("description").asText())
                .startsWith("Bad Request: can't parse entities: Unsupported start tag \"div\"");
    }

    @Test
    void callback_data_of_65_bytes_is_refused_and_64_accepted() throws Exception {
        String tooLong = "{\"chat_id\":5,\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"b\","
                + "\"callback_data\":\"" + "a".repeat(65) + "\"}]]}}";

        assertThat(call("sendMessage", tooLong).get("description").asText())
                .isEqualTo("Bad Request: BUTTON_DATA_INVALID");
        assertThat(call("sendMessage", tooLong.replace("a".repeat(65), "a".repeat(64))).get("ok").asBoolean())
                .isTrue();
    }

    @Test
    void second_message_to_a_chat_within_a_second_is_a_counted_violation() throws Exception {
        assertThat(call("sendMessage", "{\"chat_id\":5,\"text\":\"one\"}").get("ok").asBoolean()).isTrue();
        JsonNode second = call("sendMessage", "{\"chat_id\":5,\"text\":\"two\"}");

        assertThat(second.get("error_code").asInt()).isEqualTo(429);
        assertThat(second.at("/parameters/retry_after").asInt()).isEqualTo(1);
        assertThat(second.get("description").asText()).isEqualTo("Too Many Requests: retry after 1");
        assertThat(telegram.violations()).isEqualTo(1);
        assertThat(telegram.sentCount()).isEqualTo(1);
    }

    @Test
    void more_than_30_sends_per_second_overall_are_violations_unless_paid() throws Exception {
        telegram.limits(FakeBotApi.Limits.TELEGRAM.withPerChatPerSecond(1000));
        long frozen = System.nanoTime();
        telegram.rateClock(() -> frozen);
        for (int i = 0; i < 30; i++) {
            call("sendMessage", "{\"chat_id\":" + (i + 1) + ",\"text\":\"x\"}");
        }
        assertThat(call("sendMessage", "{\"chat_id\":99,\"text\":\"x\"}").get("error_code").asInt()).isEqualTo(429);
        assertThat(call("sendMessage", "{\"chat_id\":99,\"text\":\"x\",\"allow_paid_broadcast\":true}")
                .get("ok").asBoolean()).isTrue();
        assertThat(telegram.violations()).isEqualTo(1);
    }

    @Test
    void a_group_gets_at_most_20_messages_a_minute() throws Exception {
        telegram.limits(FakeBotApi.Limits.TELEGRAM.withPerChatPerSecond(100));
        for (int i = 0; i < 20; i++) {
            assertThat(call("sendMessage", "{\"chat_id\":-7,\"text\":\"x\"}").get("ok").asBoolean()).isTrue();
        }

        JsonNode refused = call("sendMessage", "{\"chat_id\":-7,\"text\":\"x\"}");
        assertThat(refused.at("/parameters/retry_after").asInt()).isBetween(55, 60);
    }

    @Test
    void wrong_token_is_unauthorized_and_unknown_method_not_found() throws Exception {
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(
                URI.create(telegram.apiUrl() + "/bot1:nope/getMe")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrong.body()).get("description").asText()).isEqualTo("Unauthorized");
        assertThat(call("sendRocket", "{}").get("error_code").asInt()).isEqualTo(404);
    }

    @Test
    void form_encoded_requests_and_lower_case_method_names_work() throws Exception {
        String form = "chat_id=5&text=" + URLEncoder.encode("<b>ক & খ</b>", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(telegram.apiUrl() + "/bot" + telegram.token() + "/sendmessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(json.readTree(response.body()).at("/result/text").asText()).isEqualTo("<b>ক & খ</b>");
        assertThat(telegram.messagesTo(5)).singleElement().satisfies(m -> assertThat(m.parseMode()).isNull());
    }

    @Test
    void get_updates_holds_until_an_update_arrives() throws Exception {
        var poll = http.sendAsync(post("getUpdates", "{\"timeout\":30}"), HttpResponse.BodyHandlers.ofString());

        telegram.userSends(5, "/start now");

        JsonNode result = json.readTree(poll.get(10, TimeUnit.SECONDS).body()).get("result");
        assertThat(result).hasSize(1);
        assertThat(result.at("/0/message/entities/0/type").asText()).isEqualTo("bot_command");
        assertThat(result.at("/0/message/entities/0/length").asInt()).isEqualTo(6);
    }

    @Test
    void awaiting_messages_that_never_come_fails_with_what_arrived() {
        assertThatThrownBy(() -> telegram.awaitMessagesTo(5, 1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but got 0");
    }

    private JsonNode call(String method, String body) throws Exception {
        return json.readTree(http.send(post(method, body), HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpRequest post(String method, String body) {
        return HttpRequest.newBuilder(URI.create(telegram.apiUrl() + "/bot" + telegram.token() + "/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
