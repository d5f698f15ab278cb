package app.khobor.source;

import app.khobor.text.BengaliText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns hrefs as portals print them into absolute http(s) URLs that {@link URI} accepts.
 * Existing percent-escapes are kept (no double encoding); raw Bengali letters, spaces and other characters a URI
 * may not hold are percent-encoded as UTF-8, the way browsers do before sending a request.
 */
final class Links {
    private static final String ALWAYS_ESCAPED = "\"<>\\^`{|}";

    private Links() {}

    /**
     * The absolute http(s) URL of {@code href} read against {@code base}, or null when there is none. A blank href
     * also gives null: it stands for the page itself (RFC 3986), which is no headline's link, and a feed item whose
     * {@code <link>} is empty then falls back to its guid.
     */
    static String absolute(URI base, String href) {
        if (href == null || trim(href).isEmpty()) {
            return null;
        }
        URI uri = resolve(base, href);
        return uri != null && isWeb(uri) ? uri.toString() : null;
    }

    /** A base URI (xml:base, &lt;base href&gt;) read against its parent; the parent when the href is unusable. */
    static URI base(URI parent, String href) {
        URI uri = resolve(parent, href);
        return uri != null && uri.isAbsolute() ? uri : parent;
    }

    /**
     * {@code reference} read against {@code base} as RFC 3986 section 5.2 says, as browsers do. {@link URI#resolve}
     * follows RFC 2396, which differs in two cases pages and servers use: a query-only reference keeps the whole base
     * path ({@code ?id=5} on {@code /latest/news?page=1} is {@code /latest/news?id=5}, not {@code /latest/?id=5}), and
     * the empty reference is the base without its fragment (not the base's folder). So references with no scheme,
     * authority or path ({@code ""}, {@code ?q}, {@code #f}, {@code ?q#f}) are read here; URI.resolve does the rest.
     */
    static URI resolve(URI base, URI reference) {
        boolean pathless = reference.getScheme() == null && reference.getRawAuthority() == null
                && reference.getRawPath() != null && reference.getRawPath().isEmpty();
        if (!pathless || base.isOpaque()) {
            return base.resolve(reference);
        }
        String query = reference.getRawQuery() != null ? "?" + reference.getRawQuery()
                : base.getRawQuery() != null ? "?" + base.getRawQuery() : "";
        String fragment = reference.getRawFragment() != null ? "#" + reference.getRawFragment() : "";
        return URI.create(beforeQuery(base) + query + fragment);
    }

    /** Scheme, authority and path of a hierarchical URI, as written. */
    private static String beforeQuery(URI uri) {
        String s = uri.toString();
        int end = s.length();
        for (char c : new char[] {'?', '#'}) {
            int at = s.indexOf(c);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        return s.substring(0, end);
    }

    private static URI resolve(URI base, String href) {
        if (href == null) {
            return null;
        }
        try {
            URI uri = new URI(escape(trim(href)));
            return uri.isAbsolute() || base == null ? uri : resolve(base, uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null; // an href no browser could follow either: the caller skips the item
        }
    }

    private static boolean isWeb(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
    }

    /** Strips ASCII whitespace, NBSP, zero-width space and BOM from both ends: portals leave them around links. */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJunk(s.charAt(start))) {
            start++;
        }
        while (end > start && isJunk(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isJunk(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u200B' || c == '\uFEFF';
    }

    /**
     * Drops the line breaks (with the next line's indent) and tabs browsers drop, then percent-encodes what a URI may
     * not hold, keeping existing escapes and the first '#' (a later one is part of the fragment and is escaped).
     */
    private static String escape(String s) {
        String cleaned = withoutBreaks(s);
        int hash = cleaned.indexOf('#');
        if (hash < 0) {
            return encode(cleaned);
        }
        return encode(cleaned.substring(0, hash)) + "#" + encode(cleaned.substring(hash + 1));
    }

    private static String encode(String part) {
        return PercentEncoding.encode(part, cp -> !needsEscape(cp), PercentEncoding.Escapes.KEEP);
    }

    private static String withoutBreaks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i++);
            if (c == '\n' || c == '\r') {
                i = skipIndent(s, i); // a feed that wraps a long URL also indents the next line
            } else if (c != '\t' && !isHiddenInLink(c)) { // browsers drop tabs and line breaks from URLs
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Controls and bidi overrides never belong in a link (a NUL or a U+202E would reach readers and logs as part of
     * it); they are dropped like the tabs. A replacement character stays, percent-encoded: it is part of the
     * address as published.
     */
    private static boolean isHiddenInLink(char c) {
        return c != '\uFFFD' && BengaliText.isHidden(c);
    }

    private static int skipIndent(String s, int at) {
        while (at < s.length() && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    private static boolean needsEscape(int cp) {
        return cp <= ' ' || cp >= 0x7F || cp == '#' || ALWAYS_ESCAPED.indexOf(cp) >= 0;
    }
}
