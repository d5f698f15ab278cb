package app.khobor.ops;

import app.khobor.delivery.BotApi;
import app.khobor.delivery.DeliveryStats;
import app.khobor.delivery.Dispatcher;
import app.khobor.delivery.Outbox;
import app.khobor.news.StoredHeadline;
import app.khobor.source.ReadObserver;
import app.khobor.source.ReadOutcome;
import app.khobor.source.SourceStatus;
import app.khobor.source.SourceStatusView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Every figure of {@code /metrics}, in a Micrometer Prometheus registry. Events are counted as they happen (reads,
 * new headlines, sends); figures that already live elsewhere (delivery counters, the outbox, chats, each source's
 * health) are read when Prometheus scrapes. README "Operating" lists each metric's meaning.
 */
final class OpsMetrics implements ReadObserver, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private MultiGauge chats;
    private OpsQueries queries;

    OpsMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    // ---- events

    @Override
    public void read(String sourceId, ReadOutcome outcome, Duration took) {
        String result = outcome(outcome);
        Counter.builder("khobor.fetches").description("Reads of a source by outcome")
                .tags("source", sourceId, "outcome", result).register(registry).increment();
        Timer.builder("khobor.fetch.duration").description("Time to fetch and parse a source")
                .tag("source", sourceId).register(registry).record(took);
    }

    /** ok, not_modified, blocked, or the failure kind: http_status, timeout, network, too_large, bad_content. */
    static String outcome(ReadOutcome outcome) {
        if (outcome instanceof ReadOutcome.Failed failed) {
            return failed.kind().name().toLowerCase(Locale.ROOT);
        }
        return outcome instanceof ReadOutcome.Unchanged ? "not_modified" : "ok";
    }

    /** Headlines handed to delivery as new. */
    void newHeadlines(List<StoredHeadline> headlines) {
        for (StoredHeadline h : headlines) {
            Counter.builder("khobor.headlines.new").description("New headlines found, per source")
                    .tag("source", h.sourceId()).register(registry).increment();
        }
    }

    /** The Bot API with each call timed (send latency). */
    BotApi timed(BotApi api) {
        return new TimedBotApi(api, method -> Timer.builder("khobor.send.latency")
                .description("Time for Telegram to answer a send, an edit or a button answer")
                .tag("method", method).register(registry));
    }

    // ---- figures read at scrape time

    /** 1 while this process is the active one (always, with one process on SQLite), 0 while it stands by. */
    void bindRole(BooleanSupplier active) {
        Gauge.builder("khobor.active", active, a -> a.getAsBoolean() ? 1 : 0)
                .description("1 while this process is the active one (holds the lease), 0 while it stands by")
                .register(registry);
    }

    void bindDelivery(Dispatcher dispatcher, Outbox outbox) {
        DeliveryStats stats = dispatcher.stats();
        delivered(stats, "sent", s -> s.snapshot().sent());
        delivered(stats, "failed", s -> s.snapshot().rejected());
        delivered(stats, "dropped", s -> s.snapshot().droppedForGone() + s.snapshot().unwanted());
        delivered(stats, "stale", s -> s.snapshot().stale());
        FunctionCounter.builder("khobor.replies", stats, s -> s.snapshot().replies())
                .description("Answers to readers' commands sent").register(registry);
        FunctionCounter.builder("khobor.telegram.too.many.requests", stats, s -> s.snapshot().tooManyRequests())
                .description("429 Too Many Requests answers from Telegram").register(registry);
        FunctionCounter.builder("khobor.send.retries", stats, s -> s.snapshot().retried())
                .description("Sends retried after a transient failure").register(registry);
        Gauge.builder("khobor.outbox.pending", outbox, o -> o.counts().pending())
                .description("Deliveries waiting in the outbox").register(registry);
        Gauge.builder("khobor.send.rate.limit", dispatcher, Dispatcher::currentGlobalRate).baseUnit("per_second")
                .description("The bot-wide send rate in force now (below the configured one after 429s)")
                .register(registry);
    }

    private void delivered(DeliveryStats stats, String result, ToDoubleFunction<DeliveryStats> value) {
        FunctionCounter.builder("khobor.deliveries", stats, value).tag("result", result)
                .description("Pushed headlines by result: sent, failed (refused by Telegram), dropped (chat gone"
                        + " or no longer wants it), stale (waited longer than delivery.maxAge)")
                .register(registry);
    }

    void bindSources(SourceStatusView view, List<String> sourceIds) {
        for (String id : sourceIds) {
            Gauge.builder("khobor.source.consecutive.failures", view, v -> status(v, id).consecutiveFailures())
                    .description("Failed reads in a row (0 after a success)").tag("source", id).register(registry);
            Gauge.builder("khobor.source.last.success.timestamp", view, v -> epochSeconds(status(v, id)))
                    .baseUnit("seconds").description("When the source was last read successfully (0: never)")
                    .tag("source", id).register(registry);
        }
    }

    private static SourceStatus status(SourceStatusView view, String id) {
        return view.sourceStatuses().stream().filter(s -> s.sourceId().equals(id)).findFirst().orElseThrow();
    }

    private static double epochSeconds(SourceStatus s) {
        return s.lastSuccess() == null ? 0 : s.lastSuccess().toEpochMilli() / 1000.0;
    }

    void bindChats(OpsQueries queries) {
        this.queries = queries;
        this.chats = MultiGauge.builder("khobor.chats").description("Chats by kind and state").register(registry);
    }

    /** The Prometheus text format. */
    String scrape() {
        if (chats != null) {
            chats.register(queries.chatGroups().stream()
                    .map(g -> MultiGauge.Row.of(Tags.of("kind", g.kind(), "state", g.state()), g.count()))
                    .toList(), true);
        }
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
