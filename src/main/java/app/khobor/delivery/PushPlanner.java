package app.khobor.delivery;

import app.khobor.delivery.PushFormatter.DigestPart;
import app.khobor.news.StoredHeadline;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a chat gets next: its oldest headline, or one digest when more than {@code digestOver} wait. Only
 * what the chat still wants goes: the audience is asked again at send time, so a /stop or a narrower filter also
 * covers rows queued before it (after an outage, hours of them).
 */
final class PushPlanner {
    private static final Logger log = LoggerFactory.getLogger(PushPlanner.class);
    /** Other portals listed under one push at most. */
    private static final int MAX_OTHER_COPIES = 20;

    private final Outbox outbox;
    private final HeadlineCache cache;
    private final PushFormatter formatter;
    private final Audience audience;
    private final DeliveryStats stats;
    private final DispatcherSettings settings;
    private final PushStyles styles;
    /**
     * A broadcast sends the same few headlines to every chat: each is rendered once, not once per send (formatting the
     * Bengali time was the costliest step of planning a push). The formatter is deterministic, so this changes no text.
     */
    private final Cache<Single, String> singles = Caffeine.newBuilder().maximumSize(256).build();

    /** A rendered push: the same headline reads differently in another zone, and "আজ" becomes "গতকাল" at midnight. */
    private record Single(long headlineId, ZoneId zone, LocalDate day) {}

    PushPlanner(Outbox outbox, HeadlineCache cache, PushFormatter formatter, Audience audience, DeliveryStats stats,
                DispatcherSettings settings) {
        this(outbox, cache, formatter, audience, stats, settings, PushStyles.DEFAULT);
    }

    /** @param styles when each chat's schedule releases a queued push: staleness counts from there */
    PushPlanner(Outbox outbox, HeadlineCache cache, PushFormatter formatter, Audience audience, DeliveryStats stats,
                DispatcherSettings settings, PushStyles styles) {
        this.styles = styles;
        this.outbox = outbox;
        this.cache = cache;
        this.formatter = formatter;
        this.audience = audience;
        this.stats = stats;
        this.settings = settings;
    }

    /** Null when the chat has nothing (left) to send. */
    PushPlan plan(ChatQueue chat, Instant now) {
        return plan(chat, now, PushStyle.DEFAULT.zone());
    }

    /** @param zone the chat's time zone, for the times in the text */
    PushPlan plan(ChatQueue chat, Instant now, ZoneId zone) {
        return plan(chat, now, new PushStyle(zone, false, false));
    }

    /**
     * @param style the chat's zone, and for a chat that gets its news in batches which headlines are due: only those
     *              queued before {@link PushStyle#dueBefore}, together as one digest; null when none is due yet
     */
    PushPlan plan(ChatQueue chat, Instant now, PushStyle style) {
        ZoneId zone = style.zone();
        if (chat.digest != null) {
            PushPlan next = nextDigestPart(chat.chatId, chat.digest, zone);
            if (next != null) {
                return next;
            }
            chat.digest = null; // finished, or no longer as planned: what is still pending is planned afresh
        }
        int limit = settings.maxDigest() + 1;
        while (true) {
            // Rows held by the chat's own schedule may be older than maxAge: they are stale only maxAge past release.
            Instant since = now.minus(settings.delivery().maxAge()).minus(PushStyles.MAX_HOLD);
            List<PendingDelivery> rows = outbox.pendingFor(chat.chatId, since, limit);
            if (dropStale(chat.chatId, rows, now)) {
                continue;
            }
            boolean batched = style.batched();
            if (batched) {
                // Oldest first, so the due ones are a prefix.
                rows = rows.stream().filter(r -> r.enqueuedAt().isBefore(style.dueBefore())).toList();
            } else if (style.digestBefore() != null && !rows.isEmpty()
                    && rows.get(0).enqueuedAt().isBefore(style.digestBefore())) {
                // What the chat's quiet hours held goes first, together.
                rows = rows.stream().filter(r -> r.enqueuedAt().isBefore(style.digestBefore())).toList();
                batched = true;
            }
            if (rows.isEmpty()) {
                return null;
            }
            // An announcement goes as its own message to every chat it was queued for that is still subscribed:
            // never in a digest, never filtered by keywords or sources. Headlines queued before it go first, alone.
            if (rows.get(0).announcement()) {
                if (!audience.subscribed(chat.chatId)) {
                    drop(chat.chatId, List.of(rows.get(0).id()), now); // stopped since the announcement was queued
                    continue;
                }
                PushPlan announcement = announcement(rows.get(0), rows.size() > 1, now);
                if (announcement != null) {
                    return announcement;
                }
                continue;
            }
            int found = rows.size();
            rows = headlinesBeforeAnnouncement(rows);
            List<PendingDelivery> usable = new ArrayList<>();
            List<StoredHeadline> headlines = new ArrayList<>();
            List<Long> missing = new ArrayList<>();
            List<Long> unwanted = new ArrayList<>();
            for (PendingDelivery row : rows) {
                Optional<StoredHeadline> h = cache.get(row.headlineId());
                if (h.isEmpty()) {
                    missing.add(row.id());
                } else if (!wanted(chat.chatId, h.get())) {
                    unwanted.add(row.id());
                } else {
                    usable.add(row);
                    headlines.add(h.get());
                }
            }
            // A headline deleted between enqueue and send cannot be rendered; its row would block the chat forever.
            outbox.markFailed(missing, now);
            drop(chat.chatId, unwanted, now);
            if (!usable.isEmpty()) {
                return planFor(chat.chatId, usable, headlines, found, zone, now, batched);
            }
        }
    }

