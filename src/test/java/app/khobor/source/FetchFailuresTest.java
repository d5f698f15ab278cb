package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.source.FetchResult.Failed;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FetchFailuresTest {
    private static final URI FEED = URI.create("https://www.example.com/feed");

    @Test
    void an_unresolvable_host_is_a_network_failure_naming_the_host() {
        IOException e = (IOException) new ConnectException().initCause(new UnresolvedAddressException());

        assertThat(FetchFailures.of(e, FEED)).isEqualTo(new Failed(FailureKind.NETWORK, "unknown host www.example.com", 0));
    }

    @Test
    void a_tls_failure_is_a_network_failure_with_a_one_line_reason() {
        IOException e = new IOException(new SSLHandshakeException("PKIX path building failed:\n unable to find path"));

        Failed failed = FetchFailures.of(e, FEED);

        assertThat(failed.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(failed.message()).isEqualTo("TLS failure with www.example.com: PKIX path building failed: unable to find path");
    }

    @Test
    void other_io_errors_keep_the_url_and_the_innermost_message() {
        IOException e = new IOException("wrapper", new IOException("Connection reset"));

        assertThat(FetchFailures.of(e, FEED).message()).isEqualTo("network error from " + FEED + ": Connection reset");
    }

    @Test
    void durations_and_sizes_read_naturally() {
        assertThat(FetchFailures.timedOut(Duration.ofSeconds(20)).message()).isEqualTo("timed out after 20s");
        assertThat(FetchFailures.timedOut(Duration.ofMillis(1500)).message()).isEqualTo("timed out after 1500ms");
        assertThat(FetchFailures.size(5L * 1024 * 1024)).isEqualTo("5 MB");
        assertThat(FetchFailures.size(512 * 1024)).isEqualTo("512 KB");
    }
}
