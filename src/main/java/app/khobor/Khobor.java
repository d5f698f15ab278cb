package app.khobor;

import app.khobor.config.KhoborConfig;
import app.khobor.db.Database;
import app.khobor.news.HeadlineStore;
import app.khobor.news.NewsDesk;
import app.khobor.news.SeenCache;
import app.khobor.source.HttpFetcher;
import app.khobor.source.PollScheduler;
import app.khobor.source.SourceReader;
import java.time.Clock;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot, wired by hand: configuration in, objects built, threads started. {@code Main} and the end-to-end
 * tests use this same method, so tests exercise the production graph.
 */
public final class Khobor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Khobor.class);

    private final Database database;
    private final HttpFetcher fetcher;
    private final PollScheduler poller;

    private Khobor(Database database, HttpFetcher fetcher, PollScheduler poller) {
        this.database = database;
        this.fetcher = fetcher;
        this.poller = poller;
    }

    public static Khobor start(KhoborConfig config, String token, Clock clock) {
        Database database = Database.open(config.storage().url());
        HeadlineStore headlines = HeadlineStore.create(database);
        NewsDesk desk = new NewsDesk(headlines, SeenCache.create(headlines, config.storage()), clock);
        HttpFetcher fetcher = new HttpFetcher(config.polling());
        PollScheduler poller = new PollScheduler(config.enabledSources(), config.polling(),
                new SourceReader(fetcher, clock), desk, fresh -> { }, clock, new Random());
        poller.start();
        log.info("khobor started: {} sources, database {}", config.enabledSources().size(), database.url());
        return new Khobor(database, fetcher, poller);
    }

    /** The token never reaches a log or an error message. */
    static String mask(String text, String token) {
        return token == null || token.isEmpty() ? text : text.replace(token, "<token>");
    }

    @Override
    public void close() {
        poller.close();
        fetcher.close();
        database.close();
        log.info("khobor stopped");
    }
}
