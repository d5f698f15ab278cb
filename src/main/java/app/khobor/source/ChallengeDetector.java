package app.khobor.source;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises anti-bot challenge and denial pages (Cloudflare, Akamai and the like) that a portal serves instead of its
 * content, often with status 200. Such a page is a failure to report, not "no new headlines".
 *
 * <p>Real news pages mention Cloudflare too (Samakal loads Cloudflare's {@code /cdn-cgi/challenge-platform/scripts/jsd}
 * script and its beacon), and articles may write about outages. So body markers count only when the body is as small as
 * a challenge page (they are 0.3-30 KB; portal pages are 100 KB and more), while an exact challenge title counts always.
 * Only the first 16 KB are looked at, as ASCII: every marker is ASCII.
 */
public final class ChallengeDetector {

    /** Who put the page in the way; the text reads "blocked by {description}". */
    public enum Blocker {
        CLOUDFLARE("a Cloudflare challenge"),
        AKAMAI("an Akamai access denial"),
        OTHER("an anti-bot page");

        private final String description;

        Blocker(String description) {
            this.description = description;
        }
    }

    /** A detected challenge page. */
    public record Challenge(Blocker blocker, int status) {
        /** One line for the operator, e.g. "blocked by a Cloudflare challenge (HTTP 403)". */
        public String message() {
            return "blocked by " + blocker.description + " (HTTP " + status + ")";
        }
    }

    static final int HEAD_BYTES = 16 * 1024;
    static final int SMALL_BODY_BYTES = 64 * 1024;

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]{0,300})</title", Pattern.CASE_INSENSITIVE);
    private static final List<String> CLOUDFLARE_TITLES = List.of(
            "just a moment...", "attention required! | cloudflare", "please wait... | cloudflare",
            "one moment, please...");
    /** Parts of the challenge itself, not of the analytics/bot-detection scripts Cloudflare adds to normal pages. */
    private static final List<String> CLOUDFLARE_MARKERS = List.of(
            "cf_chl_opt", "cf-chl-", "/cdn-cgi/challenge-platform/h/", "challenge-error-text", "cf-browser-verification",
            "used cloudflare to restrict access");
    private static final List<String> AKAMAI_DETAILS = List.of(
            "you don't have permission to access", "reference #", "reference&#32;&#35;", "errors.edgesuite.net");
    private static final List<String> GENERIC_MARKERS = List.of(
            "captcha", "are you a robot", "are you a human", "access denied", "request blocked", "ddos-guard",
            "incapsula", "sucuri website firewall", "bot protection");

    public Optional<Challenge> detect(int status, HttpHeaders headers, byte[] body) {
        if (headers.firstValue("cf-mitigated").isPresent()) {
            return found(Blocker.CLOUDFLARE, status); // Cloudflare's own label on challenge responses
        }
        String head = new String(body, 0, Math.min(body.length, HEAD_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        Optional<Blocker> byTitle = byTitle(title(head), head);
        if (byTitle.isPresent()) {
            return found(byTitle.get(), status);
        }
        if (body.length > SMALL_BODY_BYTES) {
            return Optional.empty();
        }
        return byMarkers(status, headers, head).map(blocker -> new Challenge(blocker, status));
    }

    private static Optional<Blocker> byTitle(String title, String head) {
        if (CLOUDFLARE_TITLES.contains(title) || title.contains("used cloudflare to restrict access")) {
            return Optional.of(Blocker.CLOUDFLARE);
        }
        if (title.equals("access denied")) {
            return Optional.of(containsAny(head, AKAMAI_DETAILS) ? Blocker.AKAMAI : Blocker.OTHER);
        }
        return Optional.empty();
    }

    private static Optional<Blocker> byMarkers(int status, HttpHeaders headers, String head) {
        if (containsAny(head, CLOUDFLARE_MARKERS) || isCloudflareDenial(status, headers, head)) {
            return Optional.of(Blocker.CLOUDFLARE);
        }
        if (head.contains("access denied") && containsAny(head, AKAMAI_DETAILS)) {
            return Optional.of(Blocker.AKAMAI);
        }
        boolean refusalStatus = status == 403 || status == 429 || status == 503;
        return refusalStatus && containsAny(head, GENERIC_MARKERS) ? Optional.of(Blocker.OTHER) : Optional.empty();
    }

    /** A 403 that Cloudflare itself wrote (firewall rule, "Sorry, you have been blocked"). */
    private static boolean isCloudflareDenial(int status, HttpHeaders headers, String head) {
        boolean fromCloudflare = headers.firstValue("server").map(s -> s.equalsIgnoreCase("cloudflare")).orElse(false);
        return status == 403 && fromCloudflare && head.contains("cloudflare");
    }

    private static String title(String head) {
        Matcher m = TITLE.matcher(head);
        return m.find() ? m.group(1).replaceAll("\\s+", " ").strip() : "";
    }

    private static boolean containsAny(String text, List<String> needles) {
        return needles.stream().anyMatch(text::contains);
    }

    private static Optional<Challenge> found(Blocker blocker, int status) {
        return Optional.of(new Challenge(blocker, status));
    }
}
