package app.khobor.fakes;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one local site fake: a news portal on 127.0.0.1 (random port) that tests set up path by path, recording every
 * request it gets. A path serves a saved fixture ({@link #fixture}), fixed bytes ({@link #serve}), a feed the test
 * switches at will and whose first fetch it remembers ({@link #feed}, {@link #firstServed}), or anything a script
 * does with the exchange ({@link #on}: timeouts, redirects, challenge pages, endless bodies).
 */
public final class FakePortal implements AutoCloseable {
    /** What a test makes a path do. */
    @FunctionalInterface
    public interface Page {
        void serve(HttpExchange exchange) throws IOException, InterruptedException;
    }

    public record Request(String path, Headers headers) {}

    /** One switchable feed's current body and the moment it was first served (null until then). */
    private static final class Feed {
        private byte[] body;
        private Instant firstServed;
    }

    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final CountDownLatch shutdown = new CountDownLatch(1);

    public FakePortal() {
        this(Clock.systemUTC());
    }

    /** @param clock the bot's clock, so {@link #firstServed} times compare with what the bot records */
    public FakePortal(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.start();
    }

    public FakePortal on(String path, Page page) {
        server.createContext(path, exchange -> {
            requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders()));
            try {
                page.serve(exchange);
            } catch (IOException e) {
                // the client hung up on purpose (size limit, timeout): nothing to do
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    /** Serves src/test/resources/fixtures/{@code fixture} at {@code path}. */
    public FakePortal fixture(String path, int status, String contentType, String fixture) {
        return serve(path, status, contentType, FixtureFiles.bytes(fixture));
    }

    public FakePortal serve(String path, int status, String contentType, byte[] body) {
        return on(path, exchange -> respond(exchange, status, Map.of("Content-Type", contentType), body));
    }

    /** From now on {@code path} answers with this RSS; {@link #firstServed} starts over. */
    public FakePortal feed(String path, String xml) {
        Feed feed = feeds.computeIfAbsent(path, p -> {
            Feed created = new Feed();
            on(p, exchange -> serveFeed(created, exchange));
            return created;
        });
        synchronized (feed) {
            feed.body = xml.getBytes(StandardCharsets.UTF_8);
            feed.firstServed = null;
        }
        return this;
    }

    /** When the bot first fetched what {@code path} serves now; empty while it has not yet. */
    public Optional<Instant> firstServed(String path) {
        Feed feed = feeds.get(path);
        if (feed == null) {
            return Optional.empty();
        }
        synchronized (feed) {
            return Optional.ofNullable(feed.firstServed);
        }
    }

    private void serveFeed(Feed feed, HttpExchange exchange) throws IOException {
        byte[] body;
        synchronized (feed) {
            body = feed.body;
            if (feed.firstServed == null) {
                feed.firstServed = clock.instant();
            }
        }
        respond(exchange, 200, Map.of("Content-Type", "application/rss+xml; charset=utf-8"), body);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request onlyRequestTo(String path) {
        List<Request> matching = requests.stream().filter(r -> r.path().equals(path)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one request to " + path + ", got " + matching.size());
        }
        return matching.get(0);
    }

    /** Blocks a handler until the test ends: a server that never answers. */
    public void stallUntilShutdown() throws InterruptedException {
        shutdown.await();
    }

    public static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends {@code total} bytes of 'a' in chunked encoding (no Content-Length). */
    public static void streamChunked(HttpExchange exchange, long total) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        writeRepeated(exchange.getResponseBody(), total);
    }

    public static void writeRepeated(OutputStream out, long total) throws IOException {
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) 'a');
        for (long sent = 0; sent < total; sent += block.length) {
            out.write(block, 0, (int) Math.min(block.length, total - sent));
        }
        out.close();
    }

    @Override
    public void close() {
        shutdown.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
