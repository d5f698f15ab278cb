package app.khobor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * Portals on loopback for the poll benchmark: one HttpServer per source, each on its own address 127.0.0.N (so each
 * source is its own host, as real portals are), all answering from threads named {@code bench-portal-*}. A portal
 * answers 304 when If-None-Match carries its current ETag, else 200 with its current version's gzipped body.
 * With TLS the portals speak HTTPS; with {@code closeEach} they close the connection after every answer, as portals
 * do with a connection left idle between two polls minutes apart, so every read pays a new connection.
 */
final class CyclePortal implements AutoCloseable {
    static final String THREAD_PREFIX = "bench-portal-";

    private final ExecutorService threads;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private final AtomicInteger fresh = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final AtomicInteger newConnections = new AtomicInteger();
    private final SSLContext tls;
    private final boolean closeEach;

    /**
     * @param versions for each site, the body of version v (a site stays at version 0 unless {@link #advance}d)
     * @param tls      null for plain HTTP
     */
    CyclePortal(List<IntFunction<byte[]>> versions, SSLContext tls, boolean closeEach) {
        this.tls = tls;
        this.closeEach = closeEach;
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < versions.size(); i++) {
            Site site = new Site(i, versions.get(i));
            sites.add(site);
            servers.add(start(site, "127.0.0." + (i + 1)));
        }
    }

    private HttpServer start(Site site, String address) {
        try {
            InetSocketAddress socket = new InetSocketAddress(InetAddress.getByName(address), 0);
            HttpServer server;
            if (tls == null) {
                server = HttpServer.create(socket, 0);
            } else {
                HttpsServer https = HttpsServer.create(socket, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
            server.createContext("/feed", site::serve);
            server.setExecutor(threads);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    URI url(int site) {
        InetSocketAddress address = servers.get(site).getAddress();
        return URI.create((tls == null ? "http://" : "https://") + address.getAddress().getHostAddress() + ":" + address.getPort() + "/feed");
    }

    /** Publishes the next version of a site: its next request gets 200 with a new ETag. */
    void advance(int site) {
        sites.get(site).version++;
    }

    /** Answers counted since the last call: {200s, 304s, connections opened (a site's client port changed)}. */
    int[] takeCounts() {
        return new int[] {fresh.getAndSet(0), notModified.getAndSet(0), newConnections.getAndSet(0)};
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        threads.shutdownNow();
    }

    private final class Site {
        private final int index;
        private final IntFunction<byte[]> gzippedVersions;
        volatile int version;
        private volatile String lastClient;

        Site(int index, IntFunction<byte[]> gzippedVersions) {
            this.index = index;
            this.gzippedVersions = gzippedVersions;
        }

        void serve(HttpExchange exchange) throws IOException {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String client = exchange.getRemoteAddress().toString();
                if (!client.equals(lastClient)) {
                    lastClient = client;
                    newConnections.incrementAndGet();
                }
                int v = version;
                String etag = "\"site" + index + "-v" + v + "\"";
                var headers = exchange.getResponseHeaders();
                headers.set("ETag", etag);
                headers.set("Last-Modified", "Thu, 13 Aug 2026 05:00:00 GMT");
                if (closeEach) {
                    headers.set("Connection", "close");
                }
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] body = gzippedVersions.apply(v);
                headers.set("Content-Type", "application/rss+xml; charset=UTF-8");
                headers.set("Content-Encoding", "gzip");
                fresh.incrementAndGet();
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
