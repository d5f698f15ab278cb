package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.khobor.config.PollingSettings;
import app.khobor.config.SourceConfig;
import app.khobor.config.StorageSettings;
import app.khobor.db.Database;
import app.khobor.db.SqlFunction;
import app.khobor.db.Statements;
import app.khobor.db.StorageException;
import app.khobor.fakes.FakePortal;
import app.khobor.news.AnnounceMarks;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.NewsDesk;
import app.khobor.news.NewsPipeline;
import app.khobor.news.SeenCache;
import app.khobor.news.SourceReadState;
import app.khobor.source.HttpFetcher;
import app.khobor.source.PollScheduler;
import app.khobor.source.SourceReader;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A database file whose pages are damaged: refused at start, and stops the poller loudly when found while running. */
class CorruptDatabaseTest {
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    void a_file_with_damaged_inner_pages_is_refused_at_open_naming_the_file_and_what_to_do() throws IOException {
        Path file = damagedDatabase();

        assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + file))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CORRUPT))
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged")
                .hasMessageContaining("backup").hasMessageContaining("move it away");
    }

    @Test
    void run_on_a_damaged_file_exits_1_with_one_line_and_no_stack_trace() throws IOException {
        Path file = damagedDatabase();
        Path config = Files.writeString(dir.resolve("k.yaml"),
                "sources:\n  - {id: one, type: feed, url: 'http://127.0.0.1:9/feed'}\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.of(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "KHOBOR_DB_URL", "jdbc:sqlite:" + file),
                "run", "--config", config.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("khobor: cannot start: ")
                .contains(file.toString()).contains("damaged").contains("backup")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void corruption_found_while_running_stops_polling_with_an_error_naming_the_file() {
        String url = "jdbc:sqlite:" + dir.resolve("khobor.db");
        DamagedDatabase damaged = new DamagedDatabase(Database.open(url));
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger pollLog = (Logger) LoggerFactory.getLogger(PollScheduler.class);
        logs.start();
        pollLog.addAppender(logs);
        PollingSettings polling = new PollingSettings(Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofSeconds(5), PollingSettings.DEFAULT_MAX_BODY, PollingSettings.DEFAULT_USER_AGENT);
        HeadlineHistory history = HeadlineHistory.create(damaged);
        SourceReadState reads = SourceReadState.create(damaged);
        NewsPipeline pipeline = new NewsPipeline(new NewsDesk(history, reads, SeenCache.create(history,
                new StorageSettings(url, Duration.ofDays(30), 100, Duration.ofDays(1))), Clock.systemUTC()),
                reads, AnnounceMarks.create(damaged), fresh -> { });
        try (FakePortal portal = new FakePortal().serve("/feed", 200, "application/rss+xml",
                Feeds.rss("\u0996\u09AC\u09B0", "https://news.example/1").getBytes(StandardCharsets.UTF_8));
             HttpFetcher fetcher = new HttpFetcher(polling);
             PollScheduler poller = new PollScheduler(List.of(SourceConfig.feed("one", "one", portal.url("/feed"))),
                     polling, new SourceReader(fetcher, Clock.systemUTC()), pipeline, Clock.systemUTC(),
                     new Random(3))) {
            damaged.damage();
            poller.start();
            await("polling stopped").atMost(Duration.ofSeconds(15)).until(() -> !poller.polling());
            int served = portal.requests().size();

            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            assertThat(portal.requests()).as("no read after the stop").hasSize(served);
            List<ILoggingEvent> errors = logs.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
            assertThat(errors).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                    .contains(dir.resolve("khobor.db").toString()).contains("damaged").contains("backup")
                    .contains("stopped");
        } finally {
            pollLog.detachAppender(logs);
            damaged.close();
        }
    }

    /** A real khobor database with a few hundred pages, whose pages after the first two are overwritten. */
    private Path damagedDatabase() throws IOException {
        Path file = dir.resolve("data").resolve("khobor.db");
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            db.transaction(c -> {
                Statements.update(c, "CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)");
                for (int i = 0; i < 3000; i++) {
                    Statements.update(c, "INSERT INTO filler(text) VALUES (?)", "x".repeat(200) + i);
                }
                return null;
            });
        }
        byte[] garbage = new byte[PAGE];
        Arrays.fill(garbage, (byte) 0x5A);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long pages = raf.length() / PAGE;
            assertThat(pages).isGreaterThan(50);
            for (long p = 2; p < pages - 1; p++) {
                raf.seek(p * PAGE);
                raf.write(garbage);
            }
        }
        return file;
    }

    /** A real database until {@link #damage()}; then every statement fails as SQLite does on a damaged file. */
    private static final class DamagedDatabase implements Database {
        private final Database real;
        private volatile boolean damaged;

        DamagedDatabase(Database real) {
            this.real = real;
        }

        void damage() {
            damaged = true;
        }

        @Override
        public app.khobor.db.Engine engine() {
            return real.engine();
        }

        @Override
        public String url() {
            return real.url();
        }

        @Override
        public <T> T read(SqlFunction<T> work) {
            check("database read failed");
            return real.read(work);
        }

        @Override
        public <T> T write(SqlFunction<T> work) {
            check("database write failed");
            return real.write(work);
        }

        @Override
        public <T> T transaction(SqlFunction<T> work) {
            check("database write failed");
            return real.transaction(work);
        }

        private void check(String what) {
            if (damaged) {
                throw new StorageException(what + " (" + real.url() + ")",
                        new SQLException("[SQLITE_CORRUPT] The database disk image is malformed"),
                        StorageException.Kind.CORRUPT);
            }
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
