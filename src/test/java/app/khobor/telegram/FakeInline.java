package app.khobor.telegram;

import app.khobor.fakes.TelegramHtml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inline mode in the fake Bot API: the inline_query updates users make, and answerInlineQuery with Telegram's rules.
 * A query is answered once: a second answer, or one to an id Telegram never sent (or that expired), gets 400 "query is
 * too old and response timeout expired or query ID is invalid". At most 50 results, each with a unique id of 1-64
 * bytes, a title and an input_message_content whose message_text is 1-4096 characters after entity parsing (strict
 * HTML); next_offset at most 64 bytes.
 */
final class FakeInline {
    static final String TOO_OLD = "query is too old and response timeout expired or query ID is invalid";
    private static final int MAX_RESULTS = 50;
    private static final int MAX_BYTES = 64;
    private static final int MAX_TEXT = 4096;

    private final AtomicLong ids = new AtomicLong(1);
    private final Map<String, Boolean> open = new ConcurrentHashMap<>();
    private final Map<String, InlineAnswerSeen> answered = new ConcurrentHashMap<>();
    private final Object signal = new Object();

    /** The update a user's typing makes; the query id is open until answered or expired. */
    ObjectNode query(ObjectNode from, String query, String offset, String[] idOut) {
        String id = "iq-" + ids.getAndIncrement();
        open.put(id, Boolean.TRUE);
        idOut[0] = id;
        return JsonNodeFactory.instance.objectNode().put("id", id).<ObjectNode>set("from", from)
                .put("query", query).put("offset", offset).put("chat_type", "sender");
    }

    /** As when the client's wait runs out: an answer after this is refused. */
    void expire(String queryId) {
        open.remove(queryId);
    }

    JsonNode answer(FakeRequest request) throws FakeApiError {
        String id = request.string("inline_query_id");
        JsonNode results = request.object("results");
        if (results == null || !results.isArray()) {
            throw FakeApiError.badRequest("parameter \"results\" is required");
        }
        if (results.size() > MAX_RESULTS) {
            throw FakeApiError.badRequest("RESULTS_TOO_MUCH");
        }
        String nextOffset = request.string("next_offset") == null ? "" : request.string("next_offset");
        if (bytes(nextOffset) > MAX_BYTES) {
            throw FakeApiError.badRequest("NEXT_OFFSET_INVALID");
        }
        List<InlineAnswerSeen.Result> seen = new ArrayList<>();
        Set<String> resultIds = new HashSet<>();
        for (JsonNode result : results) {
            InlineAnswerSeen.Result r = article(result);
            if (!resultIds.add(r.id())) {
                throw FakeApiError.badRequest("RESULT_ID_DUPLICATE");
            }
            seen.add(r);
        }
        // Checked last, as Telegram: a malformed answer is refused whatever the id, and leaves the query open.
        if (id == null || open.remove(id) == null) {
            throw FakeApiError.badRequest(TOO_OLD);
        }
        int cacheTime = (int) request.longValue("cache_time", 300);
        answered.put(id, new InlineAnswerSeen(id, List.copyOf(seen), nextOffset, cacheTime,
                request.bool("is_personal")));
        synchronized (signal) {
            signal.notifyAll();
        }
        return BooleanNode.TRUE;
    }

    Optional<InlineAnswerSeen> answerTo(String queryId) {
        return Optional.ofNullable(answered.get(queryId));
    }

    InlineAnswerSeen await(String queryId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (true) {
                InlineAnswerSeen answer = answered.get(queryId);
                long left = deadline - System.nanoTime();
                if (answer != null) {
                    return answer;
                }
                if (left <= 0) {
                    throw new AssertionError("no answer to inline query " + queryId + " within " + timeout);
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for inline query " + queryId);
                }
            }
        }
    }

    void clear() {
        open.clear();
        answered.clear();
    }

    /** Only articles with text content: all Khobor sends, and all this fake knows. */
    private static InlineAnswerSeen.Result article(JsonNode result) throws FakeApiError {
        String type = result.path("type").asText("");
        if (!type.equals("article")) {
            throw FakeApiError.badRequest("RESULT_TYPE_INVALID (the fake knows article only): " + type);
        }
        String id = result.path("id").asText("");
        if (id.isEmpty() || bytes(id) > MAX_BYTES) {
            throw FakeApiError.badRequest("RESULT_ID_INVALID");
        }
        String title = result.path("title").asText("");
        if (title.isBlank()) {
            throw FakeApiError.badRequest("RESULT_TITLE_EMPTY");
        }
        JsonNode content = result.path("input_message_content");
        String source = content.path("message_text").asText("");
        if (source.isEmpty()) {
            throw FakeApiError.badRequest("MESSAGE_EMPTY");
        }
        String parseMode = content.path("parse_mode").asText("");
        String text = parseMode.isEmpty() ? source : html(source, parseMode);
        if (text.isBlank()) {
            throw FakeApiError.badRequest("MESSAGE_EMPTY");
        }
        if (TelegramHtml.length(text) > MAX_TEXT) {
            throw FakeApiError.badRequest("MESSAGE_TOO_LONG");
        }
        return new InlineAnswerSeen.Result(id, title, result.path("description").asText(null), text, source);
    }

    private static String html(String source, String parseMode) throws FakeApiError {
        if (!parseMode.toUpperCase(Locale.ROOT).equals("HTML")) {
            throw FakeApiError.badRequest("unsupported parse_mode " + parseMode + " (the fake knows HTML only)");
        }
        try {
            return TelegramHtml.toPlainText(source);
        } catch (TelegramHtml.MarkupException e) {
            throw FakeApiError.badRequest("can't parse entities: " + e.getMessage());
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
