package app.khobor.source;

import static app.khobor.fakes.FakePortal.respond;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.config.PollingSettings;
import app.khobor.fakes.FakePortal;
import app.khobor.source.FetchResult.Failed;
import app.khobor.source.FetchResult.Fresh;
import app.khobor.source.FetchResult.NotModified;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private static final String FEED = "<?xml version=\"1.0\"?><rss><channel><title>t</title></channel></rss>";
    private static final String CHALLENGE = "/fixtures/banglanews24/cloudflare-challenge-7413780/opinion.html";

    private final FakePortal portal = new FakePortal();
    private HttpFetcher fetcher = fetcher(Duration.ofSeconds(5), PollingSettings.DEFAULT_MAX_BODY);

    @AfterEach
    void stop() {
        fetcher.close();
        portal.close();
    }

    @Test
    void a_200_gives_the_body_content_type_validators_and_url() {
        portal.on("/feed", ex -> respond(ex, 200, Map.of("Content-Type", "application/rss+xml; charset=UTF-8",
                "ETag", "\"v1\"", "Last-Modified", "Sat, 22 Aug 2026 10:00:00 GMT"), FEED.getBytes(UTF_8)));

        Fresh fresh = (Fresh) fetcher.fetch(portal.url("/feed"), Validators.NONE);

        assertThat(new String(fresh.body(), UTF_8)).isEqualTo(FEED);
        assertThat(fresh.contentType()).isEqualTo("application/rss+xml; charset=UTF-8");
        assertThat(fresh.validators()).isEqualTo(new Validators("\"v1\"", "Sat, 22 Aug 2026 10:00:00 GMT"));
        assertThat(fresh.finalUrl()).isEqualTo(portal.url("/feed"));
        assertThat(fresh.status()).isEqualTo(200);
    }

    @Test
    void requests_identify_the_bot_and_ask_for_feeds_and_gzip() {
        portal.on("/feed", ex -> respond(ex, 200, Map.of(), FEED.getBytes(UTF_8)));

        fetcher.fetch(portal.url("/feed"), Validators.NONE);

        FakePortal.Request request = portal.onlyRequestTo("/feed");
        assertThat(request.headers().getFirst("User-Agent")).isEqualTo(PollingSettings.DEFAULT_USER_AGENT);
        assertThat(request.headers().getFirst("Accept")).contains("application/rss+xml", "text/html");
        assertThat(request.headers().getFirst("Accept-Encoding")).contains("gzip");
        assertThat(request.headers().containsKey("If-None-Match")).isFalse();
        assertThat(request.headers().containsKey("If-Modified-Since")).isFalse();
    }

    @Test
    void an_etag_is_sent_as_if_none_match_and_a_304_means_not_modified() {
        portal.on("/feed", ex -> respond(ex, "\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200,
                Map.of("ETag", "\"v1\""), new byte[0]));

        FetchResult result = fetcher.fetch(portal.url("/feed"), new Validators("\"v1\"", null));

        assertThat(result).isEqualTo(new NotModified());
        assertThat(portal.onlyRequestTo("/feed").headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void unchanged_sources_keep_their_connection_from_one_poll_to_the_next() {
        Set<String> connections = ConcurrentHashMap.newKeySet();
        portal.on("/feed", ex -> {
            connections.add(ex.getRemoteAddress().toString());
            respond(ex, 304, Map.of("ETag", "\"v1\""), new byte[0]);
        });

        for (int poll = 0; poll < 200; poll++) {
            assertThat(fetcher.fetch(portal.url("/feed"), new Validators("\"v1\"", null))).isEqualTo(new NotModified());
        }

        // Closing a 304's empty body before its end was signalled dropped the connection now and then.
        assertThat(connections).hasSize(1);
    }

    @Test
    void a_last_modified_date_is_sent_as_if_modified_since_and_a_304_means_not_modified() {
        String date = "Sat, 22 Aug 2026 10:00:00 GMT";
        portal.on("/feed", ex -> respond(ex, date.equals(ex.getRequestHeaders().getFirst("If-Modified-Since")) ? 304 : 200,
                Map.of(), new byte[0]));

        FetchResult result = fetcher.fetch(portal.url("/feed"), new Validators(null, date));

        assertThat(result).isInstanceOf(NotModified.class);
        assertThat(portal.onlyRequestTo("/feed").headers().getFirst("If-Modified-Since")).isEqualTo(date);
    }

    @Test
    void a_server_error_is_an_http_status_failure_naming_status_and_url() {
        portal.on("/feed", ex -> respond(ex, 500, Map.of(), "oops".getBytes(UTF_8)));

        FetchResult result = fetcher.fetch(portal.url("/feed"), Validators.NONE);

        assertThat(result).isEqualTo(new Failed(FailureKind.HTTP_STATUS, "HTTP 500 from " + portal.url("/feed"), 500));
    }

    @Test
    void a_server_that_never_answers_times_out_promptly() {
        fetcher = fetcher(Duration.ofSeconds(1), PollingSettings.DEFAULT_MAX_BODY);
        portal.on("/feed", ex -> portal.stallUntilShutdown());

        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(portal.url("/feed"), Validators.NONE);

        assertThat(result).isEqualTo(new Failed(FailureKind.TIMEOUT, "timed out after 1s", 0));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_body_that_stops_arriving_times_out_promptly() {
        fetcher = fetcher(Duration.ofSeconds(1), PollingSettings.DEFAULT_MAX_BODY);
        portal.on("/feed", ex -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("<rss>".getBytes(UTF_8));
            ex.getResponseBody().flush();
            portal.stallUntilShutdown();
        });

        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(portal.url("/feed"), Validators.NONE);

        assertThat(result).isEqualTo(new Failed(FailureKind.TIMEOUT, "timed out after 1s", 0));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void redirects_with_relative_locations_are_followed_to_the_final_url() {
        portal.on("/old", ex -> respond(ex, 301, Map.of("Location", portal.url("/moved/feed").toString()), new byte[0]));
        portal.on("/moved/feed", ex -> respond(ex, 302, Map.of("Location", "../feed/"), new byte[0]));
        portal.on("/feed/", ex -> respond(ex, 200, Map.of(), FEED.getBytes(UTF_8)));

        Fresh fresh = (Fresh) fetcher.fetch(portal.url("/old"), Validators.NONE);

        assertThat(fresh.finalUrl()).isEqualTo(portal.url("/feed/"));
        assertThat(new String(fresh.body(), UTF_8)).isEqualTo(FEED);
    }

    @Test
    void a_redirect_loop_fails_after_the_redirect_limit() {
        portal.on("/loop", ex -> respond(ex, 302, Map.of("Location", "/loop"), new byte[0]));

        FetchResult result = fetcher.fetch(portal.url("/loop"), Validators.NONE);

        assertThat(result).isEqualTo(new Failed(FailureKind.HTTP_STATUS,
                "more than 5 redirects from " + portal.url("/loop"), 302));
        assertThat(portal.requests()).hasSize(HttpFetcher.MAX_REDIRECTS + 1);
    }

    @Test
    void a_gzip_body_is_decompressed() throws IOException {
        byte[] gzipped = gzip(FEED.getBytes(UTF_8));
        portal.on("/feed", ex -> respond(ex, 200, Map.of("Content-Encoding", "gzip"), gzipped));

        Fresh fresh = (Fresh) fetcher.fetch(portal.url("/feed"), Validators.NONE);

        assertThat(new String(fresh.body(), UTF_8)).isEqualTo(FEED);
    }

    @Test
    void zlib_and_raw_deflate_bodies_are_decompressed() throws IOException {
        byte[] zlib = deflate(FEED.getBytes(UTF_8), false);
        byte[] raw = deflate(FEED.getBytes(UTF_8), true);
        portal.on("/zlib", ex -> respond(ex, 200, Map.of("Content-Encoding", "deflate"), zlib));
        portal.on("/raw", ex -> respond(ex, 200, Map.of("Content-Encoding", "deflate"), raw));

        assertThat(((Fresh) fetcher.fetch(portal.url("/zlib"), Validators.NONE)).body()).asString(UTF_8).isEqualTo(FEED);
        assertThat(((Fresh) fetcher.fetch(portal.url("/raw"), Validators.NONE)).body()).asString(UTF_8).isEqualTo(FEED);
    }

    @Test
    void an_unknown_content_encoding_is_bad_content() {
        portal.on("/feed", ex -> respond(ex, 200, Map.of("Content-Encoding", "br"), new byte[] {1, 2, 3}));

        Failed failed = (Failed) fetcher.fetch(portal.url("/feed"), Validators.NONE);

        assertThat(failed.kind()).isEqualTo(FailureKind.BAD_CONTENT);
        assertThat(failed.message()).contains("unsupported Content-Encoding br");
    }

    @Test
    void a_bengali_utf8_body_labelled_iso_8859_1_still_decodes_as_bengali() {
        String headline = "\u09A2\u09BE\u0995\u09BE\u09AF\u09BC \u09A8\u09BF\u09B0\u09CD\u09AC\u09BE\u099A\u09A8";
        portal.on("/feed", ex -> respond(ex, 200, Map.of("Content-Type", "text/xml; charset=ISO-8859-1"),
                ("<rss><title>" + headline + "</title></rss>").getBytes(UTF_8)));

        Fresh fresh = (Fresh) fetcher.fetch(portal.url("/feed"), Validators.NONE);

        assertThat(BodyDecoder.decode(fresh.body(), fresh.contentType())).contains(headline);
    }

    @Test
    void a_body_with_a_bom_arrives_byte_for_byte() throws IOException {
        byte[] feed = fixture("/fixtures/banglatribune/banglatribune.xml");
        portal.on("/feed", ex -> respond(ex, 200, Map.of("Content-Type", "application/rss+xml"), feed));

        Fresh fresh = (Fresh) fetcher.fetch(portal.url("/feed"), Validators.NONE);

        assertThat(fresh.body()).isEqualTo(feed);
        assertThat(BodyDecoder.decode(fresh.body(), fresh.contentType())).startsWith("<?xml");
    }

    @Test
    void a_10_mb_body_announced_by_content_length_is_too_large() {
        portal.on("/big", ex -> {
            ex.sendResponseHeaders(200, 10L * 1024 * 1024);
            FakePortal.writeRepeated(ex.getResponseBody(), 10L * 1024 * 1024);
        });

        FetchResult result = fetcher.fetch(portal.url("/big"), Validators.NONE);

        assertThat(result).isEqualTo(new Failed(FailureKind.TOO_LARGE, "body larger than 5 MB", 200));
    }

    @Test
    void a_10_mb_chunked_body_without_content_length_is_too_large() {
        portal.on("/big", ex -> FakePortal.streamChunked(ex, 10L * 1024 * 1024));

        FetchResult result = fetcher.fetch(portal.url("/big"), Validators.NONE);

        assertThat(result).isEqualTo(new Failed(FailureKind.TOO_LARGE, "body larger than 5 MB", 200));
    }

    @Test
    void the_limit_counts_decompressed_bytes() throws IOException {
        byte[] bomb = gzip(new byte[6 * 1024 * 1024]); // a few KB on the wire
        portal.on("/bomb", ex -> respond(ex, 200, Map.of("Content-Encoding", "gzip"), bomb));

        FetchResult result = fetcher.fetch(portal.url("/bomb"), Validators.NONE);

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThat(result).isEqualTo(new Failed(FailureKind.TOO_LARGE, "body larger than 5 MB", 200));
    }

    @Test
    void a_body_of_exactly_the_limit_is_accepted_and_one_byte_more_is_not() {
        fetcher = fetcher(Duration.ofSeconds(5), 1000);
        portal.on("/exact", ex -> FakePortal.streamChunked(ex, 1000));
        portal.on("/over", ex -> FakePortal.streamChunked(ex, 1001));

        assertThat(((Fresh) fetcher.fetch(portal.url("/exact"), Validators.NONE)).body()).hasSize(1000);
        assertThat(fetcher.fetch(portal.url("/over"), Validators.NONE))
                .isEqualTo(new Failed(FailureKind.TOO_LARGE, "body larger than 1000 bytes", 200));
    }

    @Test
    void a_refused_connection_is_a_network_failure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Failed failed = (Failed) fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/feed"), Validators.NONE);

        assertThat(failed.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(failed.status()).isZero();
        assertThat(failed.message()).isEqualTo("cannot connect to 127.0.0.1:" + closedPort + ": connection refused");
    }

    @Test
    void a_cloudflare_challenge_served_with_403_is_blocked() throws IOException {
        byte[] page = fixture(CHALLENGE);
        portal.on("/opinion", ex -> respond(ex, 403, Map.of("Content-Type", "text/html"), page));

        FetchResult result = fetcher.fetch(portal.url("/opinion"), Validators.NONE);

        assertThat(result).isEqualTo(new Failed(FailureKind.BLOCKED, "blocked by a Cloudflare challenge (HTTP 403)", 403));
    }

    @Test
    void a_cloudflare_challenge_served_with_200_is_blocked_not_fresh() throws IOException {
        byte[] page = fixture(CHALLENGE);
        portal.on("/opinion", ex -> respond(ex, 200, Map.of("Content-Type", "text/html"), page));

        FetchResult result = fetcher.fetch(portal.url("/opinion"), Validators.NONE);

        assertThat(result).isEqualTo(new Failed(FailureKind.BLOCKED, "blocked by a Cloudflare challenge (HTTP 200)", 200));
    }

    @Test
    void a_real_news_page_is_fresh() throws IOException {
        byte[] page = fixture("/fixtures/samakal/opinion.html");
        portal.on("/opinion", ex -> respond(ex, 200, Map.of("Content-Type", "text/html; charset=UTF-8",
                "Server", "cloudflare"), page));

        FetchResult result = fetcher.fetch(portal.url("/opinion"), Validators.NONE);

        assertThat(result).isInstanceOf(Fresh.class);
    }

    @Test
    void a_plain_403_is_an_http_status_failure() {
        portal.on("/feed", ex -> respond(ex, 403, Map.of(), "Forbidden".getBytes(UTF_8)));

        FetchResult result = fetcher.fetch(portal.url("/feed"), Validators.NONE);

        assertThat(result).isEqualTo(new Failed(FailureKind.HTTP_STATUS, "HTTP 403 from " + portal.url("/feed"), 403));
    }

    @Test
    void many_fetches_can_run_in_parallel_on_one_fetcher() {
        portal.on("/feed", ex -> respond(ex, 200, Map.of(), FEED.getBytes(UTF_8)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<FetchResult>> results = java.util.stream.IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> fetcher.fetch(portal.url("/feed"), Validators.NONE), pool))
                    .toList();

            assertThat(results).allSatisfy(r -> assertThat(r.join()).isInstanceOf(Fresh.class));
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpFetcher fetcher(Duration timeout, long maxBody) {
        return new HttpFetcher(new PollingSettings(Duration.ofMinutes(5), Duration.ofMinutes(30), timeout, maxBody,
                PollingSettings.DEFAULT_USER_AGENT));
    }

    static byte[] fixture(String path) throws IOException {
        try (InputStream in = HttpFetcherTest.class.getResourceAsStream(path)) {
            assertThat(in).as("test resource %s", path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (OutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(data);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
