package app.khobor.news;

import app.khobor.source.Headline;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The section a headline belongs to: what its source says (a feed's {@code <category>}), else the first segment of
 * its URL's path when that segment is a word and more path follows ({@code /sports/cricket/1146793} is in "sports";
 * {@code /742345/slug} and {@code /article-slug} name no section).
 */
final class Sections {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]{1,29}");
    private static final int LONGEST = 64;

    private Sections() {}

    static String of(Headline headline) {
        String given = headline.category();
        if (given != null && !given.isBlank()) {
            String trimmed = given.strip();
            return trimmed.length() > LONGEST ? trimmed.substring(0, LONGEST) : trimmed;
        }
        return fromUrl(headline.url());
    }

    static String fromUrl(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        String[] segments = path.replaceFirst("^/", "").split("/");
        return segments.length >= 2 && WORD.matcher(segments[0]).matches() && !segments[1].isEmpty() ? segments[0] : null;
    }
}
