package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.config.ConfigException;
import app.khobor.config.ConfigLoader;
import app.khobor.fakes.FakePortal;
import app.khobor.source.SourceStatus;
import app.khobor.telegram.FakeBotApi;
import app.khobor.telegram.SentMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's side of the running bot (issue 12), on the production wiring against the fake Bot API and a local
 * portal: the endpoint (/healthz, /metrics, the status page), the alerts to admins when a source dies and recovers,
 * and /sourcestatus.
 */
class OpsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    static final String PROTHOMALO = "prothomalo";
    static final String JAGONEWS = "jagonews24";
    static final String PROTHOMALO_NAME = "\u09AA\u09CD\u09B0\u09A5\u09AE \u0986\u09B2\u09CB"; // প্রথম আলো
    static final String JAGONEWS_NAME = "\u099C\u09BE\u0997\u09CB \u09A8\u09BF\u0989\u099C"; // জাগো নিউজ
    private static final String WELCOME = "\u09B8\u09CD\u09AC\u09BE\u0997\u09A4\u09AE"; // স্বাগতম
    private static final String DEAD = "\u09B8\u09C2\u09A4\u09CD\u09B0 \u09AC\u09A8\u09CD\u09A7"; // সূত্র বন্ধ
    private static final String BACK = "\u0986\u09AC\u09BE\u09B0 \u099A\u09BE\u09B2\u09C1"; // আবার চালু
    private static final String ADMINS_ONLY = "\u09AA\u09B0\u09BF\u099A\u09BE\u09B2\u0995\u09A6\u09C7\u09B0"; // পরিচালকদের

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeBotApi telegram;
    private FakePortal portal;
    private Khobor bot;

    @BeforeEach
    void startFakes() {
        telegram = FakeBotApi.start();
        portal = new FakePortal(clock);
    }

    @AfterEach
    void stop() {
        try {
            if (bot != null) {
                bot.close();
            }
        } finally {
            telegram.close();
            portal.close();
        }
    }

    @Test
    void healthz_says_ok_with_a_small_json_body_once_the_poller_read_and_telegram_answered() throws Exception {
        start("ops: {listen: \"127.0.0.1:0\"}\n");

        await("healthy").atMost(WAIT).until(() -> get("/healthz").statusCode() == 200);
        HttpResponse<String> health = get("/healthz");
        assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(health.body()).startsWith("{\"status\":\"ok\"").contains("\"reasons\":[]");
    }

    @Test
    void metrics_are_prometheus_text_with_fetches_headlines_deliveries_chats_and_the_jvm() throws Exception {
        start("ops: {listen: \"127.0.0.1:0\"}\n");
        assertThat(replyTo(101, "/start").text()).contains(WELCOME);
        portal.feed(BotConfig.path(PROTHOMALO), Feeds.prothomaloWith(newProthomaloLink()));
        await("the new headline pushed").atMost(WAIT).until(() -> telegram.messagesTo(101).size() >= 2);

        await("the send counted").atMost(WAIT).until(() -> get("/metrics").body()
                .contains("khobor_deliveries_total{result=\"sent\"} 1.0"));
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body()).contains(
                "khobor_fetches_total{outcome=\"ok\",source=\"prothomalo\"}",
                "khobor_fetch_duration_seconds_count{source=\"jagonews24\"}",
                "khobor_headlines_new_total{source=\"prothomalo\"} 1.0",
                "khobor_deliveries_total{result=\"stale\"} 0.0",
                "khobor_outbox_pending 0.0",
                "khobor_telegram_too_many_requests_total 0.0",
                "khobor_send_rate_limit_per_second 30.0",
                "khobor_send_latency_seconds_count{method=\"send\"}",
                "khobor_chats{kind=\"private\",state=\"subscribed\"} 1.0",
                "khobor_source_consecutive_failures{source=\"prothomalo\"} 0.0",
                "khobor_source_last_success_timestamp_seconds{source=\"jagonews24\"}",
                "jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds");
    }

    @Test
    void the_status_page_shows_sources_deliveries_and_the_latest_headlines() throws Exception {
        start("ops: {listen: \"127.0.0.1:0\"}\n");

        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains(PROTHOMALO_NAME, JAGONEWS_NAME, "id=\"delivery\"", "pending in the outbox")
                .doesNotContain("<script");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void the_endpoint_answers_head_and_refuses_other_methods() throws Exception {
        start("ops: {listen: \"127.0.0.1:0\"}\n");
        URI metrics = URI.create("http://127.0.0.1:" + bot.opsPort().orElseThrow() + "/metrics");

        HttpResponse<String> head = http.send(HttpRequest.newBuilder(metrics).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(metrics).POST(
                HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void no_endpoint_without_ops_listen() throws Exception {
        start("");
        assertThat(bot.opsPort()).isEmpty();
    }

    @Test
    void admins_are_told_once_when_a_source_dies_and_once_when_it_recovers() {
        AtomicBoolean down = new AtomicBoolean();
        byte[] feed = Feeds.jagonewsWith().getBytes(StandardCharsets.UTF_8);
        portal.on(BotConfig.path(JAGONEWS), exchange -> FakePortal.respond(exchange, down.get() ? 500 : 200,
                Map.of("Content-Type", "application/rss+xml"), down.get() ? new byte[0] : feed));
        start("ops: {sourceAlertAfter: 2s}\n", false);
        assertThat(replyTo(BotConfig.ADMIN, "/help").text()).isNotEmpty();
        int before = telegram.messagesTo(BotConfig.ADMIN).size();

        down.set(true);
        List<SentMessage> alerts = telegram.awaitMessagesTo(BotConfig.ADMIN, before + 1, WAIT);
        assertThat(alerts.get(before).text()).contains(DEAD, JAGONEWS_NAME, "HTTP 500");

        down.set(false);
        List<SentMessage> recovered = telegram.awaitMessagesTo(BotConfig.ADMIN, before + 2, WAIT);
        assertThat(recovered.get(before + 1).text()).contains(BACK, JAGONEWS_NAME);
        assertThat(telegram.messagesTo(BotConfig.ADMIN)).as("one alert, one recovery").hasSize(before + 2);
    }

    @Test
    void sourcestatus_shows_the_table_to_admins_only() {
        start("");

        String table = replyTo(BotConfig.ADMIN, "/sourcestatus").text();
        assertThat(table).contains(PROTHOMALO_NAME, JAGONEWS_NAME, "ok");
        assertThat(replyTo(4242, "/sourcestatus").text()).contains(ADMINS_ONLY);
    }

    // ---- helpers

    /** One link of the newer Prothom Alo feed that the older one lacks. */
    private static String newProthomaloLink() {
        return "https://www.prothomalo.com/sports/football/jyy43plguz";
    }

    private void start(String opsYaml) {
        start(opsYaml, true);
    }

    /** @param feedJagonews false when the test serves that source itself */
    private void start(String opsYaml, boolean feedJagonews) {
        portal.feed(BotConfig.path(PROTHOMALO), Feeds.prothomaloWith());
        if (feedJagonews) {
            portal.feed(BotConfig.path(JAGONEWS), Feeds.jagonewsWith());
        }
        BotConfig config = new BotConfig(dir, telegram.apiUrl(), portal).source(PROTHOMALO, PROTHOMALO_NAME)
                .source(JAGONEWS, JAGONEWS_NAME);
        try {
            bot = Khobor.start(ConfigLoader.load(config.write(config.yaml() + opsYaml), Map.of()), telegram.token(),
                    clock);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        awaitRead(PROTHOMALO);
        if (feedJagonews) {
            awaitRead(JAGONEWS);
        } else {
            await("a read of " + JAGONEWS).atMost(WAIT).until(() -> status(JAGONEWS).lastSuccess() != null);
        }
    }

    private void awaitRead(String sourceId) {
        BotReads.awaitRead(bot, portal, sourceId);
    }

    private SourceStatus status(String sourceId) {
        return BotReads.status(bot, sourceId);
    }

    private SentMessage replyTo(long chat, String text) {
        int before = telegram.messagesTo(chat).size();
        telegram.userSends(chat, text);
        return telegram.awaitMessagesTo(chat, before + 1, WAIT).get(before);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + bot.opsPort().orElseThrow() + path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
