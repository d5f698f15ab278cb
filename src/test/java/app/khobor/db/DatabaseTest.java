package app.khobor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void migrations_run_once_when_the_same_file_is_opened_twice() {
        String url = "jdbc:sqlite:" + dir.resolve("data/khobor.db");
        try (Database first = Database.open(url)) {
            first.transaction(c -> c.createStatement().executeUpdate(
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
            assertThat(count(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'headlines'"))
                    .isEqualTo(3);
        }
    }
}
