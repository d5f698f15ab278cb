package app.khobor.source;

import static app.khobor.fakes.FakePortal.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.khobor.config.PollingSettings;
import app.khobor.config.SourceConfig;
import app.khobor.config.SourceType;
import app.khobor.fakes.FakePortal;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The poller against portals on 127.0.0.1 and a real fetcher, handing its reads to a recording handler. Most tests
 * step it with {@code pollOnce}; the start()/close() tests await with deadlines. What becomes of the reads (baseline,
 * announcing, leftovers) is NewsPipelineTest's.
 */
class PollSchedulerTest {
    private static final Instant NOW = Instant.parse("2026-08-13T05:00:00Z"); // when the feed snapshots were taken
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** nextDouble() is always 0.5: no jitter, so delays are exact. */
    private static final RandomGenerator NO_JITTER = () -> Long.MIN_VALUE;
    private static final PollingSettings STEPPED = new PollingSettings(Duration.ofMinutes(1), Duration.ofMinutes(8),
            Duration.ofSeconds(5), PollingSettings.DEFAULT_MAX_BODY, "khobor-test");
    private static final String JAGO_OLD = "jagonews24/rss-5dcfbf4/jagonews.xml";
    private static final String JAGO_NEW = "jagonews24/rss-3fa4716/jagonews.xml";
    private static final String ALO_OLD = "prothomalo/rss-5dcfbf4/prothomalo.xml";
    private static final String ALO_NEW = "prothomalo/rss-3fa4716/prothomalo.xml";

