package app.khobor.source;

/** Why a fetch produced no content; drives backoff, /stats and what the operator is told. */
public enum FailureKind {
    /** An anti-bot challenge or denial page (Cloudflare, Akamai) came back instead of content. */
    BLOCKED,
    /** The server answered with an error status (or a redirect we could not follow). */
    HTTP_STATUS,
    /** Connecting, waiting for the answer or reading the body took longer than the configured timeout. */
    TIMEOUT,
    /** DNS, refused or reset connections, TLS failures. */
    NETWORK,
    /** The body is larger than the configured limit. */
    TOO_LARGE,
    /** The bytes arrived but cannot be used: undecodable compression here, parse problems in the callers. */
    BAD_CONTENT
}
