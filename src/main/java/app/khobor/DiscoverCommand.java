package app.khobor;

import app.khobor.config.PollingSettings;
import app.khobor.config.SourceConfig;
import app.khobor.config.SourceType;
import app.khobor.source.BodyDecoder;
import app.khobor.source.FetchResult;
import app.khobor.source.Headline;
import app.khobor.source.HttpFetcher;
import app.khobor.source.PortalDiscovery;
import app.khobor.source.ReadOutcome;
import app.khobor.source.SourceReader;
import app.khobor.source.Validators;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code discover URL}: reads a portal's home page and robots.txt, lists its feeds, sitemaps and a "latest" page with
 * suggested selectors, reads each candidate once as a source would be read, and prints a ready YAML snippet with what
 * each read gave as comments. Exit status as for scan: 0 every candidate was read, 3 something failed, 2 usage.
 */
final class DiscoverCommand {
    private static final int SHOWN_TITLES = 3;

    private final PollingSettings polling;
    private final Clock clock;

    DiscoverCommand(PollingSettings polling, Clock clock) {
        this.polling = polling;
        this.clock = clock;
    }

    int run(URI home, PrintStream out, PrintStream err) {
        try (HttpFetcher fetcher = new HttpFetcher(polling)) {
            SourceReader reader = new SourceReader(fetcher, clock);
            String id = idOf(home);
            Optional<String> page = text(fetcher, home, err);
            if (page.isEmpty()) {
                return ScanCommand.SOME_FAILED;
            }
            boolean allRead = true;
            List<SourceConfig> candidates = new ArrayList<>();
            List<URI> feeds = PortalDiscovery.feeds(page.get(), home);
            for (int i = 0; i < feeds.size(); i++) {
                candidates.add(source(id + suffix("", i), SourceType.FEED, feeds.get(i), null));
            }
            URI robots = home.resolve("/robots.txt");
            Optional<String> robotsText = text(fetcher, robots, err);
            allRead &= robotsText.isPresent();
            List<URI> sitemaps = robotsText.map(r -> PortalDiscovery.sitemaps(r, robots)).orElse(List.of());
            for (int i = 0; i < sitemaps.size(); i++) {
                candidates.add(source(id + suffix("-sitemap", i), SourceType.SITEMAP, sitemaps.get(i), null));
            }
            Optional<URI> latest = PortalDiscovery.latestPage(page.get(), home);
            URI listing = latest.orElse(home);
            Optional<String> listingText = latest.isPresent() ? text(fetcher, listing, err) : page;
            allRead &= listingText.isPresent();
            Optional<PortalDiscovery.PageGuess> guess = listingText.flatMap(t -> PortalDiscovery.guess(t, listing));
            guess.ifPresent(g -> candidates.add(source(id + "-latest", SourceType.HTML, listing, g)));
            out.println("# " + home + ": " + feeds.size() + " feed(s) in <link rel=\"alternate\">, " + sitemaps.size()
                    + " sitemap(s) in robots.txt, " + (guess.isPresent() ? "a headline list on " + listing
                    : "no headline list found on " + listing));
            out.println("sources:");
            for (SourceConfig candidate : candidates) {
                allRead &= print(candidate, reader.read(candidate, Validators.NONE), out, err);
            }
            out.flush();
            return allRead && !candidates.isEmpty() ? ScanCommand.OK : ScanCommand.SOME_FAILED;
        }
    }

    private static Optional<String> text(HttpFetcher fetcher, URI url, PrintStream err) {
        FetchResult result = fetcher.fetch(url, Validators.NONE);
        if (result instanceof FetchResult.Fresh fresh) {
            return Optional.of(BodyDecoder.decode(fresh.body(), fresh.contentType()));
        }
        err.println(url + ": " + (result instanceof FetchResult.Failed failed ? failed.message() : "no content"));
        return Optional.empty();
    }

    private static SourceConfig source(String id, SourceType type, URI url, PortalDiscovery.PageGuess guess) {
        return new SourceConfig(id, id, type, url, guess == null ? null : guess.item(),
                guess == null ? null : guess.title(), guess == null ? null : guess.link(), null, null, true);
    }

    private static boolean print(SourceConfig source, ReadOutcome outcome, PrintStream out, PrintStream err) {
        String type = source.type().name().toLowerCase(Locale.ROOT);
        out.println("  - id: " + source.id());
        out.println("    name: " + source.id() + "                # the name readers see; write the portal's");
        out.println("    type: " + type);
        out.println("    url: " + source.url());
        if (source.type() == SourceType.HTML) {
            out.println("    item: \"" + source.itemSelector() + "\"");
            out.println("    title: \"" + source.titleSelector() + "\"");
            out.println("    link: \"" + source.linkSelector() + "\"");
        }
        if (outcome instanceof ReadOutcome.Read read && !read.headlines().isEmpty()) {
            List<Headline> headlines = read.headlines();
            out.println("    # read: " + headlines.size() + " headlines; first: " + headlines.stream().limit(SHOWN_TITLES)
                    .map(Headline::title).collect(Collectors.joining(" | ")));
            return true;
        }
        String problem = outcome instanceof ReadOutcome.Failed failed ? failed.message() : "no headlines";
        out.println("    # read failed: " + problem);
        err.println("source '" + source.id() + "': " + problem);
        return false;
    }

    private static String suffix(String kind, int index) {
        return kind + (index == 0 ? "" : "-" + (index + 1));
    }

    /** A source id from the host: www.prothomalo.com -> prothomalo. */
    static String idOf(URI home) {
        String host = home.getHost() == null ? "portal" : home.getHost().toLowerCase(Locale.ROOT);
        String[] labels = host.replaceFirst("^(www|m|bangla|bengali)\\.", "").split("\\.");
        String id = labels[0].replaceAll("[^a-z0-9_-]", "");
        if (id.isEmpty() || !Character.isLetterOrDigit(id.charAt(0))) {
            id = "portal";
        }
        return id.length() > 20 ? id.substring(0, 20) : id;
    }
}
