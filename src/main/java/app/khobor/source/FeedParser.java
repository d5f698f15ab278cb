package app.khobor.source;

import app.khobor.text.NewsDates;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds as portals really serve them: with a BOM, entities inside CDATA,
 * markup in titles, RFC-822 dates in Atom, xml:base, percent-encoded or raw Bengali slugs. Jsoup's lenient XML
 * parser is used because real feeds are often not well-formed XML.
 */
public final class FeedParser {
    private static final String[] RSS_DATES = {"pubdate", "dc:date", "atom:updated", "atom:published", "updated"};
    private static final String[] ATOM_DATES = {"published", "updated"};

    /**
     * @param xml     the decoded body; a leading BOM character is tolerated
     * @param baseUrl the feed's URL, against which relative links are resolved when there is no xml:base
     * @return headlines in document order, one per link (the first wins), items without a title or http(s) link left out
     * @throws ParseException when the document has no rss, rdf:RDF or feed root (an HTML page, a challenge page)
     */
    public List<Headline> parse(String sourceId, String xml, URI baseUrl, ZonedDateTime now) throws ParseException {
        Document doc = Jsoup.parse(stripBom(xml), baseUrl.toString(), Parser.xmlParser());
        Element root = doc.children().first();
        String kind = root == null ? "" : root.normalName();
        Map<String, Headline> byLink = new LinkedHashMap<>();
        if (kind.equals("rss") || kind.equals("rdf:rdf")) {
            // RSS 1.0 puts items beside the channel, RSS 2.0 inside it: look at every item below the root.
            root.getElementsByTag("item").forEach(item -> add(byLink, rssItem(sourceId, item, baseUrl, now)));
        } else if (kind.equals("feed")) {
            root.getElementsByTag("entry").forEach(entry -> add(byLink, atomEntry(sourceId, entry, baseUrl, now)));
        } else {
            throw new ParseException("not a feed: no <rss>, <rdf:RDF> or <feed> root"
                    + (root == null ? "" : " (found <" + root.tagName() + ">)") + " at " + baseUrl);
        }
        return List.copyOf(byLink.values());
    }

    private static String stripBom(String xml) {
        return xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
    }

    private static void add(Map<String, Headline> byLink, Headline headline) {
        if (headline != null) {
            byLink.putIfAbsent(headline.url(), headline);
        }
    }

    private static Headline rssItem(String sourceId, Element item, URI feedUrl, ZonedDateTime now) {
        String title = FeedText.of(child(item, "title"));
        String link = rssLink(item, feedUrl);
        Element category = child(item, "category");
        return headline(sourceId, title, link, firstDate(item, now, RSS_DATES),
                category == null ? "" : FeedText.of(category), FeedText.of(child(item, "description")));
    }

    private static Headline atomEntry(String sourceId, Element entry, URI feedUrl, ZonedDateTime now) {
        String title = FeedText.of(child(entry, "title"));
        String link = alternateLink(entry, "link", feedUrl);
        Element category = child(entry, "category");
        String label = category == null ? "" : category.attr("label").isBlank() ? category.attr("term") : category.attr("label");
        return headline(sourceId, title, link, firstDate(entry, now, ATOM_DATES), label.strip(),
                FeedText.of(child(entry, "summary")));
    }

    private static Headline headline(String sourceId, String title, String link, OffsetDateTime publishedAt,
                                     String category, String summary) {
        return title.isEmpty() || link == null ? null
                : new Headline(sourceId, title, link, publishedAt, category.isEmpty() ? null : category, summary);
    }

    /** RSS link precedence: link text (or href), then a permalink guid that is a web URL, then atom:link. */
    private static String rssLink(Element item, URI feedUrl) {
        Element link = child(item, "link");
        if (link != null) {
            String href = link.text().isBlank() ? link.attr("href") : link.text();
            String url = Links.absolute(baseOf(link, feedUrl), href);
            if (url != null) {
                return url;
            }
        }
        String guid = permalinkGuid(item, feedUrl);
        return guid != null ? guid : alternateLink(item, "atom:link", feedUrl);
    }

    private static String permalinkGuid(Element item, URI feedUrl) {
        Element guid = child(item, "guid");
        if (guid == null || guid.attr("isPermaLink").trim().equalsIgnoreCase("false")) {
            return null;
        }
        String text = guid.text().trim().toLowerCase(Locale.ROOT);
        // A guid is only a link when it says so: Prothom Alo's guids are bare UUIDs.
        return text.startsWith("http://") || text.startsWith("https://") ? Links.absolute(feedUrl, guid.text()) : null;
    }

    /** The first link element with rel="alternate" or no rel, resolved against its xml:base chain. */
    private static String alternateLink(Element parent, String name, URI feedUrl) {
        for (Element link : parent.children()) {
            String rel = link.attr("rel").trim();
            if (link.normalName().equals(name) && (rel.isEmpty() || rel.equalsIgnoreCase("alternate"))) {
                String url = Links.absolute(baseOf(link, feedUrl), link.attr("href"));
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }

    /** The effective xml:base of an element: every xml:base from the root down, each read against the one above. */
    private static URI baseOf(Element element, URI feedUrl) {
        List<String> bases = new ArrayList<>();
        for (Element e = element; e != null; e = e.parent()) {
            if (e.hasAttr("xml:base")) {
                bases.add(0, e.attr("xml:base"));
            }
        }
        URI base = feedUrl;
        for (String href : bases) {
            base = Links.base(base, href);
        }
        return base;
    }

    private static OffsetDateTime firstDate(Element item, ZonedDateTime now, String... names) {
        for (String name : names) {
            Element date = child(item, name);
            OffsetDateTime parsed = date == null ? null : NewsDates.parse(date.text().trim(), now);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    private static Element child(Element parent, String normalName) {
        for (Element child : parent.children()) {
            if (child.normalName().equals(normalName)) {
                return child;
            }
        }
        return null;
    }
}
