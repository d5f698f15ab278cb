package app.khobor.bench;

import app.khobor.telegram.FakeBotApi;
import app.khobor.telegram.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the fake Bot API accepted in one broadcast: rates from its arrival times, and messages per chat. */
record SendFigures(int messages, double totalSeconds, double sustainedPerSecond, int busiestSecond,
                   int missing, int once, int duplicated, long violations) {

    /**
     * @param publish when the bot started publishing; total time runs from it to the last accepted message
     * @param chats   the subscribed chats, {@code DeliveryBot.FIRST_CHAT} onwards
     */
    static SendFigures of(FakeBotApi fake, Instant publish, int chats) {
        List<SentMessage> all = fake.allMessages();
        long[] at = all.stream().map(SentMessage::at).mapToLong(SendFigures::micros).sorted().toArray();
        int[] perChat = new int[4];
        for (int i = 0; i < chats; i++) {
            perChat[Math.min(3, fake.messagesTo(DeliveryBot.FIRST_CHAT + i).size())]++;
        }
        double total = at.length == 0 ? 0 : (at[at.length - 1] - micros(publish)) / 1e6;
        return new SendFigures(at.length, total, sustained(at), busiest(at), perChat[0], perChat[1],
                perChat[2] + perChat[3], fake.violations());
    }

    /** Messages after the first second, divided by the time they took (first second of sending excluded). */
    private static double sustained(long[] at) {
        if (at.length < 2) {
            return 0;
        }
        long from = at[0] + 1_000_000;
        int i = Arrays.binarySearch(at, from);
        int after = at.length - (i >= 0 ? i : -i - 1);
        double seconds = (at[at.length - 1] - from) / 1e6;
        return seconds <= 0 ? 0 : after / seconds;
    }

    /** The most messages accepted within any rolling second. */
    private static int busiest(long[] at) {
        int best = 0;
        for (int lo = 0, hi = 0; hi < at.length; hi++) {
            while (at[hi] - at[lo] >= 1_000_000) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    String describe() {
        return String.format(Locale.ROOT, "messages=%d total_s=%.2f sustained_msg_per_s=%.2f busiest_rolling_second=%d"
                + " 429s(violations)=%d chats_missing=%d chats_once=%d chats_duplicated=%d",
                messages, totalSeconds, sustainedPerSecond, busiestSecond, violations, missing, once, duplicated);
    }

    static Duration timeoutFor(int chats, int perSecond) {
        return Duration.ofSeconds(120 + 3L * chats / perSecond);
    }
}
