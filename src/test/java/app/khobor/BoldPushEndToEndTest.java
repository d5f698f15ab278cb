package app.khobor;

import static app.khobor.Feeds.PROTHOMALO_NEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.fakes.TelegramHtml;
import app.khobor.telegram.SentMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, "pushes that matched a rule show the matched words in bold": the whole bot against the strict fake Bot
 * API. A chat that follows a rule sees the words that made the headline come in bold; a chat without rules gets the
 * usual push, the whole title a bold link.
 */
class BoldPushEndToEndTest extends EndToEndTestBase {
    private static final Instant FIXTURE_MORNING = Instant.parse("2026-08-13T05:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PROTHOMALO = "prothomalo";
    private static final String PROTHOMALO_NAME = "\u09AA\u09CD\u09B0\u09A5\u09AE \u0986\u09B2\u09CB"; // প্রথম আলো
    private static final String PA_BANGLADESHI = "https://www.prothomalo.com/lifestyle/jaapaane-neoyyaa-hyyechil-baanlaadeshi-beji-taarpr";
    private static final String WELCOME = "\u09B8\u09CD\u09AC\u09BE\u0997\u09A4\u09AE"; // স্বাগতম

    @TempDir
    Path dir;
    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), FIXTURE_MORNING));

    @Override
    protected Clock clock() {
        return clock;
    }

    @Test
    void a_follower_sees_the_matched_word_in_bold_and_a_chat_without_rules_gets_the_usual_push() {
        portal.feed(BotConfig.path(PROTHOMALO), Feeds.prothomaloWith());
        bot = Khobor.start(config().source(PROTHOMALO, PROTHOMALO_NAME).load(), telegram.token(), clock);
        BotReads.awaitRead(bot, portal, PROTHOMALO);
        String title = Feeds.byLink(Feeds.titles(PROTHOMALO, PROTHOMALO_NEWER)).get(PA_BANGLADESHI);
        long follower = 331;
        long everything = 332;
        assertThat(replyTo(follower, "/start").text()).contains(WELCOME);
        assertThat(replyTo(everything, "/start").text()).contains(WELCOME);
        replyTo(follower, "/follow \u09AC\u09BE\u0982\u09B2\u09BE\u09A6\u09C7\u09B6\u09BF"); // বাংলাদেশি

        portal.feed(BotConfig.path(PROTHOMALO), Feeds.prothomaloWith(PA_BANGLADESHI));
        BotReads.awaitRead(bot, portal, PROTHOMALO);
        await("the outbox drained").atMost(WAIT).until(() -> pendingDeliveries() == 0);

        SentMessage followed = telegram.awaitMessagesTo(follower, 3, WAIT).get(2);
        SentMessage plain = telegram.awaitMessagesTo(everything, 2, WAIT).get(1);
        TelegramHtml.requireValid(followed.source());
        TelegramHtml.requireValid(plain.source());
        assertThat(followed.text()).isEqualTo(plain.text()).startsWith(title + "\n");
        assertThat(followed.source())
                .startsWith("<a href=\"" + PA_BANGLADESHI + "\">")
                .contains("<b>\u09AC\u09BE\u0982\u09B2\u09BE\u09A6\u09C7\u09B6\u09BF</b>")
                .containsOnlyOnce("<b>");
        assertThat(plain.source()).startsWith("<b><a href=\"" + PA_BANGLADESHI + "\">" + title + "</a></b>\n")
                .containsOnlyOnce("<b>");
    }

    private BotConfig config() {
        return new BotConfig(dir, telegram.apiUrl(), portal);
    }

    private long pendingDeliveries() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + config().database());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
