package app.khobor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.fakes.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The operator's own questions to the database, alike on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class OpsQueriesTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    Database db;
    OpsQueries queries;

    @BeforeEach
    void open() {
        db = TestDatabases.open(engine, dir);
        queries = new OpsQueries(db);
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the PostgreSQL run was skipped
            db.close();
        }
    }

    private void headline(String source, long firstSeen, boolean baseline) {
        db.write(c -> Statements.update(c, "INSERT INTO headlines(source_id, title, key, url, canonical_url, first_seen,"
                + " baseline) VALUES (?, 't', 't', 'u', ?, ?, ?)", source, source + System.nanoTime(), firstSeen,
                baseline ? 1 : 0));
    }

    private void chat(long id, String kind, int active, int subscribed) {
        db.write(c -> Statements.update(c, "INSERT INTO chats(id, kind, active, subscribed, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, 0, 0)", id, kind, active, subscribed));
    }

    @Test
    void new_headlines_leave_out_the_baseline_and_arrivals_count_each_moment_once() {
        headline("pa", 1_000, true);
        headline("pa", 2_000, false);
        headline("pa", 2_000, false);
        headline("pa", 3_000, false);
        headline("jn", 500, false);

        assertThat(queries.newHeadlinesSince(Instant.ofEpochMilli(1_000))).isEqualTo(Map.of("pa", 3L));
        assertThat(queries.arrivals("pa", 2)).containsExactly(Instant.ofEpochMilli(3_000), Instant.ofEpochMilli(2_000));
    }

    @Test
    void chats_are_grouped_by_kind_and_state_and_the_database_answers_a_ping() {
        chat(1, "PRIVATE", 1, 1);
        chat(2, "PRIVATE", 1, 1);
        chat(3, "PRIVATE", 1, 0);
        chat(-4, "SUPERGROUP", 0, 1);

        assertThat(queries.chatGroups()).containsExactlyInAnyOrder(new OpsQueries.ChatGroup("private", "subscribed", 2),
                new OpsQueries.ChatGroup("private", "unsubscribed", 1), new OpsQueries.ChatGroup("supergroup", "gone", 1));
        queries.ping();
    }
}