    /** Null (and the row failed) when the announcement is not in the database. */
    private PushPlan announcement(PendingDelivery row, boolean more, Instant now) {
        String html = outbox.announcementHtml(row.announcementId());
        if (html == null) {
            outbox.markFailed(List.of(row.id()), now);
            return null;
        }
        return new PushPlan(List.of(row.id()), List.of(), List.of(row.id()), html, false, 0, true, more);
    }

    private static List<PendingDelivery> headlinesBeforeAnnouncement(List<PendingDelivery> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).announcement()) {
                return rows.subList(0, i);
            }
        }
        return rows;
    }

    /** Marks rows that waited longer than maxAge past their release stale; true when there were any. */
    private boolean dropStale(long chatId, List<PendingDelivery> rows, Instant now) {
        List<Long> stale = rows.stream()
                .filter(r -> styles.releaseOf(chatId, r.enqueuedAt()).plus(settings.delivery().maxAge()).isBefore(now))
                .map(PendingDelivery::id).toList();
        int n = outbox.markStale(stale, now);
        if (n > 0) {
            stats.stale(n);
            log.info("chat {}: {} queued headlines waited longer than {} past their release: dropped as stale", chatId, n,
                    settings.delivery().maxAge());
        }
        return !stale.isEmpty();
    }

    private boolean wanted(long chatId, StoredHeadline headline) {
        return audience.accepts(chatId, headline);
    }

    private void drop(long chatId, List<Long> unwanted, Instant now) {
        int dropped = outbox.markDropped(unwanted, now);
        if (dropped > 0) {
            stats.unwanted(dropped);
            log.info("chat {} no longer wants {} queued headlines (stopped or changed its filters): dropped", chatId, dropped);
        }
    }

    /**
     * The story's copies the chat did not get, shown under a headline that joined a story (a top story at its K-th
     * portal lists them all); none for a story's first headline, the common case, so it costs no query.
     */
    private List<StoredHeadline> otherCopies(long chatId, StoredHeadline headline) {
        if (!headline.joinedStory()) {
            return List.of();
        }
        List<StoredHeadline> others = new ArrayList<>();
        for (long id : outbox.otherCopies(chatId, headline.id(), headline.storyId(), MAX_OTHER_COPIES)) {
            cache.get(id).ifPresent(others::add);
        }
        return others;
    }

    private PushPlan planFor(long chatId, List<PendingDelivery> rows, List<StoredHeadline> headlines, int found,
                             ZoneId zone, Instant now, boolean batched) {
        if (rows.size() == 1 || (!batched && rows.size() <= settings.delivery().digestOver())) {
            PendingDelivery first = rows.get(0);
            StoredHeadline headline = headlines.get(0);
            List<StoredHeadline> others = otherCopies(chatId, headline);
            String html = !others.isEmpty() ? formatter.single(headline, zone, others)
                    : singles.get(new Single(headline.id(), zone, now.atZone(zone).toLocalDate()),
                            key -> formatter.single(headline, zone));
            return new PushPlan(List.of(first.id()), List.of(first.headlineId()), List.of(first.id()), html, false, 0,
                    true, found > 1);
        }
        int n = Math.min(rows.size(), settings.maxDigest());
        List<PendingDelivery> covered = rows.subList(0, n);
        return digestPart(covered.stream().map(PendingDelivery::id).toList(),
                covered.stream().map(PendingDelivery::headlineId).toList(),
                formatter.digest(headlines.subList(0, n), zone), 0, found > n);
    }

    /**
     * Renders the digest again (the formatter is deterministic) rather than keeping its text in memory. When one of its
     * headlines is gone or no longer wanted, the rest of the digest is abandoned and planned afresh from the outbox.
     */
    private PushPlan nextDigestPart(long chatId, ChatQueue.DigestInProgress d, ZoneId zone) {
        List<StoredHeadline> headlines = new ArrayList<>();
        for (long id : d.headlineIds()) {
            Optional<StoredHeadline> h = cache.get(id);
            if (h.isEmpty() || !wanted(chatId, h.get())) {
                return null;
            }
            headlines.add(h.get());
        }
        List<DigestPart> parts = formatter.digest(headlines, zone);
        if (d.nextPart() >= parts.size()) {
            return null;
        }
        return digestPart(d.rowIds(), d.headlineIds(), parts, d.nextPart(), true);
    }

    /** Part {@code part} of a digest over these rows; the last part completes whatever the earlier ones did not. */
    private static PushPlan digestPart(List<Long> rowIds, List<Long> headlineIds, List<DigestPart> parts, int part,
                                       boolean more) {
        int from = 0;
        for (int p = 0; p < part; p++) {
            from += parts.get(p).completes();
        }
        boolean last = part == parts.size() - 1;
        from = Math.min(from, rowIds.size());
        int to = last ? rowIds.size() : Math.min(rowIds.size(), from + parts.get(part).completes());
        return new PushPlan(rowIds, headlineIds, rowIds.subList(from, to), parts.get(part).html(), true, part, last, more);
    }
}
