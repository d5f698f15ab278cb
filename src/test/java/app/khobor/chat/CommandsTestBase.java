package app.khobor.chat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Gives each command test a fresh {@link CommandsFixture} on its own SQLite file. */
abstract class CommandsTestBase {
    @TempDir
    Path dir;
    CommandsFixture f;

    @BeforeEach
    void setUpFixture() {
        f = new CommandsFixture(dir);
    }

    @AfterEach
    void closeFixture() {
        f.close();
    }
}
