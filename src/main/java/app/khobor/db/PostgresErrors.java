package app.khobor.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Reads PostgreSQL's SQLSTATE codes into a {@link StorageException.Kind}. */
final class PostgresErrors {
    private PostgresErrors() {}

    /** The kind of the first failure in the chain that says one. */
    static StorageException.Kind kindOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            StorageException.Kind kind = kindOfOne(t);
            if (kind != StorageException.Kind.OTHER) {
                return kind;
            }
        }
        return StorageException.Kind.OTHER;
    }

    /** A deadlock or serialization failure: the transaction was rolled back and may simply run again. */
    static boolean isConflict(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return state.equals("40001") || state.equals("40P01");
    }

    private static StorageException.Kind kindOfOne(Throwable t) {
        if (t instanceof StorageException s) {
            return s.kind();
        }
        if (t instanceof SQLTransientConnectionException) {
            return StorageException.Kind.UNREACHABLE; // the pool waited in vain for a connection
        }
        if (!(t instanceof SQLException e) || e.getSQLState() == null) {
            return StorageException.Kind.OTHER;
        }
        String state = e.getSQLState();
        if (state.equals("53100")) {
            return StorageException.Kind.DISK_FULL;
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return StorageException.Kind.UNREACHABLE;
        }
        if (state.equals("55P03") || state.equals("40P01")) {
            return StorageException.Kind.LOCKED;
        }
        if (state.equals("XX001") || state.equals("XX002")) {
            return StorageException.Kind.CORRUPT;
        }
        return StorageException.Kind.OTHER;
    }
}
