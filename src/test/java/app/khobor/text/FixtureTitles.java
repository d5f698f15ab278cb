package app.khobor.text;

import app.khobor.fakes.FixtureFiles;
import app.khobor.source.FeedParser;
import app.khobor.source.Headline;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Titles of the saved real feeds under src/test/resources/fixtures, one per link, newest first. */
public final class FixtureTitles {
    private static final List<String> FEEDS = List.of(
            "banglatribune/banglatribune.xml", "ittefaq/ittefaq.xml", "jagonews24/rss-5dcfbf4/jagonews.xml",
            "jagonews24/rss-3fa4716/jagonews.xml", "prothomalo/rss-5dcfbf4/prothomalo.xml",
            "prothomalo/rss-3fa4716/prothomalo.xml");
    private static List<Headline> cached;

    private FixtureTitles() {}

    public static synchronized List<Headline> headlines() {
        if (cached == null) {
            Map<String, Headline> byUrl = new LinkedHashMap<>();
            ZonedDateTime now = ZonedDateTime.parse("2026-08-13T11:00:00+06:00[Asia/Dhaka]");
            for (String feed : FEEDS) {
                try {
                    for (Headline h : new FeedParser().parse("fixture", FixtureFiles.text(feed), URI.create("https://example.com/"), now)) {
                        if (h.publishedAt() != null) {
                            byUrl.putIfAbsent(h.url(), h);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("fixture feed " + feed + " does not parse", e);
                }
            }
            List<Headline> all = new ArrayList<>(byUrl.values());
            all.sort(Comparator.comparing(Headline::publishedAt).reversed());
            cached = List.copyOf(all);
        }
        return cached;
    }

    static Vocabulary vocabulary() {
        return Vocabulary.fromTitles(headlines().stream().map(Headline::title).toList());
    }
}
