package app.khobor.source;

import app.khobor.config.PollingSettings;
import app.khobor.config.SourceConfig;
import app.khobor.infra.Backoff;
import app.khobor.infra.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every source forever, each on its own interval with jitter, with capped exponential backoff after failures
 * and at most one request at a time per host, and hands every read to a {@link ReadHandler}. A source without an
 * interval of its own is paced by its {@link PublicationHistory} ({@link PollingPace}, between
 * {@code polling.minInterval} and {@code polling.maxInterval}); a failure's backoff always wins; and reads of one host
 * are scheduled at most {@code polling.maxPerHostPerMinute} a minute ({@link HostSlots}). Reads run on their own
 * threads, so one slow or broken source never delays the others; a timer thread only schedules. Keeps each source's
 * health for /stats.
 */
public final class PollScheduler implements SourceStatusView, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final List<SourceConfig> sources;
    private final PollingSettings polling;
    private final SourceReader reader;
    private final ReadHandler handler;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<String, SourceHealth> health = new ConcurrentHashMap<>();
    private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();
    private final HostGate hosts = new HostGate();
    private final PublicationHistory history;
    private final PollingPace pace;
    private final HostSlots slots;
    /** Each source's publication times, read again after a read that brought content or once they are old. */
    private final Map<String, Recent> published = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private volatile ReadObserver observer = ReadObserver.NONE;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("khobor-poll-timer"));
    private final ExecutorService readers = Executors.newCachedThreadPool(DaemonThreads.numbered("khobor-poll"));

    private record Recent(List<Instant> times, Instant readAt) {}

    private static final Duration HISTORY_REFRESH = Duration.ofMinutes(10);

    /** Every source on its configured interval: no publication history. */
    public PollScheduler(List<SourceConfig> sources, PollingSettings polling, SourceReader reader, ReadHandler handler,
                         Clock clock, RandomGenerator random) {
        this(sources, polling, reader, handler, PublicationHistory.NONE, clock, random);
    }

    public PollScheduler(List<SourceConfig> sources, PollingSettings polling, SourceReader reader, ReadHandler handler,
                         PublicationHistory history, Clock clock, RandomGenerator random) {
        this.history = history;
        this.pace = new PollingPace(polling.interval(), polling.minInterval(), polling.maxInterval());
        this.slots = new HostSlots(polling.hostSpacing());
        this.sources = List.copyOf(sources);
        this.polling = polling;
        this.reader = reader;
        this.handler = handler;
        this.clock = clock;
        this.random = random;
        for (SourceConfig source : this.sources) {
            health.put(source.id(), new SourceHealth(source, handler.validators(source.id())));
            backoffs.put(source.id(), backoffFor(source));
        }
    }

    /** Backs off from the source's configured interval: a failing source is never read more often than a healthy one. */
    private Backoff backoffFor(SourceConfig source) {
        Duration interval = source.intervalOr(polling.interval());
        Duration cap = polling.maxBackoff().compareTo(interval) > 0 ? polling.maxBackoff() : interval;
        return new Backoff(interval, cap, random);
    }

    /** Who else hears of every read (metrics, health); set before {@link #start()}. */
    public void observe(ReadObserver observer) {
        this.observer = observer;
    }

    /** Starts polling; the first reads are spread over a few seconds so start-up is not a burst. */
    public void start() {
        for (SourceConfig source : sources) {
            long spreadMillis = Math.min(source.intervalOr(polling.interval()).toMillis(), 5_000);
            schedule(source, spaced(source,
                    Duration.ofMillis(spreadMillis == 0 ? 0 : random.nextInt((int) spreadMillis + 1))));
        }
    }

    private void schedule(SourceConfig source, Duration delay) {
        if (timer.isShutdown() || stopped) {
            return;
        }
        try {
            timer.schedule(() -> readers.execute(() -> pollAndReschedule(source)), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // close() ran between the check and the schedule: polling has ended
        }
    }

    private void pollAndReschedule(SourceConfig source) {
        Duration next = source.intervalOr(polling.interval());
        try {
            next = pollOnce(source);
        } catch (ReadNotKept e) {
            if (e.fatal()) {
                log.error("source {}: {}. Polling of every source is stopped: reading on would store nothing",
                        source.id(), e.getMessage());
                stopPolling();
                return;
            }
            // The portal answered; our side could not keep it. Same schedule, no backoff, not shown as failing.
            next = backoffs.get(source.id()).nextInterval(source.intervalOr(polling.interval()));
            log.error("source {}: read, but {}; next read in {}s", source.id(), e.getMessage(), next.toSeconds());
        } catch (RuntimeException e) {
            // The boundary: a bug or a database hiccup on one source must not end its polling.
            SourceHealth h = health.get(source.id());
            h.failed(clock.instant(), "internal error: " + e.getMessage(), false);
            log.error("source {}: poll failed unexpectedly", source.id(), e);
            next = backoffs.get(source.id()).delayAfter(h.consecutiveFailures());
        } finally {
            schedule(source, spaced(source, next));
        }
    }

    /** The delay pushed back, where needed, so that reads of the source's host keep their spacing. */
    private Duration spaced(SourceConfig source, Duration delay) {
        Instant now = clock.instant();
        Instant at = slots.reserve(source.host(), now.plus(delay), now);
        return Duration.between(now, at);
    }

    /** Reads one source once (holding its host's lock) and returns the delay until the next read. */
    Duration pollOnce(SourceConfig source) {
        SourceHealth h = health.get(source.id());
        long started = System.nanoTime();
        ReadOutcome outcome = hosts.read(reader, source, h.validators());
        observer.read(source.id(), outcome, Duration.ofNanos(System.nanoTime() - started));
        return handle(source, h, outcome);
    }

    private Duration handle(SourceConfig source, SourceHealth h, ReadOutcome outcome) {
        handler.handle(source.id(), outcome);
        if (outcome instanceof ReadOutcome.Failed failed) {
            boolean blocked = failed.kind() == FailureKind.BLOCKED;
            h.failed(clock.instant(), failed.message(), blocked);
            Duration delay = backoffs.get(source.id()).delayAfter(h.consecutiveFailures());
            log.warn("source {}: {} (failure {} in a row; next try in {}s)", source.id(), failed.message(),
                    h.consecutiveFailures(), delay.toSeconds());
            return delay;
        }
        if (outcome instanceof ReadOutcome.Read read) {
            // Only now that the handler kept the headlines: a sent ETag with lost headlines would hide them forever.
            h.read(read.validators());
        }
        h.succeeded(clock.instant());
        if (outcome instanceof ReadOutcome.Read read && read.headlines().isEmpty()) {
            // Answered, but nothing usable in it: a portal that silently stopped publishing must show in /stats.
            h.noted("read, but it has no items with a title and a link");
            log.warn("source {}: read, but it has no items with a title and a link", source.id());
        }
        return backoffs.get(source.id()).nextInterval(interval(source, outcome instanceof ReadOutcome.Read));
    }

    /**
     * The source's own interval when it has one; else, when pacing is on, what its publication history says (read
     * again after a read that brought content); else the configured interval.
     */
    private Duration interval(SourceConfig source, boolean changed) {
        if (source.interval() != null || !polling.adaptive()) {
            return source.intervalOr(polling.interval());
        }
        Instant now = clock.instant();
        Recent recent = published.get(source.id());
        if (changed || recent == null || recent.readAt().plus(HISTORY_REFRESH).isBefore(now)) {
            recent = new Recent(publicationTimes(source, now), now);
            published.put(source.id(), recent);
        }
        return pace.interval(recent.times(), now);
    }

    private List<Instant> publicationTimes(SourceConfig source, Instant now) {
        try {
            return List.copyOf(history.since(source.id(), now.minus(PollingPace.LOOK_BACK)));
        } catch (RuntimeException e) {
            log.warn("source {}: publication history unavailable ({}); polling every {}s", source.id(), e.getMessage(),
                    polling.interval().toSeconds());
            return List.of();
        }
    }

    @Override
    public List<SourceStatus> sourceStatuses() {
        return sources.stream().map(s -> health.get(s.id()).status()).toList();
    }

    /** Ends polling for good (the database is damaged); reads running now finish, none is scheduled again. */
    private void stopPolling() {
        stopped = true;
        timer.shutdownNow();
    }

    /** False once polling stopped because the handler could not keep anything any more. */
    public boolean polling() {
        return !stopped && !timer.isShutdown();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        readers.shutdownNow();
        try {
            readers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
