package app.khobor.telegram;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Hides the bot token in text that came from the library or the network. Request URLs contain the token, and
 * exception messages may quote them; anything we log, print or hand to other packages goes through here first.
 */
public final class TokenMask {
    static final String PLACEHOLDER = "<token>";

    private final String token;
    private final String encodedToken;

    public TokenMask(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("bot token must not be empty");
        }
        this.token = token;
        this.encodedToken = URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public String mask(String text) {
        if (text == null) {
            return "";
        }
        return text.replace(token, PLACEHOLDER).replace(encodedToken, PLACEHOLDER);
    }

    /** The messages of an exception and its causes, masked, on one line. */
    String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null && out.length() < 2000; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage());
            }
        }
        return mask(out.toString());
    }

    /**
     * The exception itself when no message in its chain carries the token, so stack traces still get logged;
     * otherwise a stand-in with the masked messages and the original stack trace.
     */
    Throwable safeForLog(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains(token) || message.contains(encodedToken))) {
                RuntimeException standIn = new RuntimeException(describe(error));
                standIn.setStackTrace(error.getStackTrace());
                return standIn;
            }
        }
        return error;
    }
}
