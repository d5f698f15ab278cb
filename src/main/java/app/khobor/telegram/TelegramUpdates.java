package app.khobor.telegram;

import app.khobor.infra.DaemonThreads;
import app.khobor.chat.Incoming;
import app.khobor.chat.IncomingHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Receives updates by long polling (getUpdates held up to 50 s by the server) and hands each one, converted to
 * {@link Incoming}, to the handler on a small worker pool: one chat's updates in order, one at a time, different
 * chats in parallel, so a command that waits (a database locked by another process) stalls neither polling nor other
 * chats. Inline queries go the same way, in the lane of the user who typed them. One failing update is logged and
 * skipped.
 */
public final class TelegramUpdates implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);
    static final String THREAD_PREFIX = "khobor-telegram-";
    private static final List<String> ALLOWED_UPDATES =
            List.of("message", "channel_post", "callback_query", "inline_query", "my_chat_member", "chat_member");
    /** Longer than the 50 s the server may hold getUpdates, so a quiet hour is not a stream of timeouts. */
    private static final Duration POLL_READ_TIMEOUT = Duration.ofSeconds(75);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** Updates handled at once; more chats wait their turn, each chat's own updates stay in order. */
    static final int WORKERS = 4;

    private final String token;
    private final TelegramUrl url;
    private final TokenMask mask;
    private OkHttpClient http;
    private ScheduledExecutorService poller;
    private TelegramBotsLongPollingApplication application;
    private boolean closed;
    private final LastAnswer answers = new LastAnswer();
    private final ChatOrderedWorkers workers = new ChatOrderedWorkers(WORKERS, THREAD_PREFIX + "commands");

    public TelegramUpdates(String token, String apiUrl) {
        this.mask = new TokenMask(token);
        this.token = token;
        this.url = ApiAddress.parse(apiUrl);
    }

    /** When Telegram last answered getUpdates (at least every 50 s while polling works). */
    public LastAnswer answers() {
        return answers;
    }

    /**
     * Deletes any webhook and starts polling. Returns once polling runs.
     *
     * @throws IllegalStateException when already started or when Telegram refuses deleteWebhook (message masked)
     */
    public synchronized void start(IncomingHandler handler) {
        if (application != null) {
            throw new IllegalStateException("updates already started");
        }
        if (closed) {
            // A start racing a shutdown must not leave a polling thread behind.
            throw new IllegalStateException("updates already closed");
        }
        http = HttpClients.create(THREAD_PREFIX + "poll-http", POLL_READ_TIMEOUT, answers);
        // Our own executor: the library's default scheduler thread survives close() and keeps the JVM alive.
        poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.numbered(THREAD_PREFIX + "poll"));
        OkHttpClient client = http;
        ScheduledExecutorService executor = poller;
        application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> client, () -> executor);
        try {
            application.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(ALLOWED_UPDATES),
                    consumer(handler));
        } catch (TelegramApiException e) {
            stopPolling(); // not close(): the caller may try again once Telegram answers
            throw new IllegalStateException("could not start polling: " + mask.describe(e));
        }
        log.info("Polling Telegram updates from {}://{}:{}", url.getSchema(), url.getHost(), url.getPort());
    }

    /** Stops polling: aborts the held getUpdates and ends the polling thread. Safe to call twice. */
    @Override
    public synchronized void close() {
        closed = true;
        stopPolling();
        workers.close(Duration.ofSeconds(3));
    }

    private void stopPolling() {
        if (application == null) {
            return;
        }
        try {
            application.close();
        } catch (Exception e) {
            log.warn("Closing the polling application failed: {}", mask.describe(e));
        }
        HttpClients.shutdown(http);
        poller.shutdownNow();
        awaitPoller();
        application = null;
    }

    /**
     * Waits for the polling thread to end, cancelling calls again while it lives: a getUpdates the library starts
     * after the first cancel (between two polls, or after swallowing the interrupt) would otherwise hold the thread for
     * a whole long poll.
     */
    private void awaitPoller() {
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            while (!poller.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                http.dispatcher().cancelAll();
                if (System.nanoTime() - deadline > 0) {
                    log.warn("Polling thread did not stop within {}", CLOSE_WAIT);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LongPollingUpdateConsumer consumer(IncomingHandler handler) {
        return updates -> updates.forEach(update -> deliver(handler, update));
    }

    private void deliver(IncomingHandler handler, Update update) {
        Optional<Incoming> incoming;
        try {
            incoming = IncomingUpdates.convert(update);
        } catch (RuntimeException e) {
            log.error("Reading update {} failed", update.getUpdateId(), mask.safeForLog(e));
            return;
        }
        incoming.ifPresent(in -> workers.execute(in.chatId(), () -> handle(handler, in, update.getUpdateId())));
    }

    private void handle(IncomingHandler handler, Incoming incoming, Integer updateId) {
        try {
            handler.handle(incoming);
        } catch (RuntimeException e) {
            // The contract says handlers do not throw; if one does, the next update must still arrive.
            log.error("Handling update {} failed", updateId, mask.safeForLog(e));
        }
    }
}
