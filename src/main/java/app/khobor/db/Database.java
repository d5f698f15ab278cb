package app.khobor.db;

/**
 * The database behind every store. {@link #open} is the one place that looks at the JDBC URL and picks the
 * implementation; stores take a {@code Database} and never check the URL themselves.
 */
public interface Database extends AutoCloseable {

    /**
     * Opens (creating the file and its folder if needed) and migrates the database at {@code jdbcUrl}: SQLite for
     * {@code jdbc:sqlite:FILE}, PostgreSQL for {@code jdbc:postgresql://...} (user and password from the URL or from
     * {@code KHOBOR_DB_USER} / {@code KHOBOR_DB_PASSWORD}).
     *
     * @throws IllegalArgumentException for a URL of a database Khobor cannot use (a configuration error)
     * @throws StorageException         when the database cannot be opened or migrated
     */
    static Database open(String jdbcUrl) {
        if (jdbcUrl.startsWith(SqliteDatabase.SCHEME)) {
            return SqliteDatabase.open(jdbcUrl);
        }
        if (jdbcUrl.startsWith(PostgresDatabase.SCHEME)) {
            return PostgresDatabase.open(jdbcUrl, PostgresDatabase.credentialsFromEnvironment());
        }
        throw new IllegalArgumentException("storage url '" + jdbcUrl
                + "' is not a database Khobor can use: write jdbc:sqlite:FILE or jdbc:postgresql://HOST/DATABASE");
    }

    /**
     * The user and password for a PostgreSQL server from {@code KHOBOR_DB_USER} / {@code KHOBOR_DB_PASSWORD}, where
     * set (else the URL's): what {@link #open} uses, for connections opened beside the pool (the standby's lease).
     */
    static java.util.Properties credentialsFromEnvironment() {
        return PostgresDatabase.credentialsFromEnvironment();
    }

    /** The URL as it may be printed or logged: a password given in it is not shown. */
    static String withoutPassword(String jdbcUrl) {
        return PostgresDatabase.withoutPassword(jdbcUrl);
    }

    /** Which engine it is, for the few statements that differ ({@link Engine}). */
    Engine engine();

    /**
     * From now on, refuses every write and transaction unless this process still holds {@code fence}'s lease at its
     * epoch (see {@link Fence}). Only PostgreSQL, where several processes share one database, supports it.
     */
    default void fence(Fence fence) {
        throw new UnsupportedOperationException(engine() + " is used by one process only: nothing to fence");
    }

    /** The JDBC URL it was opened with, for logs. */
    String url();

    /** Runs queries in {@code work}; it must not change anything (use {@link #write} or {@link #transaction}). */
    <T> T read(SqlFunction<T> work);

    /** Runs one change (a single statement, which commits on its own) in {@code work}. */
    <T> T write(SqlFunction<T> work);

    /** Runs {@code work} in one transaction: all of it or nothing. */
    <T> T transaction(SqlFunction<T> work);

    @Override
    void close();
}
