package app.khobor.source;

/**
 * Cache validators a server gave with its last full response, echoed back verbatim on the next request so an unchanged
 * feed costs a 304 instead of a download.
 *
 * @param etag         value of the ETag header (quotes and any W/ prefix kept), null when absent
 * @param lastModified value of the Last-Modified header as sent by the server, null when absent
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public Validators {
        etag = blankToNull(etag);
        lastModified = blankToNull(lastModified);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
