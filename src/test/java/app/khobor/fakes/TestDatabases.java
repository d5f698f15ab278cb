package app.khobor.fakes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Fence;
import app.khobor.db.SqlFunction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases of either engine for store tests: a SQLite file in the test's folder, or a schema of its own on the
 * real PostgreSQL server named by {@value #PG_ENV} (.ci/run sets it and starts the server), dropped on close.
 * Without that variable the PostgreSQL runs are skipped with a message saying so.
 *
 * <p>Typical use: {@code @ParameterizedClass @EnumSource(Engine.class)} on the test class, a {@code @Parameter Engine
 * engine} field, and {@code db = TestDatabases.open(engine, dir)} in {@code @BeforeEach}.
 */
public final class TestDatabases {
    public static final String PG_ENV = "KHOBOR_TEST_PG_URL";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private TestDatabases() {}

    /** A new, migrated, empty database of {@code engine}; a SQLite one lives in {@code dir}. */
    public static Database open(Engine engine, Path dir) {
        return switch (engine) {
            case SQLITE -> Database.open("jdbc:sqlite:" + dir.resolve("khobor.db"));
            case POSTGRESQL -> {
                PgSchema schema = PgSchema.create();
                yield new SchemaDatabase(Database.open(schema.url()), schema);
            }
        };
    }

    /** The server's URL from {@value #PG_ENV}; skips the calling test when it is not set. */
    public static String postgresUrl() {
        String url = System.getenv(PG_ENV);
        assumeTrue(url != null && !url.isBlank(), PG_ENV + " is not set: skipping the PostgreSQL test (e.g. " + PG_ENV
                + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres; .ci/run sets it)");
        return url;
    }

    /** A schema of its own on the test server: {@link #url} points a connection (or a Khobor process) into it. */
    public record PgSchema(String serverUrl, String name) {
        public static PgSchema create() {
            String server = postgresUrl();
            String name = ("khobor_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_"
                    + Long.toString(System.nanoTime() % 1_000_000, 36)).toLowerCase(Locale.ROOT);
            execute(server, "CREATE SCHEMA " + name);
            return new PgSchema(server, name);
        }

        /** The server URL with this schema first on the search path. */
        public String url() {
            return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        public void drop() {
            execute(serverUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }

        private static void execute(String url, String sql) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " on " + url + ": " + e.getMessage(), e);
            }
        }
    }

    /** A PostgreSQL database whose close also drops its schema. */
    private record SchemaDatabase(Database db, PgSchema schema) implements Database {
        @Override
        public Engine engine() {
            return db.engine();
        }

        @Override
        public void fence(Fence fence) {
            db.fence(fence);
        }

        @Override
        public String url() {
            return db.url();
        }

        @Override
        public <T> T read(SqlFunction<T> work) {
            return db.read(work);
        }

        @Override
        public <T> T write(SqlFunction<T> work) {
            return db.write(work);
        }

        @Override
        public <T> T transaction(SqlFunction<T> work) {
            return db.transaction(work);
        }

        @Override
        public void close() {
            db.close();
            schema.drop();
        }
    }
}
