package app.khobor.source;

import app.khobor.config.SourceConfig;
import app.khobor.config.SourceType;
import app.khobor.text.BanglaCalendar;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

/** Fetches one source and turns the answer into headlines: fetch, decode the whole body, parse. */
public final class SourceReader {
    private final HttpFetcher fetcher;
    private final FeedParser feedParser = new FeedParser();
    private final PageParser pageParser = new PageParser();
    private final SitemapReader sitemaps;
    private final Clock clock;

    public SourceReader(HttpFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.sitemaps = new SitemapReader(fetcher, clock);
    }

    public ReadOutcome read(SourceConfig source, Validators previous) {
        FetchResult result = fetcher.fetch(source.url(), previous);
        if (result instanceof FetchResult.NotModified) {
            return new ReadOutcome.Unchanged();
        }
        if (result instanceof FetchResult.Failed failed) {
            return new ReadOutcome.Failed(failed.kind(), failed.message(), failed.status());
        }
        return parse(source, (FetchResult.Fresh) result);
    }

    private ReadOutcome parse(SourceConfig source, FetchResult.Fresh fresh) {
        if (source.type() == SourceType.SITEMAP) {
            return sitemaps.read(source, fresh);
        }
        String text = BodyDecoder.decode(fresh.body(), fresh.contentType());
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(BanglaCalendar.ZONE));
        try {
            List<Headline> headlines = source.type() == SourceType.FEED
                    ? feedParser.parse(source.id(), text, fresh.finalUrl(), now)
                    : pageParser.parse(source, text, fresh.finalUrl(), now);
            if (headlines.isEmpty() && source.type() == SourceType.HTML) {
                // A page whose item selector matches nothing has changed its layout (or is a block page we did
                // not recognise): that is a failure to report, not a quiet "no news".
                return new ReadOutcome.Failed(FailureKind.BAD_CONTENT,
                        "selector 'item' matched nothing on " + fresh.finalUrl(), fresh.status());
            }
            return new ReadOutcome.Read(headlines, fresh.validators());
        } catch (ParseException e) {
            return new ReadOutcome.Failed(FailureKind.BAD_CONTENT, e.getMessage(), fresh.status());
        }
    }
}
