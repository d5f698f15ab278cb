package app.khobor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        try (InputStream in = Feeds.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static String linkOf(String item) {
        Matcher link = LINK.matcher(item);
        if (!link.find()) {
            throw new IllegalArgumentException("item without a link: " + item.substring(0, Math.min(200, item.length())));
        }
        return link.group(1);
    }
}
