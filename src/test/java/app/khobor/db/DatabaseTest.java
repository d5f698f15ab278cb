package app.khobor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private static long count(Database db, String sql) {
        return db.read(c -> Statements.number(c, sql));
    }

    @Test
    void migrations_run_once_when_the_same_file_is_opened_twice() {
        String url = "jdbc:sqlite:" + dir.resolve("data/khobor.db");
        try (Database first = Database.open(url)) {
            first.write(c -> Statements.update(c,
                    "INSERT INTO source_state (source_id, first_read_at) VALUES ('ittefaq', 1)"));
        }

        try (Database second = Database.open(url)) {
            assertThat(count(second, "SELECT COUNT(*) FROM schema_version WHERE version = 1")).isEqualTo(1);
            assertThat(count(second, "SELECT COUNT(*) FROM schema_version"))
                    .isEqualTo(count(second, "SELECT COUNT(DISTINCT version) FROM schema_version"));
            assertThat(count(second, "SELECT COUNT(*) FROM source_state")).isEqualTo(1);
        }
    }

    @Test
    void v1_creates_the_history_tables_and_their_triggers() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("khobor.db"))) {
            assertThat(count(db, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('headlines', 'source_state', 'headlines_fts')"))
                    .isEqualTo(3);
            assertThat(count(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'headlines'"
                    + " AND name LIKE 'headlines_fts%'")).isEqualTo(3);
        }
    }

    @Test
    void an_unreachable_postgresql_server_is_refused_in_one_clear_line() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/khobor?connectTimeout=2"))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot open database jdbc:postgresql://127.0.0.1:1/khobor")
                .hasMessageContaining("database server unreachable")
                .satisfies(e -> assertThat(((StorageException) e).kind()).isEqualTo(StorageException.Kind.UNREACHABLE));
    }

    @Test
    void a_url_of_no_known_database_is_refused_naming_what_to_write() {
        assertThatThrownBy(() -> Database.open("data/khobor.db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("storage url 'data/khobor.db'").hasMessageContaining("jdbc:sqlite:FILE");
    }

    @Test
    void a_write_changes_the_database_and_a_failed_transaction_changes_nothing() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("khobor.db"))) {
            db.write(c -> Statements.update(c, "INSERT INTO source_state (source_id, first_read_at) VALUES (?, ?)", "a", 1));
            assertThatThrownBy(() -> db.transaction(c -> {
                Statements.update(c, "INSERT INTO source_state (source_id, first_read_at) VALUES (?, ?)", "b", 1);
                return Statements.update(c, "INSERT INTO source_state (source_id, first_read_at) VALUES (?, ?)", "a", 2);
            })).isInstanceOf(StorageException.class);

            List<String> stored = db.read(c -> Statements.list(c, "SELECT source_id FROM source_state", rs -> rs.getString(1)));
            assertThat(stored).containsExactly("a");
        }
    }

    @Test
    void a_batch_longer_than_one_round_trip_changes_and_counts_every_row() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("khobor.db"))) {
            List<Integer> ids = IntStream.range(0, Statements.BATCH * 2 + 3).boxed().toList();

            int added = db.transaction(c -> Statements.batch(c,
                    "INSERT OR IGNORE INTO source_state (source_id, first_read_at) VALUES (?, 1)", ids, id -> new Object[] {"s" + id}));
            int again = db.transaction(c -> Statements.batch(c,
                    "INSERT OR IGNORE INTO source_state (source_id, first_read_at) VALUES (?, 1)", ids, id -> new Object[] {"s" + id}));

            assertThat(added).isEqualTo(ids.size());
            assertThat(again).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM source_state")).isEqualTo(ids.size());
        }
    }
}
