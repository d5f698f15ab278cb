package app.khobor.telegram;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answer of the fake Bot API: HTTP status = error_code, as Telegram does. Stackless: it is control flow. */
final class FakeApiError extends Exception {
    final int code;
    final String description;
    final ObjectNode parameters;

    private FakeApiError(int code, String description, ObjectNode parameters) {
        super(description, null, false, false);
        this.code = code;
        this.description = description;
        this.parameters = parameters;
    }

    static FakeApiError of(int code, String description) {
        return new FakeApiError(code, description, null);
    }

    static FakeApiError badRequest(String reason) {
        return of(400, "Bad Request: " + reason);
    }

    static FakeApiError retryAfter(long seconds) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("retry_after", seconds);
        return new FakeApiError(429, "Too Many Requests: retry after " + seconds, parameters);
    }

    static FakeApiError migrated(long newChatId) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("migrate_to_chat_id", newChatId);
        return new FakeApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", parameters);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("ok", false)
                .put("error_code", code)
                .put("description", description);
        if (parameters != null) {
            json.set("parameters", parameters);
        }
        return json;
    }
}
