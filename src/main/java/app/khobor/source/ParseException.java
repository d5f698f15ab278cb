package app.khobor.source;

/** A response that cannot be read as what the source promised, e.g. an HTML page where a feed was expected. */
public final class ParseException extends Exception {
    public ParseException(String message) {
        super(message);
    }
}
