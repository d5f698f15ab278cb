package app.khobor.source;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A news portal on 127.0.0.1 (random port) that tests script path by path, recording every request it gets. */
final class FakePortal implements AutoCloseable {
    /** What a test makes a path do. */
    @FunctionalInterface
    interface Page {
        void serve(HttpExchange exchange) throws IOException, InterruptedException;
    }

    record Request(String path, Headers headers) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final CountDownLatch shutdown = new CountDownLatch(1);

    FakePortal() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.start();
    }

    FakePortal on(String path, Page page) {
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

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request onlyRequestTo(String path) {
        List<Request> matching = requests.stream().filter(r -> r.path().equals(path)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one request to " + path + ", got " + matching.size());
        }
        return matching.get(0);
    }

    /** Blocks a handler until the test ends: a server that never answers. */
    void stallUntilShutdown() throws InterruptedException {
        shutdown.await();
    }

    static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends {@code total} bytes of 'a' in chunked encoding (no Content-Length). */
    static void streamChunked(HttpExchange exchange, long total) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        writeRepeated(exchange.getResponseBody(), total);
    }

    static void writeRepeated(OutputStream out, long total) throws IOException {
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
