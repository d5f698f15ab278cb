package app.khobor.db;

/**
 * The database engine behind a {@link Database}. Stores write SQL both engines understand (INSERT ... ON CONFLICT,
 * RETURNING, CASE instead of two-argument MIN/MAX); the few places that cannot ask here.
 */
public enum Engine {
    /** The embedded default: one file, one writer. */
    SQLITE,
    /** A server shared by several Khobor processes, one of them active (issue 14). */
    POSTGRESQL;

    /** A condition true when {@code column} holds the text bound to the next parameter: SQLite's instr, PostgreSQL's strpos. */
    public String contains(String column) {
        return this == SQLITE ? "instr(" + column + ", ?) > 0" : "strpos(" + column + ", ?) > 0";
    }
}
