package app.khobor.fakes;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import java.nio.file.Path;

/**
 * A test's database that the test can close and open again, as a stopped and restarted process would, on either
 * engine. On SQLite that is the file itself; on PostgreSQL a second handle on the schema {@link TestDatabases} made,
 * so closing it does not drop the schema, which lives until {@link #close}.
 */
public final class RestartableDatabase implements AutoCloseable {
    private final Database home;
    private Database current;

    public RestartableDatabase(Engine engine, Path dir) {
        home = TestDatabases.open(engine, dir);
        current = engine == Engine.SQLITE ? home : Database.open(home.url());
    }

    /** The open handle (closed by a {@code close()} on it, until {@link #restart}). */
    public Database db() {
        return current;
    }

    /** Closes the handle and opens the database again; the new handle. */
    public Database restart() {
        current.close();
        current = Database.open(home.url());
        return current;
    }

    @Override
    public void close() {
        current.close();
        home.close();
    }
}
