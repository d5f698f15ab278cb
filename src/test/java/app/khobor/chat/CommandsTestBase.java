package app.khobor.chat;

import app.khobor.db.Engine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gives each command test a fresh {@link CommandsFixture} on its own SQLite file; a test about what the commands
 * store extends {@link CommandsOnBothEnginesTestBase} instead.
 */
abstract class CommandsTestBase {
    @TempDir
    Path dir;
    CommandsFixture f;

    /** The engine of the fixture's database. */
    Engine engine() {
        return Engine.SQLITE;
    }

    @BeforeEach
    void setUpFixture() {
        f = new CommandsFixture(dir, engine(), null);
    }

    @AfterEach
    void closeFixture() {
        if (f != null) { // null when the PostgreSQL run was skipped
            f.close();
        }
    }
}
