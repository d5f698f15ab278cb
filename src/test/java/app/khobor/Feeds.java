package app.khobor;

import app.khobor.fakes.FixtureFiles;
import app.khobor.source.FeedParser;
import app.khobor.source.Headline;
import app.khobor.source.ParseException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RSS for the portal: saved real feeds from src/test/resources/fixtures, cut down item by item, or written by hand. */
final class Feeds {
    static final String PROTHOMALO_OLDER = "prothomalo/rss-5dcfbf4/prothomalo.xml";
    static final String PROTHOMALO_NEWER = "prothomalo/rss-3fa4716/prothomalo.xml";
    static final String JAGONEWS_OLDER = "jagonews24/rss-5dcfbf4/jagonews.xml";
    static final String JAGONEWS_NEWER = "jagonews24/rss-3fa4716/jagonews.xml";

    private static final Pattern ITEM = Pattern.compile("<item>.*?</item>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<link>\\s*([^<]*?)\\s*</link>");

    private Feeds() {}

    static String fixture(String path) {
        return FixtureFiles.text(path);
    }

    /** The item links of a feed, in feed order. */
    static List<String> links(String xml) {
        List<String> links = new ArrayList<>();
        Matcher item = ITEM.matcher(xml);
        while (item.find()) {
            links.add(linkOf(item.group()));
        }
        return links;
    }

    /** The feed with only the items whose link passes; channel head and tail unchanged. */
    static String keepItems(String xml, Predicate<String> keepLink) {
        Matcher item = ITEM.matcher(xml);
        StringBuilder b = new StringBuilder();
        int end = 0;
        while (item.find()) {
            b.append(xml, end, item.start());
            if (keepLink.test(linkOf(item.group()))) {
                b.append(item.group());
            }
            end = item.end();
        }
        return b.append(xml.substring(end)).toString();
    }

    /**
     * A minimal RSS 2.0 feed. Titles go in as XML text, so a test can write the entities it means to send.
     *
     * @param items pairs of (title as XML text, link)
     */
    static String rss(String... items) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<rss version=\"2.0\"><channel><title>Test</title><link>https://news.example/</link>"
                + "<description>Test</description>\n");
        for (int i = 0; i < items.length; i += 2) {
            b.append("<item><title>").append(items[i]).append("</title><link>").append(items[i + 1])
                    .append("</link><pubDate>Thu, 13 Aug 2026 04:50:00 +0000</pubDate></item>\n");
        }
        return b.append("</channel></rss>\n").toString();
    }

    /** The newer Prothom Alo snapshot with only the headlines of the older one plus the given new links. */
    static String prothomaloWith(String... newLinks) {
        return keepItems(fixture(PROTHOMALO_NEWER), known(PROTHOMALO_OLDER, newLinks)::contains);
    }

    /** The newer Jago News snapshot with only the headlines of the older one plus the given new links. */
    static String jagonewsWith(String... newLinks) {
        return keepItems(fixture(JAGONEWS_NEWER), known(JAGONEWS_OLDER, newLinks)::contains);
    }

    private static Set<String> known(String olderFixture, String... newLinks) {
        Set<String> links = new HashSet<>(links(fixture(olderFixture)));
        links.addAll(List.of(newLinks));
        return links;
    }

    /** Title to link of the headlines the newer snapshot adds, as the bot's feed parser reads them. */
    static Map<String, String> added(String sourceId, String older, String newer) {
        Set<String> before = new HashSet<>(titles(sourceId, older).values());
        Map<String, String> added = new LinkedHashMap<>();
        titles(sourceId, newer).forEach((title, link) -> {
            if (!before.contains(link)) {
                added.put(title, link);
            }
        });
        return added;
    }

    /**
     * Title to link, in feed order, as {@link FeedParser} reads them (NFC titles, entities decoded; FeedParserTest
     * pins what it reads), so tests compare with what the bot stores.
     */
    static Map<String, String> titles(String sourceId, String fixture) {
        try {
            List<Headline> headlines = new FeedParser().parse(sourceId, fixture(fixture),
                    URI.create("https://example.com/feed"), ZonedDateTime.parse("2026-08-13T11:00:00+06:00"));
            Map<String, String> titles = new LinkedHashMap<>();
            headlines.forEach(h -> titles.putIfAbsent(h.title(), h.url()));
            return titles;
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, String> byLink(Map<String, String> titleToLink) {
        Map<String, String> byLink = new LinkedHashMap<>();
        titleToLink.forEach((title, link) -> byLink.put(link, title));
        return byLink;
    }

    private static String linkOf(String item) {
        Matcher link = LINK.matcher(item);
        if (!link.find()) {
            throw new IllegalArgumentException("item without a link: " + item.substring(0, Math.min(200, item.length())));
        }
        return link.group(1);
    }
}
