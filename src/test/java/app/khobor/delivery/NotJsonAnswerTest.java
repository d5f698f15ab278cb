package app.khobor.delivery;

import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.fakes.FakeClock;
import app.khobor.telegram.FakeBotApi;
import app.khobor.telegram.TelegramBotApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers that are no Bot API JSON (a proxy's HTML 502 page, a text 404, a 200 with a body that is no JSON), end to
 * end: dispatcher -> TelegramBotApi over HTTP -> the fake Bot API. None of them is Telegram refusing the message.
 */
class NotJsonAnswerTest {
    private static final String HTML_502 = "<html><head><title>502 Bad Gateway</title></head>"
            + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

    @TempDir
    Path dir;

    @Test
    void a_proxy_answering_html_text_or_garbage_for_a_while_delays_pushes_and_every_chat_gets_the_headline_once() {
        FakeClock clock = new FakeClock(Fixture.START);
        try (FakeBotApi telegram = FakeBotApi.start();
                TelegramBotApi http = new TelegramBotApi(telegram.token(), telegram.apiUrl());
                Fixture f = new Fixture(dir, Fixture.settings(), clock, http)) {
            telegram.rateClock(() -> clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano());
            telegram.answerNotJson(10, 502, "text/html", HTML_502);
            telegram.answerNotJson(10, 404, "text/plain", "404 page not found");
            telegram.answerNotJson(10, 200, "text/plain", "OK");
            Recipient[] chats = LongStream.rangeClosed(2001, 2020).mapToObj(Fixture::user).toArray(Recipient[]::new);
            f.publish("খবর", chats);
            f.start();
            f.run(Duration.ofMinutes(10), Duration.ofSeconds(1));

            for (Recipient chat : chats) {
                assertThat(telegram.messagesTo(chat.chatId())).as("chat %d", chat.chatId()).hasSize(1);
            }
            assertThat(f.api.calls()).as("the 30 answers that were no JSON were retried").hasSize(50);
            assertThat(f.outbox.counts().delivered()).isEqualTo(20);
            assertThat(f.outbox.counts().failed()).isZero();
            assertThat(telegram.violations()).isZero();
        }
    }
}
