package app.khobor.ops;

import static app.khobor.chat.HtmlText.escape;
import static app.khobor.text.BanglaCalendar.number;

import app.khobor.delivery.OutgoingMessage;
import app.khobor.delivery.Replies;
import app.khobor.infra.DaemonThreads;
import app.khobor.ops.SourceReport.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the admins ({@code telegram.admins}) when a source dies or goes silent, once, and once more when it recovers,
 * so the operator hears of it before the readers do. Looks once a minute; what was reported is kept in memory,
 * so after a restart a source still dead is reported again once it has failed {@code sourceAlertAfter} anew. Also
 * renders the admins' {@code /sourcestatus} table.
 */
final class SourceAlerts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceAlerts.class);
    static final Duration EVERY = Duration.ofMinutes(1);

    private final SourceWatch watch;
    private final Replies replies;
    private final List<Long> admins;
    private final Clock clock;
    /** Sources the admins were told about, with the state they were told. */
    private final Map<String, State> reported = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("khobor-source-alerts"));

    SourceAlerts(SourceWatch watch, Replies replies, List<Long> admins, Clock clock) {
        this.watch = watch;
        this.replies = replies;
        this.admins = admins == null ? List.of() : List.copyOf(admins);
        this.clock = clock;
    }

    void start() {
        long every = every(watch.alertAfter()).toMillis();
        timer.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Once a minute, more often for a short sourceAlertAfter (a quarter of it, at least every second). */
    static Duration every(Duration alertAfter) {
        Duration quarter = alertAfter.dividedBy(4);
        Duration often = quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : quarter;
        return often.compareTo(EVERY) < 0 ? often : EVERY;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("source alerts: check failed: {}", e.getMessage());
        }
    }

    /** One look at every source: alerts for newly dead or silent ones, recoveries for those reported before. */
    synchronized void check() {
        Instant now = clock.instant();
        for (SourceReport r : watch.reports()) {
            State before = reported.get(r.id());
            if (before == null && r.state().alarming()) {
                reported.put(r.id(), r.state());
                log.warn("source {}: {} ({}); telling {} admins", r.id(), r.state().label(), reason(r, now),
                        admins.size());
                tellAdmins(alert(r, now));
            } else if (before != null && (r.state() == State.OK)) {
                reported.remove(r.id());
                log.info("source {}: recovered after being {}; telling {} admins", r.id(), before.label(),
                        admins.size());
                tellAdmins(recovery(r, before));
            }
        }
    }

    private void tellAdmins(String html) {
        for (long admin : admins) {
            replies.reply(OutgoingMessage.html(admin, false, html));
        }
    }

    private String reason(SourceReport r, Instant now) {
        if (r.state() == State.DEAD) {
            return "failing for " + Duration.between(r.failingSince(), now).toMinutes() + " min: "
                    + r.status().lastError();
        }
        return "no new headline for " + Duration.between(r.lastNew(), now).toMinutes() + " min, usually within "
                + r.usualGap().toMinutes() + " min";
    }

    String alert(SourceReport r, Instant now) {
        StringBuilder b = new StringBuilder("⚠️ <b>সূত্র ");
        if (r.state() == State.DEAD) {
            b.append("বন্ধ</b>: ").append(escape(r.name())).append(" (").append(escape(r.id())).append(")\n")
                    .append(BengaliWords.duration(Duration.between(r.failingSince(), now)))
                    .append(" ধরে পড়া যাচ্ছে না (").append(number(r.status().consecutiveFailures())).append(" বার)।");
            if (r.status().lastError() != null) {
                b.append("\nশেষ ত্রুটি: <code>").append(escape(shorten(r.status().lastError()))).append("</code>");
            }
        } else {
            b.append("নীরব</b>: ").append(escape(r.name())).append(" (").append(escape(r.id())).append(")\n")
                    .append(BengaliWords.duration(Duration.between(r.lastNew(), now)))
                    .append(" কোনো নতুন খবর নেই; সাধারণত ").append(BengaliWords.duration(r.usualGap()))
                    .append("-এর মধ্যে আসে। পড়া সফল হচ্ছে: ফিড বা পাতার গঠন বদলেছে কি না দেখুন।");
        }
        return b.toString();
    }

    String recovery(SourceReport r, State before) {
        return "✅ <b>সূত্র আবার চালু</b>: " + escape(r.name()) + " (" + escape(r.id()) + ")"
                + (before == State.SILENT ? "\nনতুন খবর আসছে।"
                        : "\nশেষ সফল পড়া: " + BengaliWords.time(r.status().lastSuccess()));
    }

    /** The admins' /sourcestatus: one block per source, the alarming ones first. */
    String table() {
        Instant now = clock.instant();
        StringBuilder b = new StringBuilder("<b>সূত্রের অবস্থা</b> (সতর্কতা ")
                .append(BengaliWords.duration(watch.alertAfter())).append(" পর)");
        watch.reports().stream()
                .sorted((x, y) -> Boolean.compare(y.state().alarming(), x.state().alarming()))
                .forEach(r -> {
                    b.append("\n\n").append(mark(r.state())).append(" <b>").append(escape(r.name())).append("</b> ")
                            .append(escape(r.id())).append(" — ").append(r.state().label())
                            .append("\n   সফল: ").append(BengaliWords.time(r.status().lastSuccess()))
                            .append("; আজ নতুন: ").append(number(r.newToday()))
                            .append("\n   শেষ নতুন খবর: ").append(BengaliWords.time(r.lastNew()));
                    if (r.usualGap() != null) {
                        b.append(" (সাধারণ ব্যবধান ").append(BengaliWords.duration(r.usualGap())).append(")");
                    }
                    if (r.failingSince() != null) {
                        b.append("\n   ব্যর্থ: ").append(BengaliWords.duration(Duration.between(r.failingSince(), now)))
                                .append(" ধরে, ").append(number(r.status().consecutiveFailures())).append(" বার");
                    }
                    if (r.status().lastError() != null) {
                        b.append("\n   ত্রুটি: <code>").append(escape(shorten(r.status().lastError())))
                                .append("</code>");
                    }
                });
        return b.toString();
    }

    private static String mark(State state) {
        return switch (state) {
            case OK -> "🟢";
            case WAITING -> "⚪";
            case FAILING -> "🟡";
            case DEAD, SILENT -> "🔴";
        };
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
