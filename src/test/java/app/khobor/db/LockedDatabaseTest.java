package app.khobor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another process holds the write lock of the file: reads go on, writes wait, then are applied or clearly refused. */
class LockedDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void a_write_still_locked_after_its_patience_is_refused_as_locked_in_plain_words_while_reads_go_on()
            throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("khobor.db");
        try (Database db = SqliteDatabase.open(url, Duration.ofSeconds(1));
             Connection other = DriverManager.getConnection(url);
             Statement lock = other.createStatement()) {
            db.write(c -> Statements.update(c, "CREATE TABLE t (x INTEGER)"));
            lock.execute("BEGIN IMMEDIATE");

            long rows = db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM t"));
            assertThat(rows).as("a read goes on").isZero();
            assertThatThrownBy(() -> db.write(c -> Statements.update(c, "INSERT INTO t VALUES (1)")))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.LOCKED))
                    .hasMessageContaining("database locked by another process").hasMessageContaining(url);

            lock.execute("ROLLBACK");
            db.transaction(c -> Statements.update(c, "INSERT INTO t VALUES (2)"));
            long sum = db.read(c -> Statements.number(c, "SELECT SUM(x) FROM t"));
            assertThat(sum).isEqualTo(2);
        }
    }

    @Test
    void a_read_cannot_change_anything() throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("ro.db"))) {
            assertThatThrownBy(() -> db.read(c -> Statements.update(c, "CREATE TABLE sneaky (x INTEGER)")))
                    .isInstanceOf(StorageException.class);
        }
    }
}
