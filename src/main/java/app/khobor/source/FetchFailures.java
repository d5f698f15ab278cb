package app.khobor.source;

import app.khobor.source.FetchResult.Failed;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/** One-line, operator-facing failures. Exceptions are summarised, never printed with their stack. */
final class FetchFailures {
    private static final int MAX_DETAIL = 160;

    private FetchFailures() {}

    static Failed timedOut(Duration timeout) {
        return new Failed(FailureKind.TIMEOUT, "timed out after " + human(timeout), 0);
    }

    static Failed status(int status, URI url) {
        return new Failed(FailureKind.HTTP_STATUS, "HTTP " + status + " from " + url, status);
    }

    static Failed tooLarge(long limit, int status) {
        return new Failed(FailureKind.TOO_LARGE, "body larger than " + size(limit), status);
    }

    /** Maps an I/O failure that is not a timeout (the fetcher knows the deadline, this does not). */
    static Failed of(IOException e, URI url) {
        if (e instanceof BodyReader.UndecodableBodyException || e instanceof ZipException) {
            return new Failed(FailureKind.BAD_CONTENT, "cannot decompress body from " + url + ": " + detail(e), 0);
        }
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return new Failed(FailureKind.NETWORK, "unknown host " + url.getHost(), 0);
        }
        if (has(e, SSLException.class)) {
            return new Failed(FailureKind.NETWORK, "TLS failure with " + url.getHost() + ": " + detail(e), 0);
        }
        if (has(e, ConnectException.class)) {
            // HttpClient reports a refused connection as ConnectException <- ClosedChannelException, all without messages
            String why = hasMessage(e) ? detail(e) : "connection refused";
            return new Failed(FailureKind.NETWORK, "cannot connect to " + hostPort(url) + ": " + why, 0);
        }
        return new Failed(FailureKind.NETWORK, "network error from " + url + ": " + detail(e), 0);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message: the JDK wraps "Connection refused" and friends in message-less exceptions. */
    private static String detail(Throwable e) {
        String detail = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                detail = t.getMessage();
            }
        }
        String oneLine = detail.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }

    private static String hostPort(URI url) {
        return url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    static String human(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    static String size(long bytes) {
        long mb = 1024 * 1024;
        if (bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
