package app.khobor.chat;

import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict stand-in for Telegram's HTML parser: only its tags and entities, tags balanced, at most 4096 characters. */
final class TelegramHtml {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
            "code", "pre", "blockquote", "tg-spoiler", "span", "tg-emoji");
    private static final Pattern TOKEN = Pattern.compile("<(/?)([a-z-]+)((?: [a-z-]+=\"[^\"<>]*\")*)>|&(amp|lt|gt|quot|#\\d+);|[<>&]");

    private TelegramHtml() {}

    static void requireValid(String html) {
        if (html.isBlank() || html.length() > 4096) {
            throw new AssertionError("message length " + html.length() + " is not within 1..4096");
        }
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TOKEN.matcher(html);
        while (m.find()) {
            if (m.group(2) == null && m.group(4) == null) {
                throw new AssertionError("raw '" + m.group() + "' at " + m.start() + " in: " + html);
            }
            if (m.group(2) != null) {
                checkTag(m, open, html);
            }
        }
        if (!open.isEmpty()) {
            throw new AssertionError("unclosed " + open + " in: " + html);
        }
    }

    private static void checkTag(Matcher m, Deque<String> open, String html) {
        String name = m.group(2);
        if (!TAGS.contains(name)) {
            throw new AssertionError("tag <" + name + "> not allowed in: " + html);
        }
        if (m.group(1).isEmpty()) {
            open.push(name);
        } else if (open.isEmpty() || !open.pop().equals(name)) {
            throw new AssertionError("unbalanced </" + name + "> in: " + html);
        }
    }

    static void requireValid(Keyboard keyboard) {
        for (var row : keyboard.rows()) {
            for (Button b : row) {
                int bytes = b.callbackData().getBytes(StandardCharsets.UTF_8).length;
                if (bytes < 1 || bytes > 64) {
                    throw new AssertionError("callback_data of " + bytes + " bytes: " + b.callbackData());
                }
            }
        }
    }
}
