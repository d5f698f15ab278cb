package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.config.ConfigLoader;
import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.telegram.CallbackAnswer;
import app.khobor.telegram.SentMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /announce end to end (issue 12), on the production wiring and the strict fake Bot API: a preview with buttons, one
 * message per active subscribed chat through the outbox and the rate limits, the count for the admin, refusals.
 */
class AnnounceEndToEndTest extends EndToEndTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long ADMIN = BotConfig.ADMIN;
    private static final long FIRST_READER = 1001;
    private static final String TEXT = "আজ রাত ১২টায় <রক্ষণাবেক্ষণ> & হালনাগাদ";
    private static final String NOT_ADMIN = "পরিচালকদের";

    @TempDir
    Path dir;

    @BeforeEach
    void serveThePortal() {
        portal.feed(BotConfig.path("desk"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<link>https://news.example/</link><description>T</description><item><title>পুরোনো খবর</title>"
                + "<link>https://news.example/old</link></item></channel></rss>");
    }

    @Test
    void an_admins_confirmed_announcement_reaches_every_active_chat_once_and_the_admin_gets_the_count() {
        start();
        List<Long> readers = subscribe(25);
        List<Long> stopped = readers.subList(0, 3);
        stopped.forEach(chat -> replyTo(chat, "/stop"));
        long blocked = readers.get(3);
        telegram.blockChat(blocked);

        SentMessage preview = replyTo(ADMIN, "/announce " + TEXT);
        assertThat(preview.text()).contains(TEXT).contains("২২টি চ্যাটে");
        assertThat(preview.source()).contains("&lt;রক্ষণাবেক্ষণ&gt; &amp; হালনাগাদ");
        assertThat(preview.buttons()).extracting(SentMessage.SentButton::text).containsExactly("পাঠান", "বাতিল");
        String confirm = preview.buttons().get(0).callbackData();

        String first = telegram.userPresses(ADMIN, preview.messageId(), ADMIN, confirm);
        String again = telegram.userPresses(ADMIN, preview.messageId(), ADMIN, confirm);
        assertThat(answerTo(first).showAlert()).isFalse();
        assertThat(answerTo(again).showAlert()).as("a repeated press").isTrue();

        SentMessage count = telegram.awaitMessagesTo(ADMIN, 2, WAIT).get(1);
        assertThat(count.text()).contains("পাঠানো হয়েছে: ২১টি চ্যাটে").contains("আর নেই (বট ব্লক বা সরানো): ১")
                .contains("ব্যর্থ: ০");
        for (long chat : readers) {
            List<String> got = announcementsTo(chat);
            if (stopped.contains(chat) || chat == blocked) {
                assertThat(got).as("chat " + chat).isEmpty();
            } else {
                assertThat(got).as("chat " + chat).containsExactly(TEXT);
            }
        }
        assertThat(telegram.messagesTo(ADMIN)).as("the admin did not /start: preview and count only").hasSize(2);
    }

    @Test
    void a_non_admin_cannot_announce_nor_confirm_and_forged_or_stale_presses_send_nothing() {
        start();
        List<Long> readers = subscribe(3);
        long reader = readers.get(0);
        assertThat(replyTo(reader, "/announce " + TEXT).text()).contains(NOT_ADMIN);

        SentMessage preview = replyTo(ADMIN, "/announce " + TEXT);
        String confirm = preview.buttons().get(0).callbackData();
        String cancel = preview.buttons().get(1).callbackData();
        SentMessage other = replyTo(ADMIN, "/help");

        assertThat(answerTo(telegram.userPresses(ADMIN, preview.messageId(), reader, confirm)).text())
                .as("someone else's press").contains(NOT_ADMIN);
        assertThat(answerTo(telegram.userPresses(ADMIN, preview.messageId(), ADMIN, confirm + "1")).showAlert())
                .as("made-up data").isTrue();
        assertThat(answerTo(telegram.userPresses(ADMIN, other.messageId(), ADMIN, confirm)).showAlert())
                .as("on a message without the button").isTrue();
        assertThat(answerTo(telegram.userPresses(reader, preview.messageId(), ADMIN, confirm)).showAlert())
                .as("in another chat").isTrue();

        assertThat(answerTo(telegram.userPresses(ADMIN, preview.messageId(), ADMIN, cancel)).showAlert()).isFalse();
        CallbackAnswer late = answerTo(telegram.userPresses(ADMIN, preview.messageId(), ADMIN, confirm));
        assertThat(late.showAlert()).as("confirm after cancel").isTrue();

        assertThat(replyTo(ADMIN, "/announce").text()).as("no text").contains("লেখা দিন");
        assertThat(replyTo(ADMIN, "/announce " + "ক".repeat(4097)).text()).contains("অনেক লম্বা");
        SentMessage fits = replyTo(ADMIN, "/announce " + "<".repeat(4096));
        assertThat(fits.buttons()).as("4096 characters after entities fit").hasSize(2);

        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
        for (long chat : readers) {
            assertThat(announcementsTo(chat)).as("chat " + chat).isEmpty();
        }
    }

    @Test
    void a_restart_midway_does_not_resend_to_chats_already_served() throws Exception {
        startSlow(); // 5 messages a second: the announcement takes 5 s
        List<Long> readers = subscribe(25);
        SentMessage preview = replyTo(ADMIN, "/announce " + TEXT);
        telegram.userPresses(ADMIN, preview.messageId(), ADMIN, preview.buttons().get(0).callbackData());
        await().atMost(WAIT).until(() -> readers.stream().filter(c -> !announcementsTo(c).isEmpty()).count() >= 5);
        bot.close();
        bot = null;
        Set<Long> served = new HashSet<>();
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("khobor.db"))) {
            served.addAll(db.read(c -> Statements.list(c, "SELECT chat_id FROM outbox WHERE announcement_id IS NOT NULL"
                    + " AND status = 'delivered'", rs -> rs.getLong(1))));
        }
        assertThat(served).as("some served before the restart").isNotEmpty();
        assertThat(served.size()).as("and some not").isLessThan(readers.size());

        start();
        SentMessage count = telegram.awaitMessagesTo(ADMIN, 2, WAIT).get(1);
        assertThat(count.text()).contains("পাঠানো হয়েছে: ২৫টি চ্যাটে").contains("ব্যর্থ: ০");
        for (long chat : readers) {
            assertThat(announcementsTo(chat)).as("chat " + chat).isNotEmpty();
            if (served.contains(chat)) {
                assertThat(announcementsTo(chat)).as("chat " + chat + " served before the restart").hasSize(1);
            }
        }
        long duplicates = readers.stream().mapToLong(c -> announcementsTo(c).size() - 1).sum();
        assertThat(duplicates).as("only sends in flight at the restart").isLessThanOrEqualTo(8);
    }

    // ---- Helpers

    private void start() {
        bot = Khobor.start(new BotConfig(dir, telegram.apiUrl(), portal).source("desk", "Desk").load(),
                telegram.token(), Clock.systemUTC());
    }

    private void startSlow() throws Exception {
        BotConfig config = new BotConfig(dir, telegram.apiUrl(), portal).source("desk", "Desk");
        String yaml = config.yaml().replace("telegram:\n", "telegram:\n  rateLimit:\n    globalPerSecond: 5\n");
        bot = Khobor.start(ConfigLoader.load(config.write(yaml), Map.of()), telegram.token(), Clock.systemUTC());
    }

    /** Private chats FIRST_READER... that /start, each waiting for its welcome. */
    private List<Long> subscribe(int n) {
        List<Long> chats = LongStream.range(FIRST_READER, FIRST_READER + n).boxed().toList();
        chats.forEach(chat -> telegram.userSends(chat, "/start"));
        chats.forEach(chat -> telegram.awaitMessagesTo(chat, 1, WAIT));
        return chats;
    }

    private List<String> announcementsTo(long chat) {
        return telegram.messagesTo(chat).stream().map(SentMessage::text).filter(TEXT::equals).toList();
    }
}
