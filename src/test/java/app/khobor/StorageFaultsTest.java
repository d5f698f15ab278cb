package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.config.PollingSettings;
import app.khobor.config.SourceConfig;
import app.khobor.config.StorageSettings;
import app.khobor.db.Database;
import app.khobor.fakes.FakePortal;
import app.khobor.news.AnnounceMarks;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.NewsDesk;
import app.khobor.news.NewsPipeline;
import app.khobor.news.SeenCache;
import app.khobor.news.SourceReadState;
import app.khobor.news.StoredHeadline;
import app.khobor.source.HttpFetcher;
import app.khobor.source.PollScheduler;
import app.khobor.source.SourceReader;
import app.khobor.source.SourceStatus;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The read -> store -> announce path as Khobor wires it (poller, pipeline, real SQLite file, local portal) when the
 * database, not the portal, fails: a full disk (SQLite's max_page_count on the bot's own connection).
 */
class StorageFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PATH = "/desk.xml";

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private final FakePortal portal = new FakePortal(clock);
    private final List<StoredHeadline> announced = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger pollLog = (Logger) LoggerFactory.getLogger(PollScheduler.class);
    private Database db;
    private HttpFetcher fetcher;
    private PollScheduler poller;

    @BeforeEach
    void start() {
        logs.start();
        pollLog.addAppender(logs);
        db = Database.open("jdbc:sqlite:" + dir.resolve("khobor.db"));
        HeadlineHistory history = HeadlineHistory.create(db);
        SourceReadState reads = SourceReadState.create(db);
        NewsDesk desk = new NewsDesk(history, reads,
                SeenCache.create(history, new StorageSettings(db.url(), Duration.ofDays(30), 10_000, Duration.ofDays(7))),
                clock);
        NewsPipeline pipeline = new NewsPipeline(desk, reads, AnnounceMarks.create(db), announced::addAll);
        PollingSettings polling = new PollingSettings(Duration.ofSeconds(1), Duration.ofMinutes(30),
                Duration.ofSeconds(5), PollingSettings.DEFAULT_MAX_BODY, PollingSettings.DEFAULT_USER_AGENT);
        fetcher = new HttpFetcher(polling);
        poller = new PollScheduler(List.of(SourceConfig.feed("desk", "desk", portal.url(PATH))), polling,
                new SourceReader(fetcher, clock), pipeline, clock, new Random(7));
    }

    @AfterEach
    void stop() {
        poller.close();
        fetcher.close();
        db.close();
        portal.close();
        pollLog.detachAppender(logs);
    }

    @Test
    void a_full_disk_keeps_the_portal_schedule_says_disk_full_and_loses_nothing_once_space_is_freed() {
        portal.feed(PATH, Feeds.rss("\u09AA\u09C1\u09B0\u09CB\u09A8\u09CB", "https://news.example/0"));
        poller.start();
        await("the baseline read").atMost(WAIT).until(() -> status().lastSuccess() != null);
        setMaxPageCount(pageCount()); // the disk is full: not one more page

        portal.feed(PATH, newFeed(300));
        int before = portal.requests().size();
        await("three reads that could not be stored").atMost(WAIT).until(() -> portal.requests().size() >= before + 3);

        assertThat(announced).isEmpty();
        assertThat(status().consecutiveFailures()).as("not the portal's failure").isZero();
        assertThat(status().lastError()).isNull();
        assertThat(storeErrors()).isNotEmpty().allSatisfy(line -> assertThat(line).contains("disk full")
                .doesNotContain("no transaction is active"));

        setMaxPageCount(1_000_000); // space freed
        await("the same read stored and announced").atMost(WAIT).until(() -> announced.size() == 300);
        assertThat(announced).extracting(StoredHeadline::url).doesNotHaveDuplicates()
                .contains("https://news.example/1", "https://news.example/300");
    }

    private static String newFeed(int count) {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add("\u09A8\u09A4\u09C1\u09A8 \u0996\u09AC\u09B0 " + i + " " + "\u0995".repeat(100));
            items.add("https://news.example/" + i);
        }
        items.add("\u09AA\u09C1\u09B0\u09CB\u09A8\u09CB");
        items.add("https://news.example/0");
        return Feeds.rss(items.toArray(String[]::new));
    }

    private SourceStatus status() {
        return poller.sourceStatuses().get(0);
    }

    private List<String> storeErrors() {
        synchronized (logs.list) {
            return logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("could not store")).toList();
        }
    }

    /** On the bot's own connection: max_page_count is a setting of the connection, not of the file. */
    private void setMaxPageCount(long pages) {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA max_page_count = " + pages);
            }
            return null;
        });
    }

    private long pageCount() {
        return db.write(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }
}
