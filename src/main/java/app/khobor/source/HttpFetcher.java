package app.khobor.source;

import app.khobor.config.PollingSettings;
import app.khobor.source.FetchResult.Failed;
import app.khobor.source.FetchResult.Fresh;
import app.khobor.source.FetchResult.NotModified;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads feeds and pages: conditional GET, gzip/deflate, a body-size limit, one deadline for the whole fetch and
 * challenge-page detection. Blocking and thread-safe; callers run many fetches in parallel. The bytes are returned
 * undecoded ({@link BodyDecoder} decodes them).
 *
 * <p>Redirects are followed here rather than by HttpClient: its NORMAL policy silently hands back the 301 of an
 * https-to-http redirect (which would look like an empty page), and its hop limit is a JVM-wide system property.
 */
public final class HttpFetcher implements AutoCloseable {
    static final int MAX_REDIRECTS = 5;
    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
            + "text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5";
    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBodyBytes;
    private final String userAgent;
    private final ChallengeDetector detector = new ChallengeDetector();
    private final BodyDeadline bodyDeadline = new BodyDeadline();

    public HttpFetcher(PollingSettings settings) {
        this.timeout = positive(settings.timeout());
        this.maxBodyBytes = validLimit(settings.maxBodyBytes());
        this.userAgent = settings.userAgent() == null || settings.userAgent().isBlank()
                ? PollingSettings.DEFAULT_USER_AGENT : settings.userAgent().strip();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2) // falls back to HTTP/1.1 when the server does not offer h2
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** Fetches {@code url}; never throws for network or server trouble, which comes back as {@link Failed}. */
    public FetchResult fetch(URI url, Validators previous) {
        requireHttp(url);
        long deadline = System.nanoTime() + timeout.toNanos();
        FetchResult result = fetchBefore(url, previous == null ? Validators.NONE : previous, deadline);
        // callers log failures with the source id; this line is for tracing one URL
        log.debug("Fetched {}: {}", url, result);
        return result;
    }

    private FetchResult fetchBefore(URI url, Validators previous, long deadline) {
        try {
            return follow(url, previous, deadline);
        } catch (HttpTimeoutException e) {
            return FetchFailures.timedOut(timeout);
        } catch (IOException e) {
            // BodyDeadline closing a stalled body surfaces as an IOException ("closed") at the deadline
            return System.nanoTime() - deadline >= 0 ? FetchFailures.timedOut(timeout) : FetchFailures.of(e, url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(FailureKind.NETWORK, "interrupted while fetching " + url, 0);
        }
    }

    private FetchResult follow(URI url, Validators previous, long deadline) throws IOException, InterruptedException {
        URI current = url;
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = client.send(request(current, previous, deadline),
                    BodyHandlers.ofInputStream());
            Optional<String> location = response.headers().firstValue("location");
            if (!isRedirect(response.statusCode()) || location.isEmpty()) {
                return handle(response, current, deadline);
            }
            response.body().close();
            if (hop == MAX_REDIRECTS) {
                return new Failed(FailureKind.HTTP_STATUS, "more than " + MAX_REDIRECTS + " redirects from " + url,
                        response.statusCode());
            }
            Optional<URI> next = Redirects.target(current, location.get());
            if (next.isEmpty()) {
                return new Failed(FailureKind.HTTP_STATUS, "unusable redirect from " + current + " to "
                        + location.get().strip(), response.statusCode());
            }
            current = next.get();
        }
    }

