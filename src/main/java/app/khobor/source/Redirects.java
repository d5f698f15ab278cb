package app.khobor.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where a redirect leads. */
final class Redirects {
    private static final Logger log = LoggerFactory.getLogger(Redirects.class);

    private Redirects() {}

    /**
     * Resolves a Location (often relative, sometimes with raw spaces) against the URL that sent it, by RFC 3986 as
     * {@link Links#resolve(URI, URI)} does ({@code ?page=2} keeps the path; an empty Location is the same URL). An
     * https-to-http redirect is followed: the content is public news and the source would otherwise stop for good; it
     * is logged so the operator can pin the source URL.
     */
    static Optional<URI> target(URI from, String location) {
        try {
            URI to = Links.resolve(from, new URI(location.strip().replace(" ", "%20")));
            if (!isHttp(to)) {
                return Optional.empty();
            }
            if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme())) {
                log.warn("{} redirects from https to plain http ({}); following it", from, to);
            }
            return Optional.of(to);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean isHttp(URI url) {
        String scheme = url.getScheme();
        return url.isAbsolute() && url.getHost() != null
                && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    }
}
