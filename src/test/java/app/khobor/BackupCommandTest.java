package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code khobor backup FILE}: a whole, consistent copy while the database is open and being written. */
class BackupCommandTest {
    @TempDir
    Path dir;

    private Path config(Path database) throws Exception {
        return Files.writeString(dir.resolve("khobor.yaml"), "storage: {url: \"jdbc:sqlite:" + database + "\"}\n"
                + "sources:\n  - {id: pa, type: feed, url: \"http://127.0.0.1:9/feed\"}\n");
    }

    @Test
    void backup_copies_the_database_while_another_connection_keeps_writing() throws Exception {
        Path database = dir.resolve("data").resolve("khobor.db");
        Path copy = dir.resolve("backups").resolve("khobor-copy.db");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        try (Database live = Database.open("jdbc:sqlite:" + database)) {
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    long n = written.incrementAndGet();
                    live.write(c -> Statements.update(c, "INSERT INTO headlines(source_id, title, key, url,"
                            + " canonical_url, first_seen) VALUES ('pa', 't', 't', ?, ?, ?)", "u" + n, "u" + n, n));
                }
            });
            writer.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> written.get() > 50);

            CliRun run = CliRun.of(Map.of(), "backup", copy.toString(), "--config", config(database).toString());

            writing.set(false);
            writer.join();
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("database copied to " + copy);
        }
        assertThat(copy.resolveSibling("khobor-copy.db.partial")).doesNotExist();
        try (Database restored = Database.open("jdbc:sqlite:" + copy)) {
            long rows = restored.read(c -> Statements.number(c, "SELECT COUNT(*) FROM headlines"));
            long highest = restored.read(c -> Statements.number(c, "SELECT MAX(first_seen) FROM headlines"));
            assertThat(rows).as("a consistent snapshot: every row up to the last one it holds").isEqualTo(highest)
                    .isPositive();
            java.util.List<String> check = restored.read(c -> Statements.list(c, "PRAGMA quick_check",
                    rs -> rs.getString(1)));
            assertThat(check).containsExactly("ok");
        }
    }

    @Test
    void backup_refuses_to_overwrite_and_needs_a_database_and_a_file_name() throws Exception {
        Path database = dir.resolve("khobor.db");
        Database.open("jdbc:sqlite:" + database).close();
        Path existing = Files.writeString(dir.resolve("old.db"), "keep me");

        CliRun overwrite = CliRun.of(Map.of(), "backup", existing.toString(), "--config", config(database).toString());
        assertThat(overwrite.status()).isEqualTo(2);
        assertThat(overwrite.err()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");

        CliRun missing = CliRun.of(Map.of(), "backup", dir.resolve("x.db").toString(), "--config",
                config(dir.resolve("nothing.db")).toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("no database file at");

        CliRun noName = CliRun.of(Map.of(), "backup");
        assertThat(noName.status()).isEqualTo(2);
        assertThat(noName.err()).contains("backup needs the file");
    }

    @Test
    void backup_of_a_postgresql_database_points_to_pg_dump_in_one_line() throws Exception {
        Path config = Files.writeString(dir.resolve("pg.yaml"), "storage: {url: \"jdbc:postgresql://127.0.0.1:9/khobor\"}\n"
                + "sources:\n  - {id: pa, type: feed, url: \"http://127.0.0.1:9/feed\"}\n");
        Path copy = dir.resolve("copy.db");

        CliRun run = CliRun.of(Map.of(), "backup", copy.toString(), "--config", config.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().toList()).singleElement().asString().contains("pg_dump");
        assertThat(copy).doesNotExist();
    }
}
