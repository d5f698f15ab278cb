package app.khobor.db;

/** A database failure, unchecked so store interfaces stay readable; carries what was being done. */
public final class StorageException extends RuntimeException {
    public StorageException(String what, Throwable cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
