package app.khobor.chat;

import app.khobor.delivery.Announcements;
import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import app.khobor.delivery.OutgoingMessage;
import app.khobor.delivery.Recipient;
import app.khobor.delivery.Replies;
import app.khobor.infra.DaemonThreads;
import app.khobor.text.BanglaCalendar;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /announce text} for admins: a preview with the number of chats it will reach and two buttons; the confirm
 * queues one outbox row per active subscribed chat (keywords and source choices do not apply: it is not a headline),
 * which the dispatcher sends within the usual limits. When every row is finished the admin gets the count.
 *
 * <p>Buttons are hardened as everywhere: a press acts only on the message it was made on (its data must be among the
 * buttons that message shows), in that chat, by the admin who wrote the draft, and a draft is confirmed at most once
 * (in the database, so a repeated or late press sends nothing twice, across restarts too).
 */
public final class AnnounceCommand implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnnounceCommand.class);
    static final String PREFIX = "ann:";
    private static final String CONFIRM = PREFIX + "ok:";
    private static final String CANCEL = PREFIX + "no:";
    /** Room for the preview's own lines around the text. */
    private static final int PREVIEW_TEXT_LIMIT = HtmlText.MESSAGE_LIMIT - 300;

    static final String USAGE = "ঘোষণার লেখা দিন, যেমন: /announce আজ রাতে রক্ষণাবেক্ষণের জন্য বট কিছুক্ষণ বন্ধ থাকবে।";
    static final String PRIVATE_ONLY = "ঘোষণা শুধু বটের সাথে ব্যক্তিগত চ্যাটে দেওয়া যায়।";
    static final String STALE = "এই ঘোষণাটি আর পাঠানো বা বাতিল করা যায় না। নতুন করে /announce দিন।";
    static final String CANCELLED = "ঘোষণাটি বাতিল করা হয়েছে।";
    static final String QUEUED = "পাঠানো শুরু হয়েছে।";

    private final Announcements announcements;
    private final ChatStore chats;
    private final Replies replies;
    private final Runnable newWork;
    private final Clock clock;
    private final Duration reportEvery;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("announcement-counts"));

    /**
     * @param newWork     wakes the dispatcher once the rows are queued
     * @param reportEvery how often to look for announcements that have finished
     */
    public AnnounceCommand(Announcements announcements, ChatStore chats, Replies replies, Runnable newWork, Clock clock,
                           Duration reportEvery) {
        this.announcements = announcements;
        this.chats = chats;
        this.replies = replies;
        this.newWork = newWork;
        this.clock = clock;
        this.reportEvery = reportEvery;
    }

    public void start() {
        long ms = reportEvery.toMillis();
        timer.scheduleWithFixedDelay(this::reportFinished, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** From an admin (checked by the caller): answers with the preview and its buttons. */
    void command(Incoming.Text t, String text) {
        String html = answer(t, text);
        if (html != null) {
            replies.reply(new OutgoingMessage(t.chatId(), t.chatKind().isGroup(), html, null, false, false, t.messageId()));
        }
    }

    /** Null when the preview went out. */
    private String answer(Incoming.Text t, String text) {
        if (t.chatKind().isGroup()) {
            return PRIVATE_ONLY;
        }
        if (text.isBlank()) {
            return USAGE;
        }
        String html = HtmlText.escape(text);
        int length = HtmlText.visibleLength(html);
        if (length > HtmlText.MESSAGE_LIMIT) {
            return tooLong(length);
        }
        long id = announcements.draft(t.chatId(), t.fromUserId(), html, clock.instant());
        Keyboard buttons = new Keyboard(List.of(List.of(new Button("পাঠান", CONFIRM + id), new Button("বাতিল", CANCEL + id))));
        replies.reply(new OutgoingMessage(t.chatId(), false, preview(html, recipients().size()), buttons, false));
        return null;
    }

    /**
     * A press on a confirm or cancel button, by an admin or not ({@code admin}). Anything but the draft's own admin
     * pressing a button its message shows, while the draft still waits, gets a short alert and changes nothing.
     */
    void press(Incoming.Button b, boolean admin) {
        String data = b.data();
        long id = idIn(data);
        boolean valid = admin && id > 0 && !b.chatKind().isGroup() && b.shownData().contains(data);
        if (valid && data.startsWith(CONFIRM)) {
            List<Recipient> to = recipients();
            int queued = announcements.confirm(id, b.chatId(), b.fromUserId(), to, clock.instant());
            if (queued >= 0) {
                log.info("chat {}: announcement {} confirmed by {}, {} chats queued", b.chatId(), id, b.fromUserId(), queued);
                replies.edit(b.chatId(), false, b.messageId(), queuedText(queued), null);
                replies.answerCallback(b.callbackId(), QUEUED);
                newWork.run();
                return;
            }
        } else if (valid && data.startsWith(CANCEL) && announcements.cancel(id, b.chatId(), b.fromUserId())) {
            replies.edit(b.chatId(), false, b.messageId(), CANCELLED, null);
            replies.answerCallback(b.callbackId(), CANCELLED);
            return;
        }
        log.debug("chat {}: refused announcement button on message {}", b.chatId(), b.messageId());
        replies.alert(b.callbackId(), admin ? STALE : Messages.NOT_ADMIN);
    }

    /** Tells each admin whose announcement has finished the count, once. */
    void reportFinished() {
        try {
            for (Announcements.Report r : announcements.finished()) {
                if (announcements.markReported(r.id())) {
                    log.info("announcement {}: sent {}, chats gone {}, failed {}", r.id(), r.sent(), r.gone(), r.failed());
                    replies.reply(OutgoingMessage.html(r.adminChatId(), false, countText(r)));
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not report finished announcements: {}", e.toString(), e);
        }
    }

    private List<Recipient> recipients() {
        return chats.subscribers().stream().map(s -> new Recipient(s.chatId(), s.kind().isGroup())).toList();
    }

    private static long idIn(String data) {
        String rest = data.startsWith(CONFIRM) ? data.substring(CONFIRM.length())
                : data.startsWith(CANCEL) ? data.substring(CANCEL.length()) : "";
        try {
            return Long.parseLong(rest);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String preview(String html, int chats) {
        String shown = HtmlText.visibleLength(html) <= PREVIEW_TEXT_LIMIT ? html
                : HtmlText.split(html, PREVIEW_TEXT_LIMIT).get(0) + " …";
        return "<b>ঘোষণার খসড়া</b>\n\n" + shown + "\n\nএটি " + BanglaCalendar.number(chats)
                + "টি চ্যাটে যাবে। পাঠাবেন?";
    }

    static String tooLong(int length) {
        return "ঘোষণাটি অনেক লম্বা: " + BanglaCalendar.number(length) + " অক্ষর, একটি বার্তায় সর্বোচ্চ "
                + BanglaCalendar.number(HtmlText.MESSAGE_LIMIT) + " অক্ষর যায়। ছোট করে আবার দিন।";
    }

    static String queuedText(int chats) {
        return "ঘোষণাটি " + BanglaCalendar.number(chats) + "টি চ্যাটে পাঠানো হচ্ছে। শেষ হলে হিসাব জানাব।";
    }

    static String countText(Announcements.Report r) {
        return "<b>ঘোষণা পাঠানো শেষ</b>\nপাঠানো হয়েছে: " + BanglaCalendar.number(r.sent()) + "টি চ্যাটে"
                + "\nচ্যাট আর নেই (বট ব্লক বা সরানো): " + BanglaCalendar.number(r.gone())
                + "\nব্যর্থ: " + BanglaCalendar.number(r.failed());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
