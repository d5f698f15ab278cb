package app.khobor.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cuts one line of Telegram HTML longer than a message into pieces that each parse on their own: never inside a
 * tag, an entity or a surrogate pair, with open tags closed at the end of a piece and reopened at the next.
 */
final class LongLineSplitter {
    private record OpenTag(String name, String text) {}

    private final int limit;
    private final List<String> pieces = new ArrayList<>();
    private final Deque<OpenTag> open = new ArrayDeque<>();
    private StringBuilder piece = new StringBuilder();

    private LongLineSplitter(int limit) {
        this.limit = limit;
    }

    static List<String> split(String line, int limit) {
        LongLineSplitter s = new LongLineSplitter(limit);
        for (int i = 0; i < line.length(); ) {
            int end = tokenEnd(line, i);
            s.add(line.substring(i, end));
            i = end;
        }
        s.pieces.add(s.piece.toString());
        return s.pieces;
    }

    /** A tag, an entity, or one character (both halves of a surrogate pair). */
    private static int tokenEnd(String line, int i) {
        char ch = line.charAt(i);
        int close = ch == '<' ? line.indexOf('>', i) : ch == '&' ? line.indexOf(';', i) : -1;
        if (close > 0 && (ch == '<' || close - i <= 10)) {
            return close + 1;
        }
        return Character.isHighSurrogate(ch) && i + 1 < line.length() ? i + 2 : i + 1;
    }

    private void add(String token) {
        boolean closing = token.startsWith("</");
        int reserve = closersLength() + (token.startsWith("<") && !closing ? closerOf(token).length() : 0);
        if (!closing && piece.length() + token.length() + reserve > limit && piece.length() > openersLength()) {
            cut();
        }
        piece.append(token);
        if (closing && !open.isEmpty()) {
            open.pop();
        } else if (token.startsWith("<")) {
            open.push(new OpenTag(closerOf(token), token));
        }
    }

    private void cut() {
        open.forEach(t -> piece.append(t.name()));
        pieces.add(piece.toString());
        piece = new StringBuilder();
        open.descendingIterator().forEachRemaining(t -> piece.append(t.text()));
    }

    private static String closerOf(String openTag) {
        int end = 1;
        while (end < openTag.length() && (Character.isLetterOrDigit(openTag.charAt(end)) || openTag.charAt(end) == '-')) {
            end++;
        }
        return "</" + openTag.substring(1, end) + ">";
    }

    private int closersLength() {
        return open.stream().mapToInt(t -> t.name().length()).sum();
    }

    private int openersLength() {
        return open.stream().mapToInt(t -> t.text().length()).sum();
    }
}
