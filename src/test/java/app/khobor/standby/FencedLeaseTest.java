package app.khobor.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.khobor.db.Database;
import app.khobor.db.Fence;
import app.khobor.db.Statements;
import app.khobor.db.StorageException;
import app.khobor.fakes.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process whose lease another took (it stalled past its term: a long GC pause, a frozen VM) on the real
 * PostgreSQL server: the database refuses its writes at once, and its own lease thread sees the loss at the next
 * beat, so it stops acting (its senders ask {@link ActiveStandby#isActive}).
 */
class FencedLeaseTest {
    private static final String LEASE = "khobor";

    @TempDir
    Path dir;
    private TestDatabases.PgSchema schema;
    private Database db;
    private ActiveStandby node;
    private PostgresLease other;

    @AfterEach
    void close() {
        if (node != null) {
            node.close();
        }
        if (other != null) {
            other.close();
        }
        if (db != null) {
            db.close();
        }
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void a_process_whose_lease_was_taken_can_no_longer_write_and_stops_being_active() throws Exception {
        schema = TestDatabases.PgSchema.create();
        db = Database.open(schema.url());
        db.write(c -> Statements.update(c, "CREATE TABLE khobor_lease_probe (n INTEGER)"));
        CountDownLatch stoodDown = new CountDownLatch(1);
        node = new ActiveStandby(new PostgresLease(schema.url(), TestPostgres.noCredentials(), LEASE, "me:1",
                Duration.ofSeconds(30)), Duration.ofSeconds(30), Duration.ofMillis(200), new ActiveStandby.Role() {
                    @Override
                    public void becameActive(long epoch) {
                        db.fence(new Fence(LEASE, epoch));
                    }

                    @Override
                    public void becameStandby() {
                        stoodDown.countDown();
                    }
                });
        node.start();
        await().atMost(Duration.ofSeconds(10)).until(node::isActive);
        db.write(c -> Statements.update(c, "INSERT INTO khobor_lease_probe VALUES (1)"));

        // Its lease lapses on the server's clock (the process stalled) and another process takes it.
        try (Connection c = DriverManager.getConnection(schema.url())) {
            c.createStatement().executeUpdate("UPDATE khobor_lease SET expires_at = clock_timestamp()"
                    + " - INTERVAL '1 second'");
        }
        other = new PostgresLease(schema.url(), TestPostgres.noCredentials(), LEASE, "other:2", Duration.ofSeconds(30));
        OptionalLong taken = other.acquire();
        assertThat(taken).hasValue(node.epoch() + 1);

        assertThatThrownBy(() -> db.write(c -> Statements.update(c, "INSERT INTO khobor_lease_probe VALUES (2)")))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.FENCED));
        assertThat(stoodDown.await(10, TimeUnit.SECONDS)).as("the lease thread saw the loss").isTrue();
        assertThat(node.isActive()).isFalse();
        long rows = db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM khobor_lease_probe"));
        assertThat(rows)
                .as("only the write made while the lease was held").isEqualTo(1);
    }
}