    private HttpRequest request(URI url, Validators previous, long deadline) throws HttpTimeoutException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .GET()
                .timeout(remaining(deadline))
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate")
                .header("Accept-Language", "bn, en;q=0.8");
        if (previous.etag() != null) {
            builder.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            builder.header("If-Modified-Since", previous.lastModified());
        }
        return builder.build();
    }

    private FetchResult handle(HttpResponse<InputStream> response, URI url, long deadline) throws IOException {
        int status = response.statusCode();
        if (status == 304) {
            try (InputStream none = response.body()) {
                // A 304 has no body, but closing the stream before it has signalled its end makes HttpClient drop the
                // connection instead of keeping it for the next poll: wait for that end (bounded, should a server send one).
                none.readNBytes(ChallengeDetector.HEAD_BYTES);
            }
            return new NotModified();
        }
        if (status >= 200 && status < 300) {
            return content(response, url, deadline);
        }
        return refusal(response, url, deadline);
    }

    private FetchResult content(HttpResponse<InputStream> response, URI url, long deadline) throws IOException {
        HttpHeaders headers = response.headers();
        Optional<String> encoding = headers.firstValue("content-encoding");
        long announced = contentLength(headers);
        try (InputStream raw = response.body()) {
            if (announced > maxBodyBytes) {
                return FetchFailures.tooLarge(maxBodyBytes, response.statusCode());
            }
            long hint = encoding.isEmpty() ? announced : -1;
            Optional<byte[]> body = bodyDeadline.readBefore(deadline, raw,
                    () -> BodyReader.readAll(BodyReader.decompressing(raw, encoding.orElse(null)), maxBodyBytes, hint));
            if (body.isEmpty()) {
                return FetchFailures.tooLarge(maxBodyBytes, response.statusCode());
            }
            return detector.detect(response.statusCode(), headers, body.get())
                    .<FetchResult>map(c -> new Failed(FailureKind.BLOCKED, c.message(), c.status()))
                    .orElseGet(() -> fresh(response, url, body.get()));
        }
    }

    private static Fresh fresh(HttpResponse<InputStream> response, URI url, byte[] body) {
        HttpHeaders headers = response.headers();
        Validators validators = new Validators(headers.firstValue("etag").orElse(null),
                headers.firstValue("last-modified").orElse(null));
        return new Fresh(body, headers.firstValue("content-type").orElse(""), validators, url, response.statusCode());
    }

    /** An error status. Its first bytes tell a challenge page (BLOCKED) from a plain server error (HTTP_STATUS). */
    private FetchResult refusal(HttpResponse<InputStream> response, URI url, long deadline) throws IOException {
        int status = response.statusCode();
        byte[] head;
        try (InputStream raw = response.body()) {
            head = bodyDeadline.readBefore(deadline, raw, () -> peek(raw, response.headers()));
        }
        return detector.detect(status, response.headers(), head)
                .<FetchResult>map(c -> new Failed(FailureKind.BLOCKED, c.message(), status))
                .orElseGet(() -> FetchFailures.status(status, url));
    }

    private static byte[] peek(InputStream raw, HttpHeaders headers) {
        try {
            InputStream in = BodyReader.decompressing(raw, headers.firstValue("content-encoding").orElse(null));
            return in.readNBytes(ChallengeDetector.HEAD_BYTES);
        } catch (IOException e) {
            return new byte[0]; // an unreadable error page still is an error status
        }
    }

    private static long contentLength(HttpHeaders headers) {
        try {
            OptionalLong length = headers.firstValueAsLong("content-length");
            return length.orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private Duration remaining(long deadline) throws HttpTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new HttpTimeoutException("deadline passed");
        }
        return Duration.ofNanos(left);
    }

    private static void requireHttp(URI url) {
        Objects.requireNonNull(url, "url");
        if (!Redirects.isHttp(url)) {
            throw new IllegalArgumentException("URL must be absolute http(s): " + url);
        }
    }

    private static Duration positive(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("polling timeout must be positive, got " + timeout);
        }
        return timeout;
    }

    private static long validLimit(long maxBodyBytes) {
        if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maximum body size must be between 1 byte and 2 GB, got " + maxBodyBytes);
        }
        return maxBodyBytes;
    }

    /** Stops the deadline thread; in-flight fetches then only have HttpClient's own timeouts. */
    @Override
    public void close() {
        bodyDeadline.close();
    }
}
