package app.khobor.chat;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Reads "/cmd", "/cmd args" and "/cmd@botname args" from a message's text. Parsed from the text alone: TelegramBots
 * 10.2.0's isCommand() is unreliable, and the text is all we need.
 */
final class CommandParser {
    /** What a message is, from the bot's point of view. */
    sealed interface Parsed {}

    /** @param name lower-case, without slash or @botname; @param args trimmed, may be empty */
    record Command(String name, String args, boolean addressed) implements Parsed {}

    record PlainText(String text) implements Parsed {}

    /** "/start@otherbot": meant for another bot in the same group. */
    record ForAnotherBot() implements Parsed {}

    private final Supplier<String> botUsername;

    CommandParser(Supplier<String> botUsername) {
        this.botUsername = botUsername;
    }

    Parsed parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith("/") || t.length() < 2) {
            return new PlainText(t);
        }
        int space = firstWhitespace(t);
        String head = t.substring(1, space);
        String args = t.substring(space).strip();
        int at = head.indexOf('@');
        String name = (at < 0 ? head : head.substring(0, at)).toLowerCase(Locale.ROOT);
        if (at >= 0 && !isUs(head.substring(at + 1))) {
            return new ForAnotherBot();
        }
        return new Command(name, args, at >= 0);
    }

    /** Until the bot knows its own name, an addressed command cannot be told apart, so it is left alone. */
    private boolean isUs(String username) {
        String ours = botUsername.get();
        return ours != null && !ours.isBlank() && ours.replaceFirst("^@", "").equalsIgnoreCase(username);
    }

    private static int firstWhitespace(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i)) || t.charAt(i) == '\u00A0') {
                return i;
            }
        }
        return t.length();
    }
}
