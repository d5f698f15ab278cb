package app.khobor.chat;

import app.khobor.text.Highlights;
import java.util.ArrayList;
import java.util.List;

/** Telegram HTML: escaping every outside string, and splitting long texts into messages Telegram accepts. */
public final class HtmlText {
    /**
     * Telegram counts text after entity parsing (UTF-16 code units): tags and the URLs inside them do not count, an
     * entity counts as one character. A list with long percent-encoded Bengali links is far longer as HTML than as
     * text, and still one message.
     */
    public static final int MESSAGE_LIMIT = 4096;

    private HtmlText() {}

    /** The only four characters Telegram's HTML parser cares about; null becomes empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * The escaped text with the given ranges in {@code <b>}: the matched words of a search or a followed rule. Ranges
     * out of order, overlapping or outside the text are ignored rather than producing broken HTML.
     */
    public static String escapeWithBold(String text, List<Highlights.Span> spans) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16 + 7 * spans.size());
        int at = 0;
        for (Highlights.Span s : spans) {
            if (s.start() < at || s.end() <= s.start() || s.end() > text.length()) {
                continue;
            }
            b.append(escape(text.substring(at, s.start()))).append("<b>")
                    .append(escape(text.substring(s.start(), s.end()))).append("</b>");
            at = s.end();
        }
        return b.append(escape(text.substring(at))).toString();
    }

    /** A link whose text has the given ranges in bold; just that text when the URL is not http(s). */
    public static String link(String url, String text, List<Highlights.Span> bold) {
        String shown = escapeWithBold(text, bold);
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return shown;
        }
        return "<a href=\"" + escape(url) + "\">" + shown + "</a>";
    }

    /** A link, or just the escaped text when the URL is not http(s) (a javascript: link must never be clickable). */
    public static String link(String url, String text) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return escape(text);
        }
        return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
    }

    /** The length Telegram checks against {@link #MESSAGE_LIMIT}: the text of this HTML, tags left out, entities one each. */
    public static int visibleLength(String html) {
        int length = 0;
        for (int i = 0; i < html.length(); i++) {
            char ch = html.charAt(i);
            int close = ch == '<' ? html.indexOf('>', i) : ch == '&' ? html.indexOf(';', i) : -1;
            if (ch == '<' && close > 0) {
                i = close;
                continue;
            }
            if (ch == '&' && close > 0 && close - i <= 10) {
                i = close;
            }
            length++;
        }
        return length;
    }

    /**
     * Splits at line boundaries into parts of at most {@code limit} characters of text as Telegram counts them
     * ({@link #visibleLength}); a single longer line is cut between
     * characters outside tags and entities, closing its open tags and reopening them in the next part. Tags must open
     * and close on the same line (all of Khobor's do), so that a cut between lines never leaves one open.
     */
    public static List<String> split(String html, int limit) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentLength = 0;
        for (String line : html.split("\n", -1)) {
            int lineLength = visibleLength(line);
            int needed = current.isEmpty() ? lineLength : currentLength + 1 + lineLength;
            if (needed <= limit) {
                currentLength = needed;
                if (!current.isEmpty() || !parts.isEmpty() || !line.isBlank()) {
                    current.append(current.isEmpty() ? "" : "\n").append(line);
                }
                continue;
            }
            flush(current, parts);
            currentLength = 0;
            if (lineLength <= limit) {
                current.append(line);
                currentLength = lineLength;
            } else {
                List<String> pieces = LongLineSplitter.split(line, limit);
                parts.addAll(pieces.subList(0, pieces.size() - 1));
                current.append(pieces.get(pieces.size() - 1));
                currentLength = visibleLength(current.toString());
            }
        }
        flush(current, parts);
        return parts;
    }

    public static List<String> split(String html) {
        return split(html, MESSAGE_LIMIT);
    }

    /** Telegram refuses empty or blank messages, so blank parts are dropped. */
    private static void flush(StringBuilder current, List<String> parts) {
        String part = current.toString().strip();
        if (!part.isEmpty()) {
            parts.add(part);
        }
        current.setLength(0);
    }
}