    private final FakePortal portal = new FakePortal();
    private final RecordingHandler handler = new RecordingHandler();
    private final Deque<AutoCloseable> open = new ArrayDeque<>(); // closed last-opened first

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        portal.close();
    }

    /** Records every read it is handed; gives the validators a test saved; throws while {@code failing} is set. */
    private static final class RecordingHandler implements ReadHandler {
        final List<ReadOutcome> outcomes = new CopyOnWriteArrayList<>();
        final Map<String, Validators> saved = new ConcurrentHashMap<>();
        volatile RuntimeException failing;

        @Override
        public Validators validators(String sourceId) {
            return saved.getOrDefault(sourceId, Validators.NONE);
        }

        @Override
        public void handle(String sourceId, ReadOutcome outcome) {
            if (failing != null) {
                throw failing;
            }
            outcomes.add(outcome);
        }

        List<ReadOutcome.Read> reads() {
            return outcomes.stream().filter(ReadOutcome.Read.class::isInstance).map(ReadOutcome.Read.class::cast).toList();
        }
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.push(closeable);
        return closeable;
    }

    private PollScheduler scheduler(PollingSettings polling, RandomGenerator random, SourceConfig... sources) {
        HttpFetcher fetcher = keep(new HttpFetcher(polling));
        return keep(new PollScheduler(List.of(sources), polling, new SourceReader(fetcher, CLOCK), handler, CLOCK, random));
    }

    private PollScheduler stepped(SourceConfig... sources) {
        return scheduler(STEPPED, NO_JITTER, sources);
    }

    private SourceConfig feed(String id, String path) {
        return SourceConfig.feed(id, id, portal.url(path));
    }

    private static SourceStatus status(PollScheduler poller, String id) {
        return poller.sourceStatuses().stream().filter(s -> s.sourceId().equals(id)).findFirst().orElseThrow();
    }

    private static byte[] bytes(String fixture) {
        return Fixtures.read(fixture).getBytes(StandardCharsets.UTF_8);
    }

    /** The links of a snapshot, in page order. */
    private static List<String> links(String id, String fixture) throws ParseException {
        return Fixtures.urls(new FeedParser().parse(id, Fixtures.read(fixture), URI.create("https://example.com/feed"),
                NOW.atZone(ZoneOffset.UTC)));
    }

    private static List<String> urls(ReadOutcome.Read read) {
        return read.headlines().stream().map(Headline::url).toList();
    }

    /** A feed whose content and ETag the test switches; answers 304 to a matching If-None-Match when asked to. */
    private static final class SwitchableFeed implements FakePortal.Page {
        volatile byte[] body;
        volatile String etag;
        volatile boolean honoursEtag = true;

        SwitchableFeed(String fixture, String etag) {
            show(fixture, etag);
        }

        void show(String fixture, String newEtag) {
            body = bytes(fixture);
            etag = newEtag;
        }

        @Override
        public void serve(HttpExchange exchange) throws IOException {
            String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (honoursEtag && etag.equals(sent)) {
                respond(exchange, 304, Map.of("ETag", etag), new byte[0]);
            } else {
                respond(exchange, 200, Map.of("Content-Type", "application/rss+xml; charset=UTF-8", "ETag", etag), body);
            }
        }
    }

    @Test
    void every_read_is_handed_over_with_its_headlines_in_page_order_and_its_validators() throws Exception {
        SwitchableFeed jago = new SwitchableFeed(JAGO_OLD, "\"j1\"");
        SwitchableFeed alo = new SwitchableFeed(ALO_OLD, "\"a1\"");
        portal.on("/jago", jago).on("/alo", alo);
        SourceConfig jagonews = feed("jagonews24", "/jago");
        SourceConfig prothomalo = feed("prothomalo", "/alo");
        PollScheduler poller = stepped(jagonews, prothomalo);

        poller.pollOnce(jagonews);
        jago.show(JAGO_NEW, "\"j2\"");
        poller.pollOnce(jagonews);
        poller.pollOnce(prothomalo);

        List<ReadOutcome.Read> reads = handler.reads();
        assertThat(reads).hasSize(3);
        assertThat(urls(reads.get(0))).containsExactlyElementsOf(links("jagonews24", JAGO_OLD));
        assertThat(urls(reads.get(1))).containsExactlyElementsOf(links("jagonews24", JAGO_NEW));
        assertThat(reads.get(1).validators()).isEqualTo(new Validators("\"j2\"", null));
        assertThat(urls(reads.get(2))).containsExactlyElementsOf(links("prothomalo", ALO_OLD));
        assertThat(reads.get(2).headlines()).extracting(Headline::sourceId).containsOnly("prothomalo");
    }

    @Test
    void the_first_request_sends_the_validators_the_handler_saved_in_an_earlier_run() {
        SwitchableFeed jago = new SwitchableFeed(JAGO_NEW, "\"j2\"");
        jago.honoursEtag = false;
        portal.on("/jago", jago);
        SourceConfig jagonews = feed("jagonews24", "/jago");
        handler.saved.put("jagonews24", new Validators("\"j2\"", null));
        PollScheduler poller = stepped(jagonews);

        poller.pollOnce(jagonews); // the server ignores If-None-Match and sends the whole feed again

        assertThat(portal.requests().get(0).headers().getFirst("If-None-Match")).isEqualTo("\"j2\"");
        assertThat(handler.reads()).hasSize(1);
        assertThat(status(poller, "jagonews24").lastSuccess()).isEqualTo(NOW);
    }

    @Test
    void the_validators_of_a_read_the_handler_could_not_keep_are_not_sent_next_time() throws Exception {
        SwitchableFeed jago = new SwitchableFeed(JAGO_OLD, "\"j1\"");
        portal.on("/jago", jago);
        SourceConfig jagonews = feed("jagonews24", "/jago");
        PollScheduler poller = stepped(jagonews);
        poller.pollOnce(jagonews);
        jago.show(JAGO_NEW, "\"j2\"");
        handler.failing = new IllegalStateException("database is gone");

        assertThatThrownBy(() -> poller.pollOnce(jagonews)).isInstanceOf(IllegalStateException.class);
        handler.failing = null;
        poller.pollOnce(jagonews);

        assertThat(portal.requests().get(2).headers().getFirst("If-None-Match")).isEqualTo("\"j1\"");
        assertThat(urls(handler.reads().get(1))).hasSize(links("jagonews24", JAGO_NEW).size());
    }

    @Test
    void a_failed_read_is_handed_over_with_its_http_status() {
        portal.on("/jago", ex -> respond(ex, 503, Map.of(), "busy".getBytes(StandardCharsets.UTF_8)));
        SourceConfig jagonews = feed("jagonews24", "/jago");
        PollScheduler poller = stepped(jagonews);

        poller.pollOnce(jagonews);

        assertThat(handler.outcomes).singleElement().isInstanceOfSatisfying(ReadOutcome.Failed.class, failed -> {
            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.kind()).isEqualTo(FailureKind.HTTP_STATUS);
        });
    }

    @Test
    void not_modified_announces_nothing_clears_earlier_failures_and_waits_the_regular_interval() {
        SwitchableFeed jago = new SwitchableFeed(JAGO_OLD, "\"j1\"");
        AtomicInteger calls = new AtomicInteger();
        portal.on("/jago", exchange -> {
            if (calls.incrementAndGet() == 2) {
                respond(exchange, 500, Map.of(), "oops".getBytes(StandardCharsets.UTF_8));
            } else {
                jago.serve(exchange);
            }
        });
        SourceConfig jagonews = feed("jagonews24", "/jago");
        PollScheduler poller = stepped(jagonews);
        poller.pollOnce(jagonews);
        poller.pollOnce(jagonews);
        assertThat(status(poller, "jagonews24").consecutiveFailures()).isEqualTo(1);

        Duration next = poller.pollOnce(jagonews);

        assertThat(portal.requests().get(2).headers().getFirst("If-None-Match")).isEqualTo("\"j1\"");
        assertThat(handler.outcomes.get(2)).isInstanceOf(ReadOutcome.Unchanged.class);
        assertThat(next).isEqualTo(Duration.ofMinutes(1));
        SourceStatus status = status(poller, "jagonews24");
        assertThat(status.lastSuccess()).isEqualTo(NOW);
        assertThat(status.lastError()).isNull();
        assertThat(status.consecutiveFailures()).isZero();
    }

    @Test
    void a_cloudflare_challenge_marks_the_source_blocked_with_the_message() {
        byte[] challenge = bytes("banglanews24/cloudflare-challenge-7413780/opinion.html");
        portal.on("/opinion", ex -> respond(ex, 403, Map.of("Content-Type", "text/html"), challenge));
        SourceConfig banglanews = new SourceConfig("banglanews24", "Banglanews", SourceType.HTML, portal.url("/opinion"),
                "div.position-relative:has(> a.stretched-link)", "h1, h4, h5, h6", null, null, null, true);
        PollScheduler poller = stepped(banglanews);

        poller.pollOnce(banglanews);

        SourceStatus status = status(poller, "banglanews24");
        assertThat(status.blocked()).isTrue();
        assertThat(status.lastError()).isEqualTo("blocked by a Cloudflare challenge (HTTP 403)");
        assertThat(status.lastFailure()).isEqualTo(NOW);
        assertThat(status.lastSuccess()).isNull();
        assertThat(status.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void server_errors_back_off_exponentially_up_to_the_cap_and_a_success_resets_the_delay() {
        AtomicInteger calls = new AtomicInteger();
        byte[] feed = bytes(JAGO_OLD);
        portal.on("/jago", ex -> {
            if (calls.incrementAndGet() <= 5) {
                respond(ex, 500, Map.of(), "oops".getBytes(StandardCharsets.UTF_8));
            } else {
                respond(ex, 200, Map.of("Content-Type", "application/rss+xml"), feed);
            }
        });
        SourceConfig jagonews = feed("jagonews24", "/jago");
        PollScheduler poller = stepped(jagonews);

        List<Duration> delays = new ArrayList<>();
        List<Integer> failures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(poller.pollOnce(jagonews));
            failures.add(status(poller, "jagonews24").consecutiveFailures());
        }

        assertThat(delays).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(8));
        assertThat(failures).containsExactly(1, 2, 3, 4, 5);
        assertThat(status(poller, "jagonews24").lastError()).isEqualTo("HTTP 500 from " + portal.url("/jago"));
        assertThat(status(poller, "jagonews24").blocked()).isFalse();
        assertThat(poller.pollOnce(jagonews)).isEqualTo(Duration.ofMinutes(1));
        assertThat(status(poller, "jagonews24").consecutiveFailures()).isZero();
    }

    @Test
    void a_failing_source_with_its_own_longer_interval_is_never_retried_sooner_than_that_interval() {
        portal.on("/jago", ex -> respond(ex, 500, Map.of(), "oops".getBytes(StandardCharsets.UTF_8)));
        SourceConfig slowPaced = new SourceConfig("jagonews24", "Jago", SourceType.FEED, portal.url("/jago"),
                null, null, null, null, Duration.ofMinutes(5), true);
        PollingSettings polling = new PollingSettings(Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofSeconds(5),
                PollingSettings.DEFAULT_MAX_BODY, "khobor-test");
        PollScheduler poller = scheduler(polling, NO_JITTER, slowPaced);

        assertThat(List.of(poller.pollOnce(slowPaced), poller.pollOnce(slowPaced), poller.pollOnce(slowPaced)))
                .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20));
    }

    @Test
    void a_feed_that_answers_with_no_items_shows_in_the_status_instead_of_looking_healthy() {
        byte[] empty = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        portal.on("/empty", ex -> respond(ex, 200, Map.of("Content-Type", "application/rss+xml"), empty));
        SourceConfig feed = feed("quiet", "/empty");
        PollScheduler poller = stepped(feed);

        poller.pollOnce(feed);

        SourceStatus status = status(poller, "quiet");
        assertThat(status.lastSuccess()).isEqualTo(NOW);
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(status.lastError()).contains("no items");
    }

    @Test
    void a_page_whose_item_selector_matches_nothing_is_a_failure_not_quiet_news() {
        byte[] samakal = bytes("samakal/opinion.html");
        portal.on("/todaynews", ex -> respond(ex, 200, Map.of("Content-Type", "text/html; charset=UTF-8"), samakal));
        SourceConfig page = new SourceConfig("bd-pratidin", "BD Pratidin", SourceType.HTML, portal.url("/todaynews"),
                "div.scroll-list div.card", "h5.card-title", "a.stretched-link", null, null, true);
        PollScheduler poller = stepped(page);

        poller.pollOnce(page);

        SourceStatus status = status(poller, "bd-pratidin");
        assertThat(status.lastError()).startsWith("selector 'item' matched nothing");
        assertThat(status.blocked()).isFalse();
        assertThat(status.consecutiveFailures()).isEqualTo(1);
        assertThat(handler.reads()).isEmpty();
    }

    @Test
    void once_started_the_poller_reads_again_and_again_and_hands_over_each_read() throws Exception {
        SwitchableFeed jago = new SwitchableFeed(JAGO_OLD, "\"j1\"");
        portal.on("/jago", exchange -> {
            jago.serve(exchange);
            jago.show(JAGO_NEW, "\"j2\""); // every later request sees the newer snapshot
        });
        PollScheduler poller = scheduler(fast(Duration.ofSeconds(5)), RandomGenerator.getDefault(),
                feed("jagonews24", "/jago"));

        poller.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> handler.reads().size() >= 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> portal.requests().size() >= 4);
        poller.close();
        assertThat(urls(handler.reads().get(0))).containsExactlyElementsOf(links("jagonews24", JAGO_OLD));
        assertThat(urls(handler.reads().get(1))).containsExactlyElementsOf(links("jagonews24", JAGO_NEW));
    }

    @Test
    void a_stalled_source_does_not_delay_the_polls_of_another_source() {
        AtomicInteger slowCalls = new AtomicInteger();
        AtomicInteger fastCalls = new AtomicInteger();
        byte[] feed = bytes(JAGO_OLD);
        portal.on("/slow", ex -> {
            slowCalls.incrementAndGet();
            portal.stallUntilShutdown();
        });
        portal.on("/fast", ex -> {
            fastCalls.incrementAndGet();
            respond(ex, 200, Map.of("Content-Type", "application/rss+xml"), feed);
        });
        // Different host names for one server: the poller allows one request at a time per host.
        URI slowUrl = URI.create(portal.url("/slow").toString().replace("127.0.0.1", "localhost"));
        SourceConfig slow = SourceConfig.feed("slow", "Slow", slowUrl);
        SourceConfig fast = feed("fast", "/fast");
        PollScheduler poller = scheduler(fast(Duration.ofSeconds(2)), RandomGenerator.getDefault(), slow, fast);

        poller.start();

        await().atMost(Duration.ofSeconds(2)).until(() -> slowCalls.get() == 1);
        int fastBefore = fastCalls.get();
        await().atMost(Duration.ofSeconds(2)).until(() -> fastCalls.get() >= fastBefore + 3);
        assertThat(status(poller, "slow").lastFailure()).as("the slow read is still hanging").isNull();
        assertThat(status(poller, "fast").lastSuccess()).isNotNull();
        await().atMost(Duration.ofSeconds(4)).until(() -> status(poller, "slow").lastError() != null);
        assertThat(status(poller, "slow").lastError()).isEqualTo("timed out after 2s");
    }

    @Test
    void an_unexpected_exception_in_one_poll_does_not_stop_the_later_polls() {
        byte[] feed = bytes(JAGO_OLD);
        portal.on("/jago", ex -> respond(ex, 200, Map.of("Content-Type", "application/rss+xml"), feed));
        PollScheduler poller = scheduler(fast(Duration.ofSeconds(5)), RandomGenerator.getDefault(),
                feed("jagonews24", "/jago"));
        handler.failing = new IllegalStateException("database is closed"); // every poll now fails after its read

        poller.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> portal.requests().size() >= 3);
        SourceStatus status = status(poller, "jagonews24");
        assertThat(status.lastError()).startsWith("internal error: ");
        assertThat(status.consecutiveFailures()).isGreaterThanOrEqualTo(2);
    }

    /** Polls every 100 ms; backoff up to 200 ms. Under the polite 30 s, which only the config loader warns about. */
    private static PollingSettings fast(Duration timeout) {
        return new PollingSettings(Duration.ofMillis(100), Duration.ofMillis(200), timeout,
                PollingSettings.DEFAULT_MAX_BODY, "khobor-test");
    }
}
