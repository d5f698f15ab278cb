package app.khobor.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts rolling-window violations in recorded send times, as Telegram would. */
final class Limits {
    private Limits() {}

    static int violations(List<RecordingBotApi.Call> calls, int perChatPerSecond, int perGroupPerMinute, int globalPerSecond) {
        List<Instant> all = new ArrayList<>();
        Map<Long, List<Instant>> byChat = new HashMap<>();
        for (RecordingBotApi.Call c : calls) {
            all.add(c.at());
            if (c.chatId() != 0) {
                byChat.computeIfAbsent(c.chatId(), id -> new ArrayList<>()).add(c.at());
            }
        }
        int v = over(all, Duration.ofSeconds(1), globalPerSecond);
        for (Map.Entry<Long, List<Instant>> e : byChat.entrySet()) {
            v += over(e.getValue(), Duration.ofSeconds(1), perChatPerSecond);
            if (e.getKey() < 0) {
                v += over(e.getValue(), Duration.ofMinutes(1), perGroupPerMinute);
            }
        }
        return v;
    }

    /** Windows [t, t + window) holding more than {@code limit} of the (sorted) times. */
    static int over(List<Instant> times, Duration window, int limit) {
        List<Instant> sorted = times.stream().sorted().toList();
        int v = 0;
        for (int i = 0; i + limit < sorted.size(); i++) {
            if (sorted.get(i + limit).isBefore(sorted.get(i).plus(window))) {
                v++;
            }
        }
        return v;
    }
}
