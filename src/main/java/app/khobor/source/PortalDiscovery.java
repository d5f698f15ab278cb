package app.khobor.source;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a portal offers, read from its home page and robots.txt: feeds announced with {@code <link rel="alternate">},
 * sitemaps listed on {@code Sitemap:} lines, a link to its "latest" (সর্বশেষ) page, and CSS selectors for the largest
 * repeated block of article links with Bengali text on a page. Pure: the caller fetches.
 */
public final class PortalDiscovery {
    /** A guess at a page's headline blocks, in the terms of an html source. */
    public record PageGuess(String item, String title, String link, int blocks) {}

    private static final Pattern BENGALI_LETTERS = Pattern.compile("[\\u0985-\\u09B9]");
    private static final Pattern PLAIN_CLASS = Pattern.compile("-?[A-Za-z_][A-Za-z0-9_-]*");
    private static final int MIN_TITLE_CHARS = 20;
    private static final int MIN_TITLE_WORDS = 3;
    /** Menus list section names, not headlines. */
    private static final Pattern MENU = Pattern.compile("(?i)nav|menu|dropdown|header|footer|breadcrumb");
    private static final int MIN_BLOCKS = 3;
    private static final String LATEST = "সর্বশেষ";

    private PortalDiscovery() {}

    /** Feeds the page announces, in page order. */
    public static List<URI> feeds(String html, URI pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl.toString());
        Set<URI> feeds = new LinkedHashSet<>();
        for (Element link : doc.select("link[href][rel~=(?i)alternate]")) {
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (type.contains("rss") || type.contains("atom")) {
                absolute(pageUrl, link.attr("href")).ifPresent(feeds::add);
            }
        }
        return List.copyOf(feeds);
    }

    /** The sitemaps a robots.txt lists ({@code Sitemap: URL} lines, any case). */
    public static List<URI> sitemaps(String robots, URI robotsUrl) {
        Set<URI> sitemaps = new LinkedHashSet<>();
        for (String line : robots.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("sitemap:")) {
                absolute(robotsUrl, trimmed.substring("sitemap:".length()).strip()).ifPresent(sitemaps::add);
            }
        }
        return List.copyOf(sitemaps);
    }

    /** The first link on the portal's own host whose text says সর্বশেষ (latest), other than the page itself. */
    public static Optional<URI> latestPage(String html, URI pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl.toString());
        for (Element a : doc.select("a[href]")) {
            if (a.text().contains(LATEST)) {
                Optional<URI> url = absolute(pageUrl, a.attr("href"))
                        .filter(u -> sameHost(u, pageUrl) && !u.equals(pageUrl));
                if (url.isPresent()) {
                    return url;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The largest group of same-shaped article links with Bengali text (at least three), outside menus: item is the
     * link's parent (under its own parent), link the link inside it, title the link's heading when it wraps one (a
     * card with a summary), else the link. Links may point to another host (a portal serving from a CDN name).
     */
    public static Optional<PageGuess> guess(String html, URI pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl.toString());
        Map<String, List<Element>> groups = new LinkedHashMap<>();
        Map<String, String[]> selectors = new HashMap<>();
        for (Element a : doc.select("a[href]")) {
            Element parent = a.parent();
            Element grandparent = parent == null ? null : parent.parent();
            if (grandparent == null || !headlineLike(a, pageUrl)) {
                continue;
            }
            String item = css(grandparent) + " > " + css(parent);
            String link = css(a);
            Element heading = a.selectFirst("h1, h2, h3, h4, h5, h6");
            String title = heading == null ? link : heading.normalName();
            String key = item + " | " + link + " | " + title;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            selectors.putIfAbsent(key, new String[] {item, title, link});
        }
        String best = null;
        for (Map.Entry<String, List<Element>> group : groups.entrySet()) {
            if (best == null || group.getValue().size() > groups.get(best).size()) {
                best = group.getKey();
            }
        }
        if (best == null || groups.get(best).size() < MIN_BLOCKS) {
            return Optional.empty();
        }
        String[] s = selectors.get(best);
        return Optional.of(new PageGuess(s[0], s[1], s[2], groups.get(best).size()));
    }

    private static boolean headlineLike(Element a, URI pageUrl) {
        String text = a.text().strip();
        if (text.length() < MIN_TITLE_CHARS || !BENGALI_LETTERS.matcher(text).find()
                || text.split("\\s+").length < MIN_TITLE_WORDS || inMenu(a)) {
            return false;
        }
        return absolute(pageUrl, a.attr("href")).isPresent();
    }

    private static boolean inMenu(Element a) {
        for (Element e = a; e != null; e = e.parent()) {
            if (e.normalName().equals("nav") || e.normalName().equals("header") || e.normalName().equals("footer")
                    || MENU.matcher(e.className()).find() || MENU.matcher(e.id()).find()) {
                return true;
            }
        }
        return false;
    }

    /** tag.class.class, leaving out classes CSS would need escapes for (and every class of a huge utility list). */
    static String css(Element e) {
        StringBuilder css = new StringBuilder(e.normalName());
        int kept = 0;
        for (String c : e.classNames()) {
            if (kept < 3 && PLAIN_CLASS.matcher(c).matches()) {
                css.append('.').append(c);
                kept++;
            }
        }
        return css.toString();
    }

    private static Optional<URI> absolute(URI base, String href) {
        String url = Links.absolute(base, href);
        try {
            return url == null ? Optional.empty() : Optional.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean sameHost(URI a, URI b) {
        String x = a.getHost() == null ? "" : a.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        String y = b.getHost() == null ? "" : b.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        return x.equals(y);
    }
}
