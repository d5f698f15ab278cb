package app.khobor.chat;

import static app.khobor.text.BanglaCalendar.number;
import static app.khobor.chat.HtmlText.escape;

import app.khobor.config.TelegramSettings;
import app.khobor.news.HeadlineHistory;
import app.khobor.source.SourceStatus;
import app.khobor.source.SourceStatusView;
import app.khobor.text.BanglaCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

/** /stats for the operators listed in telegram.admins: chats, today's headlines, each source's health, deliveries. */
final class StatsCommand {
    private final ChatStore chats;
    private final HeadlineHistory headlines;
    private final TelegramSettings telegram;
    private final SourceStatusView statuses;
    private final Supplier<Map<String, Long>> deliveryCounters;
    private final HeadlineFormat format;
    private final Clock clock;

    StatsCommand(ChatStore chats, HeadlineHistory headlines, TelegramSettings telegram, SourceStatusView statuses,
            Supplier<Map<String, Long>> deliveryCounters, HeadlineFormat format, Clock clock) {
        this.chats = chats;
        this.headlines = headlines;
        this.telegram = telegram;
        this.statuses = statuses;
        this.deliveryCounters = deliveryCounters;
        this.format = format;
        this.clock = clock;
    }

    Answer stats(long fromUserId) {
        if (telegram.admins() == null || !telegram.admins().contains(fromUserId)) {
            return Answer.text(Messages.NOT_ADMIN);
        }
        ChatCounts counts = chats.counts();
        StringBuilder b = new StringBuilder("<b>পরিসংখ্যান</b>\n")
                .append("চ্যাট: ").append(number(counts.chats())).append('\n')
                .append("সক্রিয় গ্রাহক: ").append(number(counts.activeSubscribers()))
                .append(" (ব্যক্তিগত ").append(number(counts.privateChats()))
                .append(", গ্রুপ ").append(number(counts.groups()))
                .append(", চ্যানেল ").append(number(counts.channels())).append(")\n")
                .append("নিষ্ক্রিয় চ্যাট: ").append(number(counts.inactive())).append('\n')
                // Sources' first reads are stored, never pushed: counting them would make a restart look like news.
                .append("আজ আসা নতুন খবর: ").append(number(headlines.countNewSince(startOfToday())));
        b.append("\n\n<b>সূত্র</b>");
        if (statuses != null) {
            statuses.sourceStatuses().forEach(s -> b.append('\n').append(sourceLine(s)));
        }
        appendDeliveries(b);
        return Answer.text(b.toString());
    }

    /** "Today" as readers in Bangladesh count it. */
    private Instant startOfToday() {
        LocalDate today = LocalDate.now(clock.withZone(BanglaCalendar.ZONE));
        return today.atStartOfDay(BanglaCalendar.ZONE).toInstant();
    }

    private String sourceLine(SourceStatus s) {
        String line = "• " + escape(s.name() != null ? s.name() : s.sourceId()) + ": "
                + (s.lastSuccess() == null ? "কখনো পড়া হয়নি" : "সফল " + format.time(s.lastSuccess()));
        if (s.lastError() != null) {
            String when = s.lastFailure() == null ? "" : format.time(s.lastFailure()) + ", ";
            line += "\n   ত্রুটি (" + when + number(s.consecutiveFailures()) + " বার): <code>" + escape(shorten(s.lastError())) + "</code>";
        }
        return line;
    }

    /** A stack of exception text would push the whole report past one message. */
    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private void appendDeliveries(StringBuilder b) {
        Map<String, Long> counters = deliveryCounters == null ? null : deliveryCounters.get();
        if (counters == null || counters.isEmpty()) {
            return;
        }
        b.append("\n\n<b>পাঠানো</b>");
        counters.forEach((name, value) -> b.append('\n').append(escape(name)).append(": ").append(number(value)));
    }
}
