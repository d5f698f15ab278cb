package app.khobor.source;

import app.khobor.config.SourceConfig;
import app.khobor.text.BengaliText;
import app.khobor.text.NewsDates;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Reads headlines from an HTML listing page with a source's CSS selectors ({@link SourceConfig}).
 *
 * <ul>
 *   <li>item: each match is one headline block (required).</li>
 *   <li>title: inside the item; may leave out kickers with {@code "<css> ! <css to leave out>"}, e.g.
 *       {@code "h1, h3 ! span.subHeading"} (see {@link TitleSelector}). Without one: the item's text, else its first
 *       h1-h6 (for empty {@code a.stretched-link} cards), else the link's title attribute or an image's alt text.</li>
 *   <li>link: inside the item; without one, the item itself when it is an a[href], else its first a[href].
 *       Resolved against &lt;base href&gt; or the page URL; only http(s) links are kept.</li>
 *   <li>time: inside the item; its datetime attribute, text or title attribute, read by {@link NewsDates#parse}.</li>
 * </ul>
 * A page where nothing matches yields an empty list; the caller decides that this is a failure.
 * Thread-safe: one instance may serve every source.
 */
public final class PageParser {
    private static final Evaluator ANY_LINK = QueryParser.parse("a[href]");
    private static final Evaluator HEADING = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator IMAGE_WITH_ALT = QueryParser.parse("img[alt]");
    private static final Evaluator BASE_HREF = QueryParser.parse("base[href]");

    private final ConcurrentMap<String, PageSelectors> compiled = new ConcurrentHashMap<>();

    /**
     * @return headlines in page order, one per link (the first occurrence wins); empty when the item selector matched nothing
     * @throws IllegalArgumentException when the source's selectors are missing or not valid CSS
     */
    public List<Headline> parse(SourceConfig source, String html, URI pageUrl, ZonedDateTime now) {
        PageSelectors selectors = selectorsFor(source);
        Document doc = Jsoup.parse(html, pageUrl.toString());
        URI base = baseOf(doc, pageUrl);
        Map<String, Headline> byLink = new LinkedHashMap<>();
        for (Element item : doc.select(selectors.item())) {
            Headline headline = headline(source.id(), selectors, item, base, now);
            if (headline != null) {
                byLink.putIfAbsent(headline.url(), headline);
            }
        }
        return List.copyOf(byLink.values());
    }

    /** Checks a source's selectors without reading a page, so configuration errors surface at startup. */
    public static void checkSelectors(SourceConfig source) {
        PageSelectors.compile(source);
    }

    private PageSelectors selectorsFor(SourceConfig source) {
        PageSelectors cached = compiled.get(source.id());
        if (cached != null && cached.compiledFrom(source)) {
            return cached;
        }
        PageSelectors fresh = PageSelectors.compile(source);
        compiled.put(source.id(), fresh);
        return fresh;
    }

    private static URI baseOf(Document doc, URI pageUrl) {
        Element base = doc.selectFirst(BASE_HREF);
        return base == null ? pageUrl : Links.base(pageUrl, base.attr("href"));
    }

    private static Headline headline(String sourceId, PageSelectors selectors, Element item, URI base, ZonedDateTime now) {
        Element link = selectors.link() != null ? item.selectFirst(selectors.link()) : defaultLink(item);
        String url = link == null || pointsNowhere(link.attr("href")) ? null : Links.absolute(base, link.attr("href"));
        String title = BengaliText.display(selectors.title() != null ? selectors.title().textOf(item) : item.text());
        if (title.isEmpty()) {
            title = BengaliText.display(fallbackTitle(item, link, selectors.title() == null));
        }
        if (url == null || title.isEmpty()) {
            return null;
        }
        return new Headline(sourceId, title, url, time(selectors.time(), item, now));
    }

    private static Element defaultLink(Element item) {
        if (item.normalName().equals("a") && !pointsNowhere(item.attr("href"))) {
            return item;
        }
        return item.select(ANY_LINK).stream().filter(a -> !pointsNowhere(a.attr("href"))).findFirst().orElse(null);
    }

    /**
     * "#", "" and "javascript:" anchors (script-driven cards) would resolve to the listing page itself: every such
     * item would link to the page and collapse into one canonical URL.
     */
    private static boolean pointsNowhere(String href) {
        String h = href.strip();
        return h.isEmpty() || h.startsWith("#") || h.regionMatches(true, 0, "javascript:", 0, 11);
    }

    /** Cards whose only link is an empty stretched anchor keep the headline in a heading or in attributes. */
    private static String fallbackTitle(Element item, Element link, boolean lookForHeading) {
        Element heading = lookForHeading ? item.selectFirst(HEADING) : null;
        if (heading != null && !heading.text().isBlank()) {
            return heading.text();
        }
        if (link != null && !link.attr("title").isBlank()) {
            return link.attr("title");
        }
        Element image = item.selectFirst(IMAGE_WITH_ALT);
        return image == null ? "" : image.attr("alt");
    }

    private static OffsetDateTime time(Evaluator selector, Element item, ZonedDateTime now) {
        Element time = selector == null ? null : item.selectFirst(selector);
        if (time == null) {
            return null;
        }
        for (String text : new String[] {time.attr("datetime"), time.text(), time.attr("title")}) {
            OffsetDateTime parsed = text.isBlank() ? null : NewsDates.parse(text.trim(), now);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }
}
