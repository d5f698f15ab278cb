package app.khobor.source;

import app.khobor.text.NewsDates;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads Google News sitemaps: a {@code <urlset>} whose {@code <url>} entries carry {@code news:title} and
 * {@code news:publication_date}, and a {@code <sitemapindex>} listing child sitemaps. Namespace prefixes are matched
 * by local name, so a portal writing {@code n:news} is read too. Entries without a news title (a plain sitemap's
 * pages) give no headline: a sitemap has no other title to show.
 */
public final class SitemapParser {
    /** What a sitemap document holds: headlines (a urlset) or child sitemaps (an index). */
    public record Sitemap(List<Headline> headlines, List<Child> children) {}

    /** One child of a sitemap index; {@code lastModified} null when it gives none. */
    public record Child(URI url, OffsetDateTime lastModified) {}

    /**
     * @throws ParseException when the root is neither urlset nor sitemapindex (an HTML page, a challenge page)
     */
    public Sitemap parse(String sourceId, String xml, URI baseUrl, ZonedDateTime now) throws ParseException {
        Document doc = Jsoup.parse(xml.startsWith("\uFEFF") ? xml.substring(1) : xml, baseUrl.toString(),
                Parser.xmlParser());
        Element root = doc.children().first();
        String kind = root == null ? "" : localName(root);
        if (kind.equals("urlset")) {
            Map<String, Headline> byLink = new LinkedHashMap<>();
            for (Element url : childrenNamed(root, "url")) {
                Headline h = headline(sourceId, url, baseUrl, now);
                if (h != null) {
                    byLink.putIfAbsent(h.url(), h);
                }
            }
            return new Sitemap(List.copyOf(byLink.values()), List.of());
        }
        if (kind.equals("sitemapindex")) {
            List<Child> children = new ArrayList<>();
            for (Element sitemap : childrenNamed(root, "sitemap")) {
                String loc = Links.absolute(baseUrl, text(child(sitemap, "loc")));
                if (loc != null) {
                    children.add(new Child(URI.create(loc), NewsDates.parse(text(child(sitemap, "lastmod")), now)));
                }
            }
            return new Sitemap(List.of(), List.copyOf(children));
        }
        throw new ParseException("not a sitemap: no <urlset> or <sitemapindex> root"
                + (root == null ? "" : " (found <" + root.tagName() + ">)") + " at " + baseUrl);
    }

    /**
     * The {@code count} newest children by lastmod; children without one count as older than any with one and keep
     * the index's order among themselves.
     */
    public static List<Child> newest(List<Child> children, int count) {
        Comparator<OffsetDateTime> newestFirst = Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder());
        return children.stream()
                .sorted(Comparator.comparing(Child::lastModified, newestFirst))
                .limit(count)
                .toList();
    }

    private static Headline headline(String sourceId, Element url, URI base, ZonedDateTime now) {
        Element news = child(url, "news");
        String link = Links.absolute(base, text(child(url, "loc")));
        if (news == null || link == null) {
            return null;
        }
        Element titleElement = child(news, "title");
        String title = titleElement == null ? "" : FeedText.of(titleElement);
        if (title.isEmpty()) {
            return null;
        }
        OffsetDateTime published = NewsDates.parse(text(child(news, "publication_date")), now);
        if (published == null) {
            published = NewsDates.parse(text(child(url, "lastmod")), now);
        }
        return new Headline(sourceId, title, link, published);
    }

    private static String localName(Element e) {
        String name = e.normalName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static List<Element> childrenNamed(Element parent, String local) {
        return parent.children().stream().filter(e -> localName(e).equals(local)).toList();
    }

    private static Element child(Element parent, String local) {
        for (Element e : parent.children()) {
            if (localName(e).equals(local)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? "" : e.text().trim();
    }
}
