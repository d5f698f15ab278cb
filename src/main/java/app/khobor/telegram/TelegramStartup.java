package app.khobor.telegram;

import app.khobor.chat.IncomingHandler;
import app.khobor.infra.Backoff;
import app.khobor.infra.DaemonThreads;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to Telegram in the background: getMe, the command menu, then long polling. When Telegram is unreachable
 * at start-up the bot still polls the portals and queues pushes; this keeps retrying (1 s doubling to 1 min) instead
 * of dying, so an outage at boot heals by itself. A 401 at getMe is different: the token is wrong, and waiting cannot
 * help, so the owner is told (the command line then exits with status 2).
 */
public final class TelegramStartup implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramStartup.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofMinutes(1);

    private final BotIdentity identity;
    private final TelegramUpdates updates;
    private final IncomingHandler handler;
    private final TelegramBotApi api;
    private final Thread thread;
    private final Consumer<String> fatal;

    /** @param fatal told, once, when Telegram rejects the token (401 at getMe): no retry can fix that */
    public TelegramStartup(BotIdentity identity, TelegramUpdates updates, IncomingHandler handler, TelegramBotApi api,
            Consumer<String> fatal) {
        this.fatal = fatal;
        this.identity = identity;
        this.updates = updates;
        this.handler = handler;
        this.api = api;
        this.thread = DaemonThreads.create("khobor-telegram-startup", this::connect);
    }

    public void start() {
        thread.start();
    }

    private void connect() {
        Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY, new Random());
        int failures = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                identity.fetch();
                setMenu();
                updates.start(handler);
                return;
            } catch (TokenRejectedException e) {
                log.error(e.getMessage());
                fatal.accept(e.getMessage());
                return;
            } catch (IllegalStateException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                Duration wait = backoff.delayAfter(++failures);
                log.warn("Telegram is not reachable yet ({}); retrying in {}s", e.getMessage(), wait.toSeconds());
                if (!sleep(wait)) {
                    return;
                }
            }
        }
    }

    /** The menu is a convenience: failing to set it must not keep the bot from answering. */
    private void setMenu() {
        try {
            api.setCommands(handler.menu());
        } catch (IllegalStateException e) {
            log.warn("Could not set the command menu: {}", e.getMessage());
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() asked us to stop: keep the flag for the loop
            return false;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
