package app.khobor.news;

/**
 * What a source's last successful response said about its version, so the next GET (also after a restart) can be
 * conditional and a 304 costs nothing.
 *
 * @param etag         the ETag header, null when the server sent none
 * @param lastModified the Last-Modified header as sent, null when the server sent none
 */
public record SourceCursor(String etag, String lastModified) {}
