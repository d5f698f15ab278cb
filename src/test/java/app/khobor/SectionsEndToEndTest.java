package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.source.SourceStatus;
import app.khobor.telegram.CallbackAnswer;
import app.khobor.telegram.SentMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's sections end to end, on the production wiring ({@link Khobor#start}) and the strict fake Bot API: a chat
 * narrows a portal to খেলা under /sources and gets only its sports headline, another chat gets both, the choice
 * survives a restart, and a forged section button changes nothing.
 */
class SectionsEndToEndTest extends EndToEndTestBase {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SPORTS = "\u0996\u09C7\u09B2\u09BE"; // খেলা

    @TempDir
    Path dir;

    @Test
    void a_chat_narrowed_to_sports_gets_only_the_sports_headline_another_gets_both_and_a_restart_keeps_it() {
        publish(item("old goal", "https://news.example/sports/old-goal"),
                item("old summit", "https://news.example/world/old-summit"));
        start();
        awaitRead();
        long narrowed = 71;
        long everything = 72;
        replyTo(narrowed, "/start");
        replyTo(everything, "/start");

        SentMessage menu = replyTo(narrowed, "/sources");
        assertThat(menu.buttons()).extracting(SentMessage.SentButton::callbackData).containsExactly("src:desk", "sec>desk");
        telegram.userPresses(narrowed, menu.messageId(), narrowed, "sec>desk");
        awaitEdits(1);
        assertThat(shown(menu)).contains("sec:desk:sports", "sec:desk:world", "sec*desk", "sec<");
        assertThat(telegram.message(menu.messageId()).orElseThrow().buttons()).extracting(SentMessage.SentButton::text)
                .contains("▫️ " + SPORTS);

        CallbackAnswer forged = answerTo(telegram.userPresses(narrowed, menu.messageId(), narrowed, "sec:desk:politics"));
        CallbackAnswer foreign = answerTo(telegram.userPresses(narrowed, menu.messageId(), narrowed, "src:desk"));
        assertThat(forged.showAlert()).isTrue();
        assertThat(foreign.showAlert()).isTrue();
        assertThat(telegram.edits()).as("the forged presses edited nothing").hasSize(1);

        CallbackAnswer chosen = answerTo(telegram.userPresses(narrowed, menu.messageId(), narrowed, "sec:desk:sports"));
        assertThat(chosen.showAlert()).isFalse();
        assertThat(chosen.text()).contains(SPORTS);
        awaitEdits(2);
        assertThat(telegram.message(menu.messageId()).orElseThrow().buttons()).extracting(SentMessage.SentButton::text)
                .contains("✅ " + SPORTS);

        publish(item("new goal", "https://news.example/sports/new-goal"),
                item("new summit", "https://news.example/world/new-summit"),
                item("old goal", "https://news.example/sports/old-goal"),
                item("old summit", "https://news.example/world/old-summit"));
        awaitRead();
        List<SentMessage> all = telegram.awaitMessagesTo(everything, 3, WAIT);
        assertThat(all.subList(1, 3)).extracting(SentMessage::text)
                .anySatisfy(t -> assertThat(t).startsWith("new goal"))
                .anySatisfy(t -> assertThat(t).startsWith("new summit"));
        SentMessage push = telegram.awaitMessagesTo(narrowed, 3, WAIT).get(2);
        assertThat(push.text()).startsWith("new goal");
        assertThat(telegram.messagesTo(narrowed)).as("no world headline for the narrowed chat").hasSize(3);

        // Telegram keeps an update until the next getUpdates confirms it; wait so the new instance gets none again.
        await("updates confirmed").atMost(WAIT).until(() -> telegram.pendingUpdates() == 0);
        bot.close();
        // A new process knows nothing of the last second's sends: let Telegram's per-chat second pass first.
        Instant lastSend = List.of(narrowed, everything).stream().flatMap(c -> telegram.messagesTo(c).stream())
                .map(SentMessage::at).max(Instant::compareTo).orElseThrow();
        await("a second since the last send").atMost(WAIT).until(() -> Instant.now().isAfter(lastSend.plusMillis(1100)));
        start();

        assertThat(replyTo(narrowed, "/latest").text()).contains("new goal", "old goal").doesNotContain("summit");
        assertThat(replyTo(everything, "/latest").text()).contains("new goal", "new summit", "old summit");
        assertThat(replyTo(narrowed, "/search summit").text()).doesNotContain("new summit");
        SentMessage again = replyTo(narrowed, "/sources");
        telegram.userPresses(narrowed, again.messageId(), narrowed, "sec>desk");
        awaitEdits(3);
        assertThat(telegram.message(again.messageId()).orElseThrow().buttons()).extracting(SentMessage.SentButton::text)
                .as("the choice survived the restart").contains("✅ " + SPORTS, "▫️ \u09B8\u09AC \u09AC\u09BF\u09AD\u09BE\u0997");
    }

    // ---- Helpers

    private static String item(String title, String link) {
        return "<item><title>" + title + "</title><link>" + link + "</link></item>\n";
    }

    private void publish(String... items) {
        portal.feed(BotConfig.path("desk"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Test</title><link>https://news.example/</link><description>Test</description>\n"
                + String.join("", items) + "</channel></rss>\n");
    }

    private void start() {
        bot = Khobor.start(new BotConfig(dir, telegram.apiUrl(), portal).source("desk", "Desk").load(), telegram.token(), clock());
    }

    private void awaitRead() {
        BotReads.awaitRead(bot, portal, "desk");
    }

    private SourceStatus status() {
        return BotReads.status(bot, "desk");
    }

    private List<String> shown(SentMessage m) {
        return telegram.message(m.messageId()).orElseThrow().buttons().stream().map(SentMessage.SentButton::callbackData).toList();
    }
}
