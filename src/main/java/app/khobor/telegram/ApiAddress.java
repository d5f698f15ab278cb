package app.khobor.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import org.telegram.telegrambots.meta.TelegramUrl;

/** Turns the configured Bot API base URL into the library's TelegramUrl (scheme, host, port; no path). */
final class ApiAddress {
    private ApiAddress() {}

    static TelegramUrl parse(String apiUrl) {
        URI uri = toUri(apiUrl);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Bot API URL '" + apiUrl + "' must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Bot API URL '" + apiUrl + "' has no host");
        }
        // TelegramUrl cannot carry a path prefix, so a URL with one would silently hit the wrong endpoint.
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException(
                    "Bot API URL '" + apiUrl + "' must not have a path; requests go to <url>/bot<token>/<method>");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    private static URI toUri(String apiUrl) {
        if (apiUrl == null || apiUrl.isBlank()) {
            throw new IllegalArgumentException("Bot API URL must not be empty, e.g. https://api.telegram.org");
        }
        try {
            return new URI(apiUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Bot API URL '" + apiUrl + "' is not a valid URL: " + e.getReason());
        }
    }
}
