package app.khobor.ops;

import app.khobor.delivery.DeliveryStats;
import app.khobor.delivery.Dispatcher;
import app.khobor.delivery.Outbox;
import app.khobor.delivery.OutboxCounts;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BanglaCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The operator's page at {@code /}: health, each source's state, the delivery queue and counters, the last 20
 * headlines. Server-rendered HTML with a little CSS, no script; it reloads itself every 30 s. Times in Bangladesh time.
 */
final class StatusPage {
    static final int HEADLINES = 20;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BanglaCalendar.ZONE);

    private final SourceWatch watch;
    private final Dispatcher dispatcher;
    private final Outbox outbox;
    private final HeadlineHistory history;
    private final Function<String, String> sourceName;
    private final Clock clock;

    StatusPage(SourceWatch watch, Dispatcher dispatcher, Outbox outbox, HeadlineHistory history,
               Function<String, String> sourceName, Clock clock) {
        this.watch = watch;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.history = history;
        this.sourceName = sourceName;
        this.clock = clock;
    }

    String render(Health.Result health) {
        Instant now = clock.instant();
        StringBuilder b = new StringBuilder(8192).append("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="30">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Khobor status</title>
                <style>
                body{font-family:system-ui,"Noto Sans Bengali",sans-serif;margin:1.5rem;color:#222;max-width:72rem}
                h1{font-size:1.4rem;margin:0 0 .3rem} h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
                table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
                th{background:#f4f4f4;font-weight:600} td.num{text-align:right;font-variant-numeric:tabular-nums}
                .state{font-weight:600;border-radius:.3rem;padding:.05rem .4rem}
                .ok{background:#d9f2dd;color:#14532d} .waiting{background:#eee} .failing{background:#fff1c2;color:#713f12}
                .dead,.silent,.unhealthy{background:#fde2e2;color:#7f1d1d} .error{color:#7f1d1d;font-size:.9em}
                .meta{color:#666;font-size:.9em} dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}
                dd{margin:0;font-variant-numeric:tabular-nums}
                </style></head><body>
                """);
        b.append("<h1>Khobor status <span id=\"health\" class=\"state ").append(health.healthy() ? "ok" : "unhealthy")
                .append("\">").append(health.healthy() ? "healthy" : "unhealthy").append("</span></h1>\n")
                .append("<p class=\"meta\">").append(TIME.format(now)).append(" (Bangladesh time); reloads every 30 s")
                .append("</p>\n");
        if (!health.reasons().isEmpty()) {
            b.append("<ul id=\"reasons\">");
            health.reasons().forEach(r -> b.append("<li>").append(escape(r)).append("</li>"));
            b.append("</ul>\n");
        }
        sources(b, now);
        delivery(b);
        headlines(b);
        return b.append("</body></html>\n").toString();
    }

    private void sources(StringBuilder b, Instant now) {
        b.append("<h2>Sources</h2>\n<table id=\"sources\"><thead><tr><th>source</th><th>state</th><th>last success</th>"
                + "<th>last new headline</th><th>new today</th><th>last error</th></tr></thead><tbody>\n");
        for (SourceReport r : watch.reports()) {
            b.append("<tr data-source=\"").append(escape(r.id())).append("\"><td>").append(escape(r.name()))
                    .append(" <span class=\"meta\">").append(escape(r.id())).append("</span></td>")
                    .append("<td><span class=\"state ").append(r.state().label()).append("\">")
                    .append(r.state().label()).append("</span>");
            if (r.failingSince() != null) {
                b.append(" <span class=\"meta\">for ").append(ago(Duration.between(r.failingSince(), now)))
                        .append("</span>");
            }
            b.append("</td><td>").append(time(r.status().lastSuccess())).append("</td><td>").append(time(r.lastNew()));
            if (r.usualGap() != null) {
                b.append(" <span class=\"meta\">usually every ").append(ago(r.usualGap())).append("</span>");
            }
            b.append("</td><td class=\"num\">").append(r.newToday()).append("</td><td class=\"error\">");
            if (r.status().lastError() != null) {
                b.append(escape(r.status().lastError()));
                if (r.status().lastFailure() != null) {
                    b.append(" <span class=\"meta\">(").append(time(r.status().lastFailure())).append(", ")
                            .append(r.status().consecutiveFailures()).append("×)</span>");
                }
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private void delivery(StringBuilder b) {
        DeliveryStats.Snapshot s = dispatcher.stats().snapshot();
        OutboxCounts queue = outbox.counts();
        Map<String, Long> figures = new java.util.LinkedHashMap<>();
        figures.put("pending in the outbox", queue.pending());
        figures.put("sent since start (headlines)", s.sent());
        figures.put("digests", s.digests());
        figures.put("replies to commands", s.replies());
        figures.put("failed (refused by Telegram)", s.rejected());
        figures.put("dropped (chat gone or no longer wants it)", s.droppedForGone() + s.unwanted());
        figures.put("stale (waited too long)", s.stale());
        figures.put("429 answers", s.tooManyRequests());
        figures.put("retries", s.retried());
        figures.put("send rate in force (msg/s)", (long) dispatcher.currentGlobalRate());
        b.append("<h2>Delivery</h2>\n<dl id=\"delivery\">");
        figures.forEach((k, v) -> b.append("<dt>").append(k).append("</dt><dd>").append(v).append("</dd>"));
        b.append("</dl>\n");
    }

    private void headlines(StringBuilder b) {
        List<StoredHeadline> latest = history.latest(HEADLINES);
        b.append("<h2>Last ").append(HEADLINES).append(" headlines</h2>\n<table id=\"headlines\"><thead><tr>"
                + "<th>first seen</th><th>source</th><th>title</th></tr></thead><tbody>\n");
        for (StoredHeadline h : latest) {
            b.append("<tr><td>").append(time(h.firstSeen())).append("</td><td>")
                    .append(escape(sourceName.apply(h.sourceId()))).append("</td><td><a href=\"")
                    .append(escape(h.url())).append("\" rel=\"noreferrer\">").append(escape(h.title()))
                    .append("</a></td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static String time(Instant at) {
        return at == null ? "never" : TIME.format(at);
    }

    private static String ago(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return d.toSeconds() + " s";
        }
        return minutes < 120 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
