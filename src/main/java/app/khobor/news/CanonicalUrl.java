package app.khobor.news;

import app.khobor.source.PercentEncoding;
import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The de-duplication identity of a link: the same article linked in different spellings gives the same string.
 *
 * <p>Lower-cases scheme and host (Unicode hosts become punycode), drops the default port, the fragment and tracking
 * parameters (utm_*, fbclid, gclid, ...), keeps the other parameters in their order, and writes every character in
 * one percent-encoding form: escapes of unreserved characters are decoded, other escapes are upper-cased, raw
 * non-ASCII text (a Bengali slug typed as is) and unsafe characters (spaces) are encoded as UTF-8. Escapes of
 * reserved characters ({@code %2F}, {@code %26}, {@code %3D}, ...) stay escaped because decoding them would change
 * the meaning of the URL.
 *
 * <p>The scheme is kept as is: {@code http://x/a} and {@code https://x/a} stay different. Folding them would hide a
 * real difference on the rare site that serves both, and costs at most one re-announced page when a site moves to
 * https. Path case, trailing slashes and {@code www.} are kept for the same reason: servers may tell them apart.
 * Bengali text inside the path is compared byte for byte (no Unicode normalisation): the server decides.
 */
public final class CanonicalUrl {
    private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#.*)?",
            Pattern.DOTALL);
    private static final Pattern AUTHORITY = Pattern.compile("(?:(.*)@)?(\\[[^\\]]*\\]|[^:]*)(?::(\\d*))?");
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "ref_src");
    private static final String PATH_SAFE = "!$&'()*+,;=:@/";
    private static final String QUERY_SAFE = "!$'()*+,;=:@/?";
    private static final String USER_SAFE = "!$&'()*+,;=:";

    private CanonicalUrl() {}

    /** Never throws: what cannot be parsed as {@code scheme://host...} comes back trimmed (null gives ""). */
    public static String of(String url) {
        if (url == null) {
            return "";
        }
        String trimmed = url.strip();
        try {
            Matcher m = URL.matcher(trimmed);
            return m.matches() ? canonical(m) : trimmed;
        } catch (RuntimeException e) {
            // IDN.toASCII rejects some hosts; an odd link must still get an identity, so it keeps its own spelling
            return trimmed;
        }
    }

    private static String canonical(Matcher m) {
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String authority = authority(scheme, m.group(2));
        if (authority == null) {
            return m.group(0);
        }
        String path = m.group(3).isEmpty() ? "/" : encode(m.group(3), PATH_SAFE);
        String query = m.group(4) == null ? "" : query(m.group(4));
        return scheme + "://" + authority + path + (query.isEmpty() ? "" : "?" + query);
    }

    /** user@host:port with the host lower-cased and the default port dropped; null when there is no usable host. */
    private static String authority(String scheme, String raw) {
        Matcher a = AUTHORITY.matcher(raw);
        if (!a.matches() || a.group(2).isEmpty()) {
            return null;
        }
        String host = host(a.group(2));
        String port = a.group(3);
        boolean defaultPort = port == null || port.isEmpty()
                || (scheme.equals("http") && Integer.parseInt(port) == 80)
                || (scheme.equals("https") && Integer.parseInt(port) == 443);
        String user = a.group(1) == null ? "" : encode(a.group(1), USER_SAFE) + "@";
        return user + host + (defaultPort ? "" : ":" + Integer.parseInt(port));
    }

    private static String host(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") || lower.chars().allMatch(c -> c < 0x80)) {
            return lower;
        }
        return IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }

    private static String query(String raw) {
        StringJoiner kept = new StringJoiner("&");
        for (String param : raw.split("&")) {
            if (!param.isEmpty() && !isTracking(param)) {
                kept.add(encode(param, QUERY_SAFE + "="));
            }
        }
        return kept.toString();
    }

    private static boolean isTracking(String param) {
        int eq = param.indexOf('=');
        String name = encode(eq < 0 ? param : param.substring(0, eq), "").toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }

    /**
     * One spelling for a component: unreserved characters literal (decoded if escaped), {@code safe} characters literal,
     * everything else as upper-case %XX of its UTF-8 bytes.
     */
    static String encode(String s, String safe) {
        return PercentEncoding.encode(s, cp -> PercentEncoding.isUnreserved(cp) || (cp < 0x80 && safe.indexOf(cp) >= 0),
                PercentEncoding.Escapes.NORMALISE);
    }
}
