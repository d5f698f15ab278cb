package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.fakes.FakePortal;
import app.khobor.telegram.FakeBotApi;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The bot token is in every Bot API URL; it must reach no log line, in either log format, even when Telegram (or a
 * proxy in front of it) answers with an error page that quotes the request URL, and when a portal fails too.
 */
class LogTokenTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void no_json_log_line_holds_the_token_when_error_pages_quote_the_request_url() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = jsonAppender(logged);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.INFO); // the production default (tests log WARN and up)
        Clock clock = Clock.systemUTC();
        try (FakeBotApi telegram = FakeBotApi.start(); FakePortal portal = new FakePortal(clock)) {
            String token = telegram.token();
            String quoted = "<html><h1>502 Bad Gateway</h1><p>upstream failed for POST " + telegram.apiUrl() + "/bot"
                    + token + "/sendmessage (" + URLEncoder.encode(token, StandardCharsets.UTF_8) + ")</p></html>";
            telegram.answerNotJson(2, 502, "text/html", quoted);
            telegram.answerNotJson(1, 200, "text/plain", "ok " + token);
            portal.serve("/down.xml", 404, "text/html",
                    ("<title>Not found: /bot" + token + "</title>").getBytes(StandardCharsets.UTF_8));
            BotConfig config = new BotConfig(dir, telegram.apiUrl(), portal).source("prothomalo", "PA");
            portal.feed(BotConfig.path("prothomalo"), Feeds.prothomaloWith());
            String yaml = config.yaml() + "  - {id: down, type: feed, url: \"" + portal.url("/down.xml") + "\"}\n";
            try (Khobor bot = Khobor.start(app.khobor.config.ConfigLoader.load(config.write(yaml),
                    java.util.Map.of()), token, clock)) {
                telegram.userSends(5, "/start");
                telegram.awaitMessagesTo(5, 1, WAIT);
                await("the portal's failure logged").atMost(WAIT)
                        .until(() -> logged.toString(StandardCharsets.UTF_8).contains("HTTP 404"));
            }

            List<String> lines = logged.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).as("the failed sends were logged").anyMatch(l -> l.contains("reply to chat 5 failed"));
            ObjectMapper json = new ObjectMapper();
            for (String line : lines) {
                JsonNode event = json.readTree(line);
                assertThat(event.has("level") && event.has("loggerName")).as(line).isTrue();
            }
            assertThat(lines).noneMatch(l -> l.contains(token))
                    .noneMatch(l -> l.contains(URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .noneMatch(l -> l.contains(token.substring(token.indexOf(':') + 1)));
        } finally {
            root.setLevel(level);
            root.detachAppender(appender);
            appender.stop();
        }
    }

    private static OutputStreamAppender<ILoggingEvent> jsonAppender(ByteArrayOutputStream out) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        return appender;
    }
}
