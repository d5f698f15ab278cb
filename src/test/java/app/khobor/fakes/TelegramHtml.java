package app.khobor.fakes;

import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * The one Telegram HTML validator of the tests: a strict parser for Telegram's parse_mode HTML, used by the fake Bot
 * API and by tests that check a reply before it is sent. It accepts only the tags and entities
 * the Bot API documents and rejects everything else the way Telegram does, with a "can't parse entities" reason.
 * Stricter than Telegram in one place on purpose: a bare '&' that does not start an entity is rejected, so a
 * forgotten escape of a scraped headline fails in tests.
 */
public final class TelegramHtml {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji");

    /** Why the HTML was refused; the message is the part after "Bad Request: can't parse entities: ". */
    public static final class MarkupException extends Exception {
        MarkupException(String message) {
            super(message, null, false, false);
        }
    }

    /** Telegram's limit on a message's text, after entities are parsed. */
    public static final int MAX_TEXT = 4096;

    private final String html;
    private final StringBuilder text;
    private final Deque<String> open = new ArrayDeque<>();
    private int pos;

    private TelegramHtml(String html) {
        this.html = html;
        this.text = new StringBuilder(html.length());
    }

    /** The text a reader sees: tags removed, entities decoded. */
    public static String toPlainText(String html) throws MarkupException {
        return new TelegramHtml(html).parse();
    }

    /** Length as Telegram counts it: UTF-16 code units. */
    public static int length(String plain) {
        return plain.length();
    }

    /** Fails the test unless Telegram would accept {@code html} as one message's text (parses; 1..4096 long). */
    public static void requireValid(String html) {
        String plain;
        try {
            plain = toPlainText(html);
        } catch (MarkupException e) {
            throw new AssertionError("Telegram would refuse: " + e.getMessage() + " in: " + html);
        }
        if (plain.isBlank() || length(plain) > MAX_TEXT) {
            throw new AssertionError("message text of " + length(plain) + " characters is not within 1..4096: " + html);
        }
    }

    /** Fails the test unless every button's callback_data is 1 to 64 bytes, as Telegram requires. */
    public static void requireValid(Keyboard keyboard) {
        for (var row : keyboard.rows()) {
            for (Button b : row) {
                int bytes = b.callbackData().getBytes(StandardCharsets.UTF_8).length;
                if (bytes < 1 || bytes > 64) {
                    throw new AssertionError("callback_data of " + bytes + " bytes: " + b.callbackData());
                }
            }
        }
    }

    private String parse() throws MarkupException {
        int n = html.length();
        while (pos < n) {
            char c = html.charAt(pos);
            if (c == '&') {
                entity();
            } else if (c == '<') {
                tag();
            } else {
                text.append(c);
                pos++;
            }
        }
        if (!open.isEmpty()) {
            throw new MarkupException("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return text.toString();
    }

    private void entity() throws MarkupException {
        int semicolon = html.indexOf(';', pos);
        if (semicolon < 0 || semicolon - pos > 12) {
            throw bareAmpersand();
        }
        String body = html.substring(pos + 1, semicolon);
        int codePoint = decode(body);
        if (codePoint < 0) {
            throw bareAmpersand();
        }
        text.appendCodePoint(codePoint);
        pos = semicolon + 1;
    }

    private MarkupException bareAmpersand() {
        return new MarkupException("Character '&' at byte offset " + byteOffset(pos)
                + " must start an entity: use &amp;");
    }

    private static int decode(String body) {
        switch (body) {
            case "lt": return '<';
            case "gt": return '>';
            case "amp": return '&';
            case "quot": return '"';
            default: break;
        }
        if (body.length() < 2 || body.charAt(0) != '#') {
            return -1;
        }
        boolean hex = body.charAt(1) == 'x' || body.charAt(1) == 'X';
        String digits = body.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 7) {
            return -1;
        }
        try {
            int value = Integer.parseInt(digits, hex ? 16 : 10);
            return value > 0 && value <= Character.MAX_CODE_POINT
                    && !(value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE) ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void tag() throws MarkupException {
        int start = pos;
        int close = html.indexOf('>', pos);
        if (close < 0) {
            throw new MarkupException("Unclosed start tag at byte offset " + byteOffset(start));
        }
        boolean end = pos + 1 < html.length() && html.charAt(pos + 1) == '/';
        int nameStart = pos + (end ? 2 : 1);
        int nameEnd = nameStart;
        while (nameEnd < close && isNameChar(html.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        pos = close + 1;
        if (end) {
            endTag(name, html.substring(nameEnd, close), start);
        } else {
            startTag(name, html.substring(nameEnd, close), start);
        }
    }

    private void startTag(String name, String attributes, int start) throws MarkupException {
        if (!TAGS.contains(name)) {
            throw new MarkupException("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(start));
        }
        String attrs = attributes.trim();
        if (name.equals("span") && !attrs.matches("class\\s*=\\s*([\"'])tg-spoiler\\1")) {
            throw new MarkupException("Tag \"span\" must have class \"tg-spoiler\" at byte offset "
                    + byteOffset(start));
        }
        if (name.equals("a") && !attrs.matches("href\\s*=\\s*(\"[^\"]*\"|'[^']*')")) {
            throw new MarkupException("Tag \"a\" must have exactly one attribute href at byte offset "
                    + byteOffset(start));
        }
        if (name.equals("tg-emoji") && !attrs.matches("emoji-id\\s*=\\s*([\"'])\\d+\\1")) {
            throw new MarkupException("Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset "
                    + byteOffset(start));
        }
        if (!attrs.isEmpty() && !name.equals("span") && !name.equals("a") && !name.equals("tg-emoji")
                && !allowedPlainAttribute(name, attrs)) {
            throw new MarkupException("Unsupported attribute in tag \"" + name + "\" at byte offset "
                    + byteOffset(start));
        }
        open.push(name);
    }

    private static boolean allowedPlainAttribute(String name, String attrs) {
        return (name.equals("code") && attrs.matches("class\\s*=\\s*([\"'])language-[\\w+#-]+\\1"))
                || (name.equals("blockquote") && attrs.equals("expandable"));
    }

    private void endTag(String name, String rest, int start) throws MarkupException {
        if (!rest.isBlank()) {
            throw new MarkupException("Unclosed end tag at byte offset " + byteOffset(start));
        }
        if (open.isEmpty()) {
            throw new MarkupException("Unexpected end tag at byte offset " + byteOffset(start));
        }
        if (!open.peek().equals(name)) {
            throw new MarkupException("Unmatched end tag at byte offset " + byteOffset(start)
                    + ", expected \"</" + open.peek() + ">\", found \"</" + name + ">\"");
        }
        open.pop();
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    private int byteOffset(int charIndex) {
        return html.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }
}
