package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.config.PollingSettings;
import app.khobor.config.SourceConfig;
import app.khobor.config.SourceType;
import app.khobor.fakes.FakePortal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller's pacing by publication history: what it adapts and what it leaves alone. */
class PollSchedulerPaceTest {
    private static final Instant NOW = Instant.parse("2026-08-13T05:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RandomGenerator NO_JITTER = () -> Long.MIN_VALUE;
    private static final PollingSettings ADAPTIVE = new PollingSettings(Duration.ofMinutes(2), Duration.ofMinutes(8),
            Duration.ofSeconds(5), PollingSettings.DEFAULT_MAX_BODY, "khobor-test", Duration.ofSeconds(30),
            Duration.ofMinutes(10), 2);
    private static final String FEED = "jagonews24/rss-5dcfbf4/jagonews.xml";

    private final FakePortal portal = new FakePortal();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicInteger historyReads = new AtomicInteger();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        portal.close();
    }

    private static final ReadHandler KEEPS_NOTHING = new ReadHandler() {
        @Override
        public Validators validators(String sourceId) {
            return Validators.NONE;
        }

        @Override
        public void handle(String sourceId, ReadOutcome outcome) {
        }
    };

    /** 30 headlines in the last hour: busy. */
    private List<Instant> busy(String sourceId, Instant from) {
        historyReads.incrementAndGet();
        List<Instant> times = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            times.add(NOW.minus(Duration.ofMinutes(2L * i)));
        }
        return times;
    }

    private PollScheduler poller(PublicationHistory history, SourceConfig source) {
        HttpFetcher fetcher = new HttpFetcher(ADAPTIVE);
        open.add(fetcher);
        PollScheduler poller = new PollScheduler(List.of(source), ADAPTIVE, new SourceReader(fetcher, CLOCK),
                KEEPS_NOTHING, history, CLOCK, NO_JITTER);
        open.add(0, poller);
        return poller;
    }

    private SourceConfig feed(Duration ownInterval) {
        return new SourceConfig("jagonews24", "jagonews24", SourceType.FEED, portal.url("/rss.xml"), null, null, null,
                null, ownInterval, true);
    }

    @Test
    void a_busy_source_is_read_again_after_the_min_interval() {
        portal.fixture("/rss.xml", 200, "application/rss+xml", FEED);
        assertThat(poller(this::busy, feed(null)).pollOnce(feed(null))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_source_with_its_own_interval_keeps_it_whatever_its_history() {
        portal.fixture("/rss.xml", 200, "application/rss+xml", FEED);
        SourceConfig fixed = feed(Duration.ofMinutes(5));
        assertThat(poller(this::busy, fixed).pollOnce(fixed)).isEqualTo(Duration.ofMinutes(5));
        assertThat(historyReads).hasValue(0);
    }

    @Test
    void a_failure_backs_off_from_the_configured_interval_not_the_busy_one() {
        portal.serve("/rss.xml", 500, "text/plain", new byte[0]);
        assertThat(poller(this::busy, feed(null)).pollOnce(feed(null))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void without_history_or_when_it_cannot_be_read_the_configured_interval_holds() {
        portal.fixture("/rss.xml", 200, "application/rss+xml", FEED);
        assertThat(poller(PublicationHistory.NONE, feed(null)).pollOnce(feed(null))).isEqualTo(Duration.ofMinutes(2));
        PublicationHistory broken = (id, from) -> {
            throw new IllegalStateException("database locked");
        };
        assertThat(poller(broken, feed(null)).pollOnce(feed(null))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void unchanged_reads_reuse_the_history_instead_of_asking_again() {
        portal.serve("/rss.xml", 304, "application/rss+xml", new byte[0]);
        PollScheduler poller = poller(this::busy, feed(null));
        poller.pollOnce(feed(null));
        poller.pollOnce(feed(null));
        poller.pollOnce(feed(null));
        assertThat(historyReads).hasValue(1);
    }

    @Test
    void fixed_settings_never_consult_the_history() {
        PollingSettings fixed = new PollingSettings(Duration.ofMinutes(2), Duration.ofMinutes(8), Duration.ofSeconds(5),
                PollingSettings.DEFAULT_MAX_BODY, "khobor-test");
        portal.fixture("/rss.xml", 200, "application/rss+xml", FEED);
        HttpFetcher fetcher = new HttpFetcher(fixed);
        open.add(fetcher);
        PollScheduler poller = new PollScheduler(List.of(feed(null)), fixed, new SourceReader(fetcher, CLOCK),
                KEEPS_NOTHING, this::busy, CLOCK, NO_JITTER);
        open.add(0, poller);
        assertThat(poller.pollOnce(feed(null))).isEqualTo(Duration.ofMinutes(2));
        assertThat(historyReads).hasValue(0);
    }
}
