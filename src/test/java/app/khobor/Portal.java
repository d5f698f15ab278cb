package app.khobor;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A news portal on 127.0.0.1 (random port) serving feeds whose content the test switches at will. It remembers when
 * the current content of a path was first handed out, so a test can wait until the bot has read that very version.
 */
final class Portal implements AutoCloseable {
    /** One path's current body and the moment it was first served (null until then). */
    private static final class Feed {
        private byte[] body;
        private Instant firstServed;
    }

    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

    /** @param clock the bot's clock, so first-served times compare with the bot's source statuses */
    Portal(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** From now on {@code path} answers with this XML. */
    void serve(String path, String xml) {
        Feed feed = feeds.computeIfAbsent(path, p -> new Feed());
        synchronized (feed) {
            feed.body = xml.getBytes(StandardCharsets.UTF_8);
            feed.firstServed = null;
        }
    }

    /** When the bot first fetched what {@code path} serves now; empty while it has not yet. */
    Optional<Instant> firstServed(String path) {
        Feed feed = feeds.get(path);
        if (feed == null) {
            return Optional.empty();
        }
        synchronized (feed) {
            return Optional.ofNullable(feed.firstServed);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Feed feed = feeds.get(exchange.getRequestURI().getPath());
            byte[] body = null;
            if (feed != null) {
                synchronized (feed) {
                    body = feed.body;
                    if (feed.firstServed == null) {
                        feed.firstServed = clock.instant();
                    }
                }
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
