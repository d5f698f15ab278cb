package app.khobor.source;

import java.net.URI;
import java.util.Objects;

/** Outcome of one HTTP fetch. Bytes are not decoded here: see {@link BodyDecoder}. */
public sealed interface FetchResult {

    /**
     * New content.
     *
     * @param body        the decompressed body bytes
     * @param contentType the Content-Type header, "" when absent
     * @param validators  what to send with the next request to this source
     * @param finalUrl    the URL after redirects; relative links in the body resolve against it
     */
    record Fresh(byte[] body, String contentType, Validators validators, URI finalUrl, int status) implements FetchResult {
        public Fresh {
            Objects.requireNonNull(body, "body");
            contentType = contentType == null ? "" : contentType;
            validators = validators == null ? Validators.NONE : validators;
            Objects.requireNonNull(finalUrl, "finalUrl");
        }

        @Override
        public String toString() {
            return "Fresh[" + status + " " + finalUrl + ", " + body.length + " bytes, " + contentType + "]";
        }
    }

    /** The server confirmed (304) that nothing changed since the validators we sent. */
    record NotModified() implements FetchResult {}

    /**
     * @param message one short line for an operator, e.g. "HTTP 500 from https://x/feed"; never a stack trace
     * @param status  the HTTP status, 0 when no response was received
     */
    record Failed(FailureKind kind, String message, int status) implements FetchResult {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }
}
