package app.khobor.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * News portals on 127.0.0.1 with nothing new, ever: every request is answered 304, the cheapest answer a poll can get,
 * so what an idle bot spends is its own. Counts the reads, to show how many polls fell into a measurement.
 */
final class NotModifiedFeeds implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newSingleThreadExecutor();
    private final AtomicLong reads = new AtomicLong();

    NotModifiedFeeds() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                reads.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long reads() {
        return reads.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
