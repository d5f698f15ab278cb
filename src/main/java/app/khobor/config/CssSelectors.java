package app.khobor.config;

import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Checks the CSS selectors of html sources with jsoup's own parser, so a typo fails at startup and not on every poll.
 */
public final class CssSelectors {
    private CssSelectors() {
    }

    /**
     * Where the title's exclusion mark '!' is: the first one outside quotes, brackets and parentheses (so
     * {@code :contains(wow!)} stays CSS), or -1. Shared by the config check and the page parser so both read a title
     * selector the same way.
     */
    public static int exclusionMark(String titleSpec) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < titleSpec.length(); i++) {
            char c = titleSpec.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '!' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** @return null when valid, else jsoup's short reason */
    static String problemOf(String selector) {
        try {
            QueryParser.parse(selector);
            return null;
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            return shortReason(selector, e.getMessage());
        }
    }

    // jsoup repeats the whole query ("Could not parse query 'x': unexpected token at 'y'"); ours is already quoted.
    private static String shortReason(String selector, String message) {
        String prefix = "Could not parse query '" + selector + "': ";
        String reason = message == null ? "unknown reason" : message;
        if (reason.startsWith(prefix)) {
            reason = reason.substring(prefix.length());
        }
        if (reason.equals("String must not be empty")) {
            reason = "a name is missing (two dots, a dot or # at the end, or an empty part)";
        }
        return reason;
    }
}
