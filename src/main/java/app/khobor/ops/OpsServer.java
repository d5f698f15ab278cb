package app.khobor.ops;

import app.khobor.infra.DaemonThreads;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP endpoint on the JDK's own server: {@code /healthz}, {@code /metrics}, and the status page at
 * {@code /}. Two daemon threads; only GET and HEAD. Bind it to 127.0.0.1 unless a scraper elsewhere needs it: it has
 * no authentication (it shows no secrets, but it does show headlines and error text).
 */
final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, DaemonThreads.numbered("khobor-ops-http"));

    OpsServer(String listen, Supplier<Health.Result> health, Supplier<String> metrics,
              java.util.function.Function<Health.Result, String> page) {
        int colon = listen.lastIndexOf(':');
        String host = listen.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(listen.substring(colon + 1));
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("ops.listen " + listen + ": cannot listen: " + e.getMessage(), e);
        }
        server.setExecutor(threads);
        server.createContext("/healthz", ex -> answer(ex, "/healthz", () -> {
            Health.Result result = health.get();
            return new Reply(result.healthy() ? 200 : 503, "application/json", result.json());
        }));
        server.createContext("/metrics", ex -> answer(ex, "/metrics",
                () -> new Reply(200, PROMETHEUS_TEXT, metrics.get())));
        server.createContext("/", ex -> answer(ex, "/", () -> new Reply(200, "text/html; charset=utf-8",
                page.apply(health.get()))));
    }

    void start() {
        server.start();
        log.info("ops endpoint on http://{}:{}/ (/healthz, /metrics)", server.getAddress().getHostString(),
                server.getAddress().getPort());
    }

    /** The bound port (the configured one, or the one picked for port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    private record Reply(int status, String contentType, String body) {}

    private static void answer(HttpExchange ex, String path, Supplier<Reply> work) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!ex.getRequestURI().getPath().equals(path)) {
                send(ex, new Reply(404, "text/plain; charset=utf-8", "not found\n"), false);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, new Reply(405, "text/plain; charset=utf-8", "only GET and HEAD\n"), false);
                return;
            }
            Reply reply;
            try {
                reply = work.get();
            } catch (RuntimeException e) {
                log.warn("ops endpoint {}: {}", path, e.toString());
                reply = new Reply(500, "text/plain; charset=utf-8", "internal error: " + e.getMessage() + "\n");
            }
            send(ex, reply, method.equals("HEAD"));
        }
    }

    private static void send(HttpExchange ex, Reply reply, boolean head) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if (head) {
            ex.sendResponseHeaders(reply.status(), -1);
            return;
        }
        ex.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
