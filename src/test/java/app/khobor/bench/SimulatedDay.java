package app.khobor.bench;

import app.khobor.config.PollingSettings;
import app.khobor.config.SourceConfig;
import app.khobor.fakes.FakeClock;
import app.khobor.fakes.FakePortal;
import app.khobor.fakes.FixtureFiles;
import app.khobor.source.FeedParser;
import app.khobor.source.Headline;
import app.khobor.source.HttpFetcher;
import app.khobor.source.ParseException;
import app.khobor.source.PollOnce;
import app.khobor.source.PollScheduler;
import app.khobor.source.PublicationHistory;
import app.khobor.source.ReadHandler;
import app.khobor.source.ReadOutcome;
import app.khobor.source.SourceReader;
import app.khobor.source.Validators;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A day of a busy portal on an injected clock, read by the real scheduler step ({@link PollScheduler}'s poll, its
 * pacing and jitter, a real {@link HttpFetcher} and parser) from a local feed that shows, at each moment, the 50
 * newest headlines published by then. The publication times are the real ones of the saved feeds of Ittefaq, Bangla
 * Tribune and Jago News (2026-08-12/13), merged as one portal's 24 hours; the week before repeats that day with each
 * headline moved by up to 10 minutes either way (seeded), and is what the pacing learns from.
 */
final class SimulatedDay {
    static final List<String> FEEDS = List.of("ittefaq/ittefaq.xml", "banglatribune/banglatribune.xml",
            "jagonews24/rss-5dcfbf4/jagonews.xml", "jagonews24/rss-3fa4716/jagonews.xml");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration HISTORY_JITTER = Duration.ofMinutes(10);
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** What one simulated day cost and gave. */
    record Result(int requests, int headlines, double medianSeconds, double p90Seconds) {
        @Override
        public String toString() {
            return String.format("%4d requests, %d headlines, publish-to-detect median %.0f s, p90 %.0f s",
                    requests, headlines, medianSeconds, p90Seconds);
        }
    }

    private final List<Instant> day;
    private final Instant start;
    private final Instant end;

    SimulatedDay() {
        TreeSet<Instant> all = new TreeSet<>();
        Instant latestIttefaq = null;
        for (String feed : FEEDS) {
            for (Headline h : parse(feed)) {
                if (h.publishedAt() != null) {
                    all.add(h.publishedAt().toInstant());
                    if (feed.startsWith("ittefaq") && (latestIttefaq == null || h.publishedAt().toInstant().isAfter(latestIttefaq))) {
                        latestIttefaq = h.publishedAt().toInstant();
                    }
                }
            }
        }
        end = latestIttefaq;
        start = end.minus(DAY);
        day = List.copyOf(all.subSet(start, false, end, true));
    }

    private static List<Headline> parse(String fixture) {
        try {
            return new FeedParser().parse("sim", FixtureFiles.text(fixture), URI.create("https://sim.example/feed"),
                    Instant.parse("2026-08-13T12:00:00Z").atZone(ZoneOffset.UTC));
        } catch (ParseException e) {
            throw new IllegalStateException(fixture + ": " + e.getMessage(), e);
        }
    }

    int headlines() {
        return day.size();
    }

    double perHour() {
        return day.size() / 24.0;
    }

    /** Reads the day with {@code polling}; the seed fixes the history's shifts and the poller's jitter. */
    Result run(PollingSettings polling, long seed) {
        Random random = new Random(seed);
        List<Instant> history = new CopyOnWriteArrayList<>(week(random));
        FakeClock clock = new FakeClock(start);
        Map<String, Instant> byUrl = new HashMap<>();
        for (int i = 0; i < day.size(); i++) {
            byUrl.put("https://sim.example/news/" + i, day.get(i));
        }
        Set<String> seen = new HashSet<>();
        List<Double> delays = new ArrayList<>();
        ReadHandler handler = new ReadHandler() {
            @Override
            public Validators validators(String sourceId) {
                return Validators.NONE;
            }

            @Override
            public void handle(String sourceId, ReadOutcome outcome) {
                if (outcome instanceof ReadOutcome.Read read) {
                    for (Headline h : read.headlines()) {
                        Instant published = byUrl.get(h.url());
                        if (published != null && seen.add(h.url())) {
                            delays.add(Duration.between(published, clock.instant()).toMillis() / 1000.0);
                            history.add(published);
                        }
                    }
                }
            }
        };
        PublicationHistory publications = (id, from) -> history.stream().filter(t -> !t.isBefore(from)).toList();
        try (FakePortal portal = new FakePortal(clock); HttpFetcher fetcher = new HttpFetcher(polling)) {
            portal.on("/feed.xml", exchange -> {
                String etag = "\"" + published(clock.instant()) + "\"";
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    FakePortal.respond(exchange, 304, Map.of("ETag", etag), new byte[0]);
                } else {
                    FakePortal.respond(exchange, 200, Map.of("ETag", etag, "Content-Type", "application/rss+xml"),
                            rss(clock.instant()));
                }
            });
            SourceConfig source = SourceConfig.feed("busy", "busy", portal.url("/feed.xml"));
            PollScheduler poller = new PollScheduler(List.of(source), polling, new SourceReader(fetcher, clock),
                    handler, publications, clock, random);
            int requests = 0;
            while (!clock.instant().isAfter(end)) {
                clock.advance(PollOnce.poll(poller, source));
                requests++;
            }
            PollOnce.poll(poller, source); // what is left is found by the first read after the day
            poller.close();
            Percentiles p = new Percentiles(delays);
            return new Result(requests, delays.size(), p.median(), p.p90());
        }
    }

    /** The seven days before, each the same day moved back and every headline shifted by up to 10 minutes. */
    private List<Instant> week(Random random) {
        List<Instant> week = new ArrayList<>();
        for (int d = 7; d >= 1; d--) {
            for (Instant t : day) {
                long shift = (long) ((random.nextDouble() * 2 - 1) * HISTORY_JITTER.toMillis());
                week.add(t.minus(DAY.multipliedBy(d)).plusMillis(shift));
            }
        }
        return week;
    }

    private int published(Instant now) {
        int n = 0;
        while (n < day.size() && !day.get(n).isAfter(now)) {
            n++;
        }
        return n;
    }

    /** The feed at {@code now}: the 50 newest headlines published by then, newest first. */
    private byte[] rss(Instant now) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>busy</title><link>https://sim.example/</link>\n");
        int n = published(now);
        for (int i = n - 1; i >= Math.max(0, n - 50); i--) {
            xml.append("<item><title>খবর ").append(i).append("</title><link>https://sim.example/news/").append(i)
                    .append("</link><pubDate>").append(RFC_1123.format(day.get(i).atOffset(ZoneOffset.ofHours(6))))
                    .append("</pubDate></item>\n");
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
