package app.khobor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.khobor.fakes.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What every store relies on, on both engines: the same tables at the same version, nulls, ids, the story trigger. */
@ParameterizedClass
@EnumSource(Engine.class)
class EnginesTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(engine, dir);
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the PostgreSQL run was skipped
            db.close();
        }
    }

    @Test
    void every_migration_ran_once() {
        assertThat(db.engine()).isEqualTo(engine);
        assertThat((long) db.read(c -> Statements.number(c, "SELECT MAX(version) FROM schema_version"))).isGreaterThanOrEqualTo(12);
        assertThat((long) db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM schema_version")))
                .isEqualTo((long) db.read(c -> Statements.number(c, "SELECT MAX(version) FROM schema_version")));
    }

    @Test
    void a_new_headline_is_its_own_story_and_nulls_bind_to_any_column() {
        long id = db.write(c -> Statements.first(c, "INSERT INTO headlines (source_id, title, key, url, canonical_url,"
                + " published_at, first_seen, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", rs -> rs.getLong(1),
                "s", "শিরোনাম", "শিরোনাম", "https://x/1", "https://x/1", null, 5L, null).orElseThrow());
        assertThat((long) db.read(c -> Statements.number(c, "SELECT story_id FROM headlines WHERE id = ?", id))).isEqualTo(id);
    }

    @Test
    void insert_or_nothing_on_conflict_works_alike() {
        db.write(c -> Statements.update(c, "INSERT INTO source_state (source_id) VALUES (?)", "a"));
        int again = db.write(c -> Statements.update(c,
                "INSERT INTO source_state (source_id) VALUES (?) ON CONFLICT DO NOTHING", "a"));
        assertThat(again).isZero();
    }

    @Test
    void a_fenced_write_is_refused_once_the_lease_is_gone() {
        if (engine == Engine.SQLITE) {
            assertThatThrownBy(() -> db.fence(new Fence("khobor", 1))).isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        db.write(c -> Statements.update(c, "CREATE TABLE IF NOT EXISTS khobor_lease (name TEXT PRIMARY KEY,"
                + " holder TEXT NOT NULL, epoch BIGINT NOT NULL, expires_at TIMESTAMPTZ NOT NULL)"));
        db.write(c -> Statements.update(c, "INSERT INTO khobor_lease VALUES ('khobor', 'me', 7,"
                + " clock_timestamp() + INTERVAL '1 minute')"));
        db.fence(new Fence("khobor", 7));
        db.write(c -> Statements.update(c, "INSERT INTO source_state (source_id) VALUES ('held')"));

        db.fence(new Fence("khobor", 6));
        assertThatThrownBy(() -> db.write(c -> Statements.update(c, "INSERT INTO source_state (source_id) VALUES ('old')")))
                .isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).kind()).isEqualTo(StorageException.Kind.FENCED));
        assertThat((long) db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM source_state"))).isEqualTo(1);
    }
}
