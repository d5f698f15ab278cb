package app.khobor.ops;

import app.khobor.config.KhoborConfig;
import app.khobor.config.SourceConfig;
import app.khobor.db.Database;
import app.khobor.delivery.BotApi;
import app.khobor.delivery.Dispatcher;
import app.khobor.delivery.Outbox;
import app.khobor.news.Announcer;
import app.khobor.news.HeadlineHistory;
import app.khobor.source.PollScheduler;
import app.khobor.source.ReadObserver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Everything the operator gets, built in one place for {@code Khobor.start}: metrics from the polling, the news and
 * the sending; the health check; the HTTP endpoint (when {@code ops.listen} is set); the alerts to the admins when a
 * source dies or goes silent, and the /sourcestatus table. The bot works the same without any of it.
 */
public final class Operations implements AutoCloseable {
    private final KhoborConfig config;
    private final Clock clock;
    private final OpsMetrics metrics = new OpsMetrics();
    private final SourceActivity activity;
    private final OpsQueries queries;
    private final Path databaseFolder;
    private SourceAlerts alerts;
    private OpsServer server;
    /** Null with one process (SQLite); on PostgreSQL whether this process holds the lease now. */
    private volatile BooleanSupplier active;
    /** What the endpoint answers: a standby's health until {@link #start} binds the running parts. */
    private volatile Supplier<Health.Result> health;
    private volatile Function<Health.Result, String> page = Operations::standbyPage;

    public Operations(KhoborConfig config, Database database, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.activity = new SourceActivity(clock, System::nanoTime);
        this.queries = new OpsQueries(database);
        this.databaseFolder = sqliteFolder(config.storage().url());
        this.health = () -> Health.Result.standby(queries::ping);
        metrics.bindRole(() -> active == null || active.getAsBoolean());
    }

    /**
     * PostgreSQL: this process competes for the lease and acts only while {@code active} says so. Starts the endpoint
     * now, so that a standby answers /healthz (healthy, role "standby": it only needs the database) and /metrics
     * ({@code khobor_active 0}); {@link #start} later binds the running parts when this process becomes active.
     */
    public void standingBy(BooleanSupplier active) {
        this.active = active;
        if (config.ops().listen() != null) {
            serve();
        }
    }

    /** Hears every read of every source. */
    public ReadObserver reads() {
        return (sourceId, outcome, took) -> {
            activity.read(sourceId, outcome, took);
            metrics.read(sourceId, outcome, took);
        };
    }

    /** The Bot API with each call timed. */
    public BotApi timed(BotApi api) {
        return metrics.timed(api);
    }

    /** Counts new headlines per source on their way to delivery. */
    public Announcer counting(Announcer announcer) {
        return headlines -> {
            announcer.announce(headlines);
            metrics.newHeadlines(headlines);
        };
    }

    /**
     * Binds the running parts and starts the alerts and, when configured, the endpoint.
     *
     * @param telegramAnswered time since the Bot API last answered; empty when it never did
     */
    public void start(PollScheduler poller, Dispatcher dispatcher, Outbox outbox, HeadlineHistory history,
                      Supplier<Optional<Duration>> telegramAnswered) {
        SourceWatch watch = new SourceWatch(poller, activity, queries, config.ops().sourceAlertAfter(), clock);
        metrics.bindDelivery(dispatcher, outbox);
        metrics.bindSources(poller, config.enabledSources().stream().map(SourceConfig::id).toList());
        metrics.bindChats(queries);
        alerts = new SourceAlerts(watch, dispatcher, config.telegram().admins(), clock);
        alerts.start();
        if (config.ops().listen() != null) {
            Health running = new Health(activity, poller::polling, shortestInterval(), queries::ping, databaseFolder,
                    telegramAnswered);
            Map<String, String> names = config.sources().stream()
                    .collect(Collectors.toMap(SourceConfig::id, s -> s.name() == null ? s.id() : s.name()));
            Function<String, String> name = id -> names.getOrDefault(id, id);
            StatusPage status = new StatusPage(watch, dispatcher, outbox, history, name, clock);
            this.page = status::render;
            this.health = () -> active == null ? running.check() : running.check().as("active");
            if (server == null) {
                serve();
            }
        }
    }

    private void serve() {
        server = new OpsServer(config.ops().listen(), this::health, metrics::scrape, h -> page.apply(h));
        server.start();
    }

    /** A process that stopped being active answers as a standby, whatever it ran before (it is about to exit). */
    private Health.Result health() {
        BooleanSupplier role = active;
        return role != null && !role.getAsBoolean() ? Health.Result.standby(queries::ping) : health.get();
    }

    private static String standbyPage(Health.Result health) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Khobor standby</title>"
                + "<meta http-equiv=\"refresh\" content=\"30\"></head>\n<body><h1>Khobor: standby</h1>\n"
                + "<p>Another process holds the lease and does the work; this one takes over when it stops."
                + (health.healthy() ? "" : " Not ready: " + String.join("; ", health.reasons())
                        .replace("&", "&amp;").replace("<", "&lt;"))
                + "</p></body></html>\n";
    }

    /** The admins' /sourcestatus answer (Telegram HTML). */
    public String sourceStatusTable() {
        if (alerts == null) {
            throw new IllegalStateException("operations not started");
        }
        return alerts.table();
    }

    /** The endpoint's port; empty without one. */
    public Optional<Integer> port() {
        return server == null ? Optional.empty() : Optional.of(server.port());
    }

    private Duration shortestInterval() {
        return config.enabledSources().stream().map(s -> s.intervalOr(config.polling().interval()))
                .min(Duration::compareTo).orElse(config.polling().interval());
    }

    /** The folder of a {@code jdbc:sqlite:FILE} database, for its free space; null for in-memory ones. */
    static Path sqliteFolder(String url) {
        Path file = url.startsWith("jdbc:sqlite:") ? Backup.databaseFile(url) : null;
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (alerts != null) {
            alerts.close();
        }
        metrics.close();
    }
}
