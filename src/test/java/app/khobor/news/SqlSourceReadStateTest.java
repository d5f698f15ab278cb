package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.fakes.TestDatabases;
import app.khobor.source.Validators;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
class SqlSourceReadStateTest {
    @Parameter
    Engine engine;

    private static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private SourceReadState reads;

    @BeforeEach
    void open() {
        db = TestDatabases.open(engine, dir);
        reads = SourceReadState.create(db);
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the PostgreSQL run was skipped
            db.close();
        }
    }

    @Test
    void a_source_is_read_only_after_mark_read_and_saved_validators_do_not_count() {
        reads.saveValidators("ittefaq", new Validators("\"abc\"", null));
        assertThat(reads.wasRead("ittefaq")).isFalse();

        reads.markRead("ittefaq", T0);

        assertThat(reads.wasRead("ittefaq")).isTrue();
        assertThat(reads.wasRead("samakal")).isFalse();
        assertThat(reads.validators("ittefaq")).contains(new Validators("\"abc\"", null));
    }

    @Test
    void validators_are_replaced_and_survive_mark_read() {
        assertThat(reads.validators("samakal")).isEmpty();
        reads.saveValidators("samakal", new Validators("\"v1\"", "Sun, 01 Mar 2026 06:00:00 GMT"));
        reads.markRead("samakal", T0);
        reads.saveValidators("samakal", new Validators(null, "Sun, 01 Mar 2026 07:00:00 GMT"));

        assertThat(reads.validators("samakal")).contains(new Validators(null, "Sun, 01 Mar 2026 07:00:00 GMT"));
        assertThat(reads.wasRead("samakal")).isTrue();
    }

    @Test
    void a_source_without_validators_has_none_saved() {
        reads.saveValidators("samakal", Validators.NONE);

        assertThat(reads.validators("samakal")).isEmpty();
    }
}
