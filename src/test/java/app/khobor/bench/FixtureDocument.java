package app.khobor.bench;

import app.khobor.config.SourceConfig;
import app.khobor.config.SourceType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A saved feed or page with the source it is read as: the selectors are those of PageParserTest (as in
 * config/khobor.yaml), the URLs those the parser tests use.
 */
record FixtureDocument(String path, SourceConfig source, URI url, String contentType) {
    private static final String LATEST = "\u09B8\u09B0\u09CD\u09AC\u09B6\u09C7\u09B7";

    static final List<FixtureDocument> ALL = List.of(
            feed("prothomalo/rss-5dcfbf4/prothomalo.xml", "prothomalo", "https://www.prothomalo.com/feed/"),
            feed("prothomalo/rss-3fa4716/prothomalo.xml", "prothomalo", "https://www.prothomalo.com/feed/"),
            feed("jagonews24/rss-5dcfbf4/jagonews.xml", "jagonews24", "https://www.jagonews24.com/rss/rss.xml"),
            feed("jagonews24/rss-3fa4716/jagonews.xml", "jagonews24", "https://www.jagonews24.com/rss/rss.xml"),
            feed("ittefaq/ittefaq.xml", "ittefaq", "https://www.ittefaq.com.bd/feed/"),
            feed("banglatribune/banglatribune.xml", "banglatribune", "https://www.banglatribune.com/feed/"),
            page("prothomalo/opinion.html", "https://www.prothomalo.com/opinion", "prothomalo-latest",
                    "div.serial-stories-tabs:has(h2.active-tab:containsOwn(" + LATEST + ")) h3.headline-title a.title-link",
                    "span.tilte-no-link-parent ! span.sub-title", null, null),
            page("samakal/opinion.html", "https://samakal.com/opinion", "samakal",
                    "div.DCatLead > a, div.Catcards > a, div.CatListNews > a", "h1, h3 ! span.subHeading", null,
                    "span.publishTime"),
            page("dhakapost/opinion.html", "https://www.dhakapost.com/opinion", "dhakapost",
                    "div:has(> div > h4:containsOwn(" + LATEST + ")) a[href]:has(h3)", "h3", null, null),
            page("bd-pratidin/snap-9da81d7/opinion.html", "https://www.bd-pratidin.com/editorial", "bd-pratidin",
                    "span.section-title:contains(" + LATEST + " \u0996\u09AC\u09B0) ~ div.scroll-list div.card",
                    "h5.card-title", "a.stretched-link", "p.card-text"),
            page("bd-pratidin/snap-749e0d7/opinion.html", "https://www.bd-pratidin.com/editorial", "bd-pratidin",
                    "span.section-title:contains(" + LATEST + " \u0996\u09AC\u09B0) ~ div.scroll-list div.card",
                    "h5.card-title", "a.stretched-link", "p.card-text"),
            page("banglanews24/snap-d5ade59/opinion.html", "https://www.banglanews24.com/category/opinion", "banglanews24",
                    "div.position-relative:has(> a.stretched-link)", "h1, h4, h5, h6", null, null));

    private static final Map<String, FixtureDocument> BY_PATH =
            ALL.stream().collect(Collectors.toMap(FixtureDocument::path, Function.identity()));

    static FixtureDocument named(String path) {
        FixtureDocument document = BY_PATH.get(path);
        if (document == null) {
            throw new IllegalArgumentException("unknown fixture '" + path + "'; known: " + BY_PATH.keySet());
        }
        return document;
    }

    boolean isFeed() {
        return source.type() == SourceType.FEED;
    }

    private static FixtureDocument feed(String path, String id, String url) {
        return new FixtureDocument(path, SourceConfig.feed(id, id, URI.create(url)), URI.create(url), "application/rss+xml");
    }

    private static FixtureDocument page(String path, String pageUrl, String id, String item, String title, String link,
                                        String time) {
        // The page is read as the configured source would be; only the URL it was saved from differs.
        SourceConfig source = new SourceConfig(id, id, SourceType.HTML, URI.create(pageUrl), item, title, link, time,
                null, true);
        return new FixtureDocument(path, source, URI.create(pageUrl), "text/html");
    }
}
