package app.khobor.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bot API objects (users, chats, messages, updates) as Telegram shapes them, for the fake server's answers. */
final class FakeJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A leading command, optionally addressed: /start or /start@some_bot. */
    private static final Pattern COMMAND = Pattern.compile("^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,64})?");

    private FakeJson() {}

    static ObjectNode user(long id, boolean bot, String firstName, String username) {
        ObjectNode user = NODES.objectNode().put("id", id).put("is_bot", bot).put("first_name", firstName);
        if (username != null) {
            user.put("username", username);
        }
        return user;
    }

    static ObjectNode chat(long id, String type) {
        ObjectNode chat = NODES.objectNode().put("id", id).put("type", type);
        if (type.equals("private")) {
            chat.put("first_name", "User " + id);
        } else {
            chat.put("title", "Chat " + id);
        }
        return chat;
    }

    static ObjectNode message(long messageId, ObjectNode from, ObjectNode chat, String text) {
        ObjectNode message = NODES.objectNode().put("message_id", messageId);
        if (from != null) {
            message.set("from", from);
        }
        message.set("chat", chat);
        message.put("date", now());
        message.put("text", text);
        return message;
    }

    /** reply_markup of a message with an inline keyboard, as getUpdates shows it. */
    static ObjectNode inlineKeyboard(List<List<SentMessage.SentButton>> rows) {
        ObjectNode markup = NODES.objectNode();
        ArrayNode keyboard = markup.putArray("inline_keyboard");
        for (List<SentMessage.SentButton> row : rows) {
            ArrayNode buttons = keyboard.addArray();
            for (SentMessage.SentButton b : row) {
                ObjectNode button = buttons.addObject().put("text", b.text());
                if (b.callbackData() != null) {
                    button.put("callback_data", b.callbackData());
                }
                if (b.url() != null) {
                    button.put("url", b.url());
                }
            }
        }
        return markup;
    }

    /** Adds the bot_command entity Telegram attaches when the text starts with a command. */
    static ObjectNode withCommandEntity(ObjectNode message, String text) {
        Matcher command = COMMAND.matcher(text);
        if (command.find()) {
            ArrayNode entities = message.putArray("entities");
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", command.end());
        }
        return message;
    }

    static ObjectNode update(long updateId, String field, ObjectNode payload) {
        ObjectNode update = NODES.objectNode().put("update_id", updateId);
        update.set(field, payload);
        return update;
    }

    static ObjectNode memberChange(ObjectNode chat, ObjectNode from, ObjectNode bot, String oldStatus,
            String newStatus) {
        ObjectNode change = NODES.objectNode();
        change.set("chat", chat);
        change.set("from", from);
        change.put("date", now());
        change.set("old_chat_member", member(bot, oldStatus));
        change.set("new_chat_member", member(bot, newStatus));
        return change;
    }

    private static ObjectNode member(ObjectNode user, String status) {
        ObjectNode member = NODES.objectNode().put("status", status);
        member.set("user", user);
        if (status.equals("kicked")) {
            member.put("until_date", 0);
        }
        return member;
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
