package app.khobor.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks that a configured address is an absolute http(s) URL, before anything tries to fetch it. */
final class HttpUrl {
    private HttpUrl() {
    }

    /** @throws IllegalArgumentException with a message that starts with the quoted text */
    static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            String where = e.getIndex() < 0 ? "" : " at character " + (e.getIndex() + 1);
            throw new IllegalArgumentException("'" + text + "' is not a valid URL: " + e.getReason() + where);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + text + "' must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI leaves the host empty for non-ASCII names too; those need their xn-- form
            String why = uri.getRawAuthority() == null ? "it has no host name"
                    : "the host name must be ASCII (write an international name in its xn-- form)";
            throw new IllegalArgumentException("'" + text + "' is not a valid URL: " + why);
        }
        if (uri.getPort() > 65535) {
            throw new IllegalArgumentException("'" + text + "' is not a valid URL: port " + uri.getPort()
                    + " is out of range (1-65535)");
        }
        return uri;
    }
}
