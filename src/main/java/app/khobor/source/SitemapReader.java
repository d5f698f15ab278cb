package app.khobor.source;

import app.khobor.config.SourceConfig;
import app.khobor.text.BanglaCalendar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads a {@code type: sitemap} source: a Google News sitemap, or a sitemap index whose {@link #CHILDREN} newest
 * children are read in turn (one level deep), each possibly gzip-compressed ({@code .xml.gz} served as a file, not
 * as a Content-Encoding). A plain urlset is read with conditional GET like a feed; an index is read whole every time,
 * since its children change without it.
 */
final class SitemapReader {
    /** Child sitemaps read from an index: today's and yesterday's of a portal that starts one a day. */
    static final int CHILDREN = 2;
    /** Sitemaps may hold up to 50 MB uncompressed (sitemaps.org); a gzip file must not inflate beyond that. */
    static final long MAX_INFLATED = 50L << 20;

    private final HttpFetcher fetcher;
    private final SitemapParser parser = new SitemapParser();
    private final Clock clock;

    SitemapReader(HttpFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    ReadOutcome read(SourceConfig source, FetchResult.Fresh fresh) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(BanglaCalendar.ZONE));
        try {
            SitemapParser.Sitemap sitemap = parse(source, fresh, now);
            if (sitemap.children().isEmpty()) {
                return new ReadOutcome.Read(sitemap.headlines(), fresh.validators());
            }
            Map<String, Headline> byLink = new LinkedHashMap<>();
            for (SitemapParser.Child child : SitemapParser.newest(sitemap.children(), CHILDREN)) {
                FetchResult result = fetcher.fetch(child.url(), Validators.NONE);
                if (result instanceof FetchResult.Failed failed) {
                    return new ReadOutcome.Failed(failed.kind(), "child sitemap: " + failed.message(), failed.status());
                }
                if (result instanceof FetchResult.Fresh childFresh) {
                    parse(source, childFresh, now).headlines().forEach(h -> byLink.putIfAbsent(h.url(), h));
                }
            }
            return new ReadOutcome.Read(List.copyOf(new ArrayList<>(byLink.values())), Validators.NONE);
        } catch (ParseException e) {
            return new ReadOutcome.Failed(FailureKind.BAD_CONTENT, e.getMessage(), fresh.status());
        }
    }

    private SitemapParser.Sitemap parse(SourceConfig source, FetchResult.Fresh fresh, ZonedDateTime now)
            throws ParseException {
        byte[] body = gunzipped(fresh.body(), fresh);
        String contentType = isGzip(fresh.body()) ? "application/xml" : fresh.contentType();
        return parser.parse(source.id(), BodyDecoder.decode(body, contentType), fresh.finalUrl(), now);
    }

    private static byte[] gunzipped(byte[] body, FetchResult.Fresh fresh) throws ParseException {
        if (!isGzip(body)) {
            return body;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            Optional<byte[]> inflated = BodyReader.readAll(in, MAX_INFLATED, -1);
            if (inflated.isEmpty()) {
                throw new ParseException("gzip sitemap inflates beyond 50 MB at " + fresh.finalUrl());
            }
            return inflated.get();
        } catch (IOException e) {
            throw new ParseException("gzip sitemap could not be decompressed (" + e.getMessage() + ") at "
                    + fresh.finalUrl());
        }
    }

    private static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B;
    }
}
