package app.khobor.db;

/**
 * A database failure, unchecked so store interfaces stay readable; carries what was being done and, in plain words,
 * what went wrong when the database said so (a full disk, a lock held by another process, a damaged file).
 */
public final class StorageException extends RuntimeException {

    /** What kind of failure it was, for callers that act differently on each. */
    public enum Kind {
        /** No space left (SQLITE_FULL): writes fail until space is freed; nothing is wrong with the data. */
        DISK_FULL("disk full"),
        /** Another connection or process holds the lock (SQLITE_BUSY, SQLITE_LOCKED) for longer than we waited. */
        LOCKED("database locked by another process"),
        /** The file is damaged or is no database (SQLITE_CORRUPT, SQLITE_NOTADB): retrying cannot help. */
        CORRUPT("database file is damaged"),
        /** The database server cannot be reached or dropped the connection (PostgreSQL). */
        UNREACHABLE("database server unreachable"),
        /** A write of a process that is no longer the active one (its lease lapsed or was taken): refused. */
        FENCED("this process is no longer the active one"),
        /** Anything else. */
        OTHER("");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** What an operator does about it, "" when there is nothing particular to say. */
        public String advice() {
            return switch (this) {
                case DISK_FULL -> "free disk space; nothing read is lost, the next read fetches it again";
                case LOCKED -> "another process (a backup, an sqlite3 shell) holds the database lock; end it";
                case CORRUPT -> IntegrityCheck.ADVICE;
                case UNREACHABLE -> "check that the PostgreSQL server runs and storage.url points at it";
                case FENCED -> "another Khobor process took over; this one stands by";
                case OTHER -> "";
            };
        }

        /** The failure in plain words, "" for OTHER. */
        public String words() {
            return words;
        }
    }

    private final Kind kind;

    public StorageException(String what, Throwable cause) {
        this(what, cause, Kind.OTHER);
    }

    public StorageException(String what, Throwable cause, Kind kind) {
        super(oneLine(kind == Kind.OTHER ? what + ": " + cause.getMessage()
                : what + ": " + kind.words() + " (" + cause.getMessage() + ")"), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
