package app.khobor.config;

/** A configuration problem, with a message meant for the operator (names the source and the key). */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
