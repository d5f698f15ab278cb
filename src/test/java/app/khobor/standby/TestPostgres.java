package app.khobor.standby;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Properties;

/**
 * The real PostgreSQL server the PostgreSQL tests run against: {@code KHOBOR_TEST_PG_URL} (.ci/run sets it and starts
 * the server). Without it those tests are skipped with a message saying so.
 */
final class TestPostgres {
    static final String ENV = "KHOBOR_TEST_PG_URL";

    private TestPostgres() {}

    static String url() {
        String url = System.getenv(ENV);
        assumeTrue(url != null && !url.isBlank(),
                ENV + " is not set: skipping the PostgreSQL tests (e.g. " + ENV + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        return url;
    }

    static Properties noCredentials() {
        return new Properties();
    }
}
