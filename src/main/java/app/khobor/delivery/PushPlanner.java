package app.khobor.delivery;

import app.khobor.news.StoredHeadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides what a chat gets next: its oldest headline, or one digest when more than {@code digestOver} wait. */
final class PushPlanner {
    private final SendContext ctx;

    PushPlanner(SendContext ctx) {
        this.ctx = ctx;
    }

    /** Null when the chat has nothing (left) to send. */
    PushPlan plan(ChatQueue chat, Instant now) {
        if (chat.digest != null) {
            PushPlan next = nextDigestPart(chat.digest);
            if (next != null) {
                return next;
            }
            chat.digest = null;
        }
        int limit = ctx.settings().maxDigest() + 1;
        while (true) {
            List<PendingDelivery> rows = ctx.outbox().pendingFor(chat.chatId, now.minus(ctx.settings().delivery().maxAge()), limit);
            if (rows.isEmpty()) {
                return null;
            }
            List<PendingDelivery> usable = new ArrayList<>();
            List<StoredHeadline> headlines = new ArrayList<>();
            List<Long> missing = new ArrayList<>();
            for (PendingDelivery row : rows) {
                Optional<StoredHeadline> h = ctx.headlines().get(row.headlineId());
                if (h.isPresent()) {
                    usable.add(row);
                    headlines.add(h.get());
                } else {
                    missing.add(row.id());
                }
            }
            // A headline deleted between enqueue and send cannot be rendered; its row would block the chat forever.
            ctx.outbox().markFailed(missing, now);
            if (!usable.isEmpty()) {
                return planFor(usable, headlines, rows.size());
            }
        }
    }

    private PushPlan planFor(List<PendingDelivery> rows, List<StoredHeadline> headlines, int found) {
        if (rows.size() <= ctx.settings().delivery().digestOver()) {
            PendingDelivery first = rows.get(0);
            String html = ctx.formatter().single(headlines.get(0));
            return new PushPlan(List.of(first.id()), List.of(first.headlineId()), html, false, 0, true, found > 1);
        }
        int n = Math.min(rows.size(), ctx.settings().maxDigest());
        List<PendingDelivery> covered = rows.subList(0, n);
        List<String> parts = ctx.formatter().digest(headlines.subList(0, n));
        return new PushPlan(covered.stream().map(PendingDelivery::id).toList(),
                covered.stream().map(PendingDelivery::headlineId).toList(),
                parts.get(0), true, 0, parts.size() == 1, found > n);
    }

    /** Renders the digest again (the formatter is deterministic) rather than keeping its text in memory. */
    private PushPlan nextDigestPart(ChatQueue.DigestInProgress d) {
        List<StoredHeadline> headlines = new ArrayList<>();
        for (long id : d.headlineIds()) {
            ctx.headlines().get(id).ifPresent(headlines::add);
        }
        if (headlines.isEmpty()) {
            return null;
        }
        List<String> parts = ctx.formatter().digest(headlines);
        if (d.nextPart() >= parts.size()) {
            return null;
        }
        return new PushPlan(d.rowIds(), d.headlineIds(), parts.get(d.nextPart()), true, d.nextPart(),
                d.nextPart() == parts.size() - 1, true);
    }
}
