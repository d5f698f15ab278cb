package app.khobor.db;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Reads SQLite's result codes (extended ones too) into a {@link StorageException.Kind}. */
final class SqliteErrors {
    private SqliteErrors() {}

    /** The kind of the first SQLite error in the exception, its causes or its suppressed exceptions. */
    static StorageException.Kind kindOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            StorageException.Kind kind = kindOfOne(t);
            if (kind != StorageException.Kind.OTHER) {
                return kind;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                kind = kindOfOne(suppressed);
                if (kind != StorageException.Kind.OTHER) {
                    return kind;
                }
            }
        }
        return StorageException.Kind.OTHER;
    }

    private static StorageException.Kind kindOfOne(Throwable t) {
        if (t instanceof StorageException s) {
            return s.kind();
        }
        if (!(t instanceof SQLiteException e) || e.getResultCode() == null) {
            return t instanceof SQLException sql ? byMessage(sql.getMessage()) : StorageException.Kind.OTHER;
        }
        String code = e.getResultCode().name();
        if (code.startsWith("SQLITE_FULL") || e.getResultCode() == SQLiteErrorCode.SQLITE_IOERR_WRITE && full(e)) {
            return StorageException.Kind.DISK_FULL;
        }
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            return StorageException.Kind.LOCKED;
        }
        if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB")) {
            return StorageException.Kind.CORRUPT;
        }
        return byMessage(e.getMessage());
    }

    private static boolean full(SQLException e) {
        return String.valueOf(e.getMessage()).contains("No space left");
    }

    /** The driver reports some failures (at commit, say) only in words. */
    private static StorageException.Kind byMessage(String message) {
        String m = String.valueOf(message);
        if (m.contains("database or disk is full") || m.contains("No space left")) {
            return StorageException.Kind.DISK_FULL;
        }
        if (m.contains("database is locked") || m.contains("database table is locked")) {
            return StorageException.Kind.LOCKED;
        }
        if (m.contains("malformed") || m.contains("file is not a database")) {
            return StorageException.Kind.CORRUPT;
        }
        return StorageException.Kind.OTHER;
    }
}
