package app.khobor.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The parameters of one Bot API request, from the query string and a JSON or form-urlencoded body. Like Telegram,
 * it takes numbers as strings ("chat_id":"42") and nested objects as JSON strings (form-encoded reply_markup).
 */
final class FakeRequest {
    private final ObjectNode params;
    private final ObjectMapper json;

    private FakeRequest(ObjectNode params, ObjectMapper json) {
        this.params = params;
        this.json = json;
    }

    static FakeRequest read(HttpExchange exchange, ObjectMapper json) throws IOException, FakeApiError {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        addForm(params, exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length > 0) {
            if (type != null && type.startsWith("application/json")) {
                JsonNode tree = parseJson(json, new String(body, StandardCharsets.UTF_8));
                if (!(tree instanceof ObjectNode object)) {
                    throw FakeApiError.badRequest("request body must be a JSON object");
                }
                params.setAll(object);
            } else if (type == null || type.startsWith("application/x-www-form-urlencoded")) {
                addForm(params, new String(body, StandardCharsets.UTF_8));
            } else {
                throw FakeApiError.badRequest("the fake Bot API does not support content type " + type);
            }
        }
        return new FakeRequest(params, json);
    }

    boolean has(String name) {
        JsonNode value = params.get(name);
        return value != null && !value.isNull();
    }

    /** Text of a parameter; numbers and booleans as their text; null when absent. */
    String string(String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    long longValue(String name, long fallback) throws FakeApiError {
        String text = string(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw FakeApiError.badRequest("invalid " + name + " specified");
        }
    }

    boolean bool(String name) {
        String text = string(name);
        return text != null && (text.equals("true") || text.equals("1"));
    }

    /** An object parameter, whether sent nested in JSON or as a JSON string in a form. Null when absent. */
    JsonNode object(String name) throws FakeApiError {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? parseJson(json, value.asText()) : value;
    }

    private static JsonNode parseJson(ObjectMapper json, String text) throws FakeApiError {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw FakeApiError.badRequest("can't parse JSON object");
        }
    }

    private static void addForm(ObjectNode params, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
    }
}
