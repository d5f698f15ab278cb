package app.khobor.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

/** Delivery figures for /stats, labelled in Bengali, in a stable order. */
public final class DeliveryCounters {
    private DeliveryCounters() {}

    public static Map<String, Long> of(Dispatcher dispatcher, Outbox outbox) {
        DeliveryStats.Snapshot s = dispatcher.stats().snapshot();
        OutboxCounts queue = outbox.counts();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("পাঠানো খবর", s.sent());
        counters.put("ডাইজেস্ট", s.digests());
        counters.put("উত্তর", s.replies());
        counters.put("অপেক্ষায়", queue.pending());
        counters.put("429 (অপেক্ষা)", s.tooManyRequests());
        counters.put("আবার চেষ্টা", s.retried());
        counters.put("বন্ধ চ্যাট", s.gone());
        counters.put("পুরোনো বলে বাদ", s.stale());
        counters.put("প্রতি সেকেন্ডে সীমা", (long) dispatcher.currentGlobalRate());
        return counters;
    }
}
