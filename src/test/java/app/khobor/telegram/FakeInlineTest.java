package app.khobor.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.delivery.InlineAnswer;
import app.khobor.delivery.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's inline mode is as strict as Telegram's answerInlineQuery, and the bot's client speaks it. */
class FakeInlineTest {
    private static final String TOO_OLD =
            "Bad Request: query is too old and response timeout expired or query ID is invalid";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private FakeBotApi telegram;
    private TelegramBotApi api;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start();
        api = new TelegramBotApi(telegram.token(), telegram.apiUrl());
    }

    @AfterEach
    void stop() {
        api.close();
        telegram.close();
    }

    @Test
    void an_answer_through_the_client_is_recorded_with_its_articles_and_next_offset() {
        String id = telegram.userTypesInline(9, "ঢাকা", "");

        SendResult result = api.answerInline(new InlineAnswer(id, List.of(
                new InlineAnswer.Article("h1", "ঢাকায় বৃষ্টি", "Desk · আজ ১০:২৪",
                        "<b><a href=\"https://x.test/1\">ঢাকায় বৃষ্টি &amp; ঝড়</a></b>")), "50", 30, false));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        InlineAnswerSeen seen = telegram.inlineAnswer(id).orElseThrow();
        assertThat(seen.nextOffset()).isEqualTo("50");
        assertThat(seen.cacheTime()).isEqualTo(30);
        assertThat(seen.results()).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("ঢাকায় বৃষ্টি & ঝড়");
            assertThat(r.description()).isEqualTo("Desk · আজ ১০:২৪");
        });
    }

    @Test
    void a_query_is_answered_once_and_an_unknown_or_expired_id_is_too_old() {
        String id = telegram.userTypesInline(9, "x", "");
        InlineAnswer empty = new InlineAnswer(id, List.of(), "", 0, false);
        assertThat(api.answerInline(empty)).isInstanceOf(SendResult.Sent.class);

        assertThat(api.answerInline(empty)).isEqualTo(new SendResult.Rejected(TOO_OLD));
        assertThat(api.answerInline(new InlineAnswer("iq-never", List.of(), "", 0, false)))
                .isEqualTo(new SendResult.Rejected(TOO_OLD));
        String late = telegram.userTypesInline(9, "y", "");
        telegram.expireInlineQuery(late);
        assertThat(api.answerInline(new InlineAnswer(late, List.of(), "", 0, false)))
                .isEqualTo(new SendResult.Rejected(TOO_OLD));
    }

    @Test
    void fifty_one_results_duplicate_ids_long_ids_and_long_offsets_are_refused() throws Exception {
        String id = telegram.userTypesInline(9, "x", "");

        assertThat(answer(id, articles(51, i -> "a" + i), "")).isEqualTo("Bad Request: RESULTS_TOO_MUCH");
        assertThat(answer(id, articles(2, i -> "same"), "")).isEqualTo("Bad Request: RESULT_ID_DUPLICATE");
        assertThat(answer(id, articles(1, i -> "a".repeat(65)), "")).isEqualTo("Bad Request: RESULT_ID_INVALID");
        assertThat(answer(id, articles(1, i -> "a"), "9".repeat(65))).isEqualTo("Bad Request: NEXT_OFFSET_INVALID");
        assertThat(answer(id, articles(50, i -> "a" + i), "9".repeat(64))).as("within every limit").isEqualTo("ok");
    }

    @Test
    void message_text_must_be_valid_html_of_1_to_4096_characters() throws Exception {
        String id = telegram.userTypesInline(9, "x", "");

        assertThat(answer(id, List.of(article("a", "A & B")), "")).startsWith("Bad Request: can't parse entities");
        assertThat(answer(id, List.of(article("a", "<b></b>")), "")).isEqualTo("Bad Request: MESSAGE_EMPTY");
        assertThat(answer(id, List.of(article("a", "<b>" + "ক".repeat(4097) + "</b>")), ""))
                .isEqualTo("Bad Request: MESSAGE_TOO_LONG");
        assertThat(answer(id, List.of(article("a", "<b>" + "ক".repeat(4096) + "</b>")), "")).isEqualTo("ok");
    }

    private String answer(String queryId, List<String> articles, String nextOffset) throws Exception {
        String body = "{\"inline_query_id\":\"" + queryId + "\",\"next_offset\":\"" + nextOffset + "\",\"results\":["
                + String.join(",", articles) + "]}";
        JsonNode answer = json.readTree(http.send(HttpRequest.newBuilder(
                        URI.create(telegram.apiUrl() + "/bot" + telegram.token() + "/answerInlineQuery"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body());
        return answer.get("ok").asBoolean() ? "ok" : answer.get("description").asText();
    }

    private static List<String> articles(int count, java.util.function.IntFunction<String> id) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(article(id.apply(i), "text"));
        }
        return list;
    }

    private static String article(String id, String html) {
        return "{\"type\":\"article\",\"id\":\"" + id + "\",\"title\":\"t\",\"input_message_content\":"
                + "{\"message_text\":\"" + html + "\",\"parse_mode\":\"HTML\"}}";
    }
}
