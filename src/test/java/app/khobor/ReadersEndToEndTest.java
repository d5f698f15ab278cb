package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.khobor.chat.ChatKind;
import app.khobor.db.Engine;
import app.khobor.fakes.FakePortal;
import app.khobor.source.SourceStatus;
import app.khobor.telegram.CallbackAnswer;
import app.khobor.telegram.SentMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9 end to end, on the production wiring ({@link Khobor#start}) and the strict fake Bot API: group admins
 * decide, channels subscribe, /settings (zone, quiet hours), lists newest published first, paging, one-message
 * lists, and a token Telegram rejects at start; on each engine, the whole bot on SQLite and on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ReadersEndToEndTest extends EndToEndTestBase {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** 05:00 UTC on 13 August 2026: 11:00 in Dhaka. */
    private static final Instant MORNING = Instant.parse("2026-08-13T05:00:00Z");
    /** 18:30 UTC on 13 August 2026: 00:30 on the 14th in Dhaka, 00:00 in Kolkata. */
    private static final Instant NIGHT = Instant.parse("2026-08-13T18:30:00Z");
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private static final String WELCOME = "\u09B8\u09CD\u09AC\u09BE\u0997\u09A4\u09AE"; // স্বাগতম
    private static final String ADMINS_ONLY = "\u0985\u09CD\u09AF\u09BE\u09A1\u09AE\u09BF\u09A8\u09B0\u09BE"; // অ্যাডমিনরা
    private static final String THIS_GROUP = "\u098F\u0987 \u0997\u09CD\u09B0\u09C1\u09AA"; // এই গ্রুপ
    private static final String STOPPED = "\u0986\u09B0 \u0996\u09AC\u09B0 \u09AA\u09BE\u09A0\u09BE\u09AC \u09A8\u09BE"; // আর খবর পাঠাব না
    private static final String DHAKA = "\u09A2\u09BE\u0995\u09BE"; // ঢাকা
    private static final String YESTERDAY = "\u0997\u09A4\u0995\u09BE\u09B2"; // গতকাল

    /**
     * Whether the headline stores and search run on PostgreSQL: they come with the news port (branch pg-news). Until
     * it is merged the bot cannot record a read there (SqlSourceReadState.markRead: "column reference first_read_at is
     * ambiguous") nor search (FTS5's MATCH), and the PostgreSQL runs are skipped saying so. Set true with that merge.
     */
    private static final boolean NEWS_ON_POSTGRESQL = true;

    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    private Clock clock = shiftedTo(MORNING);

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected Engine engine() {
        return engine;
    }

    @BeforeEach
    void newsStoresOnTheEngine() {
        assumeTrue(engine == Engine.SQLITE || NEWS_ON_POSTGRESQL,
                "the headline stores and search on PostgreSQL come with branch pg-news: PostgreSQL run skipped");
    }

    // ---- Groups and channels

    @Test
    void in_a_group_a_members_stop_and_button_press_change_nothing_and_an_admins_do() {
        publish("desk", rss(item("old", "https://news.example/old", MORNING.minusSeconds(3600))));
        start(config().source("desk", "Desk"));
        awaitRead("desk");
        long group = -1_001_234_500L;
        long admin = 11;
        long member = 22;
        telegram.makeAdmin(group, admin, true);

        long command = telegram.userSends(group, ChatKind.SUPERGROUP, admin, "/start");
        SentMessage welcome = nthTo(group, 0);
        assertThat(welcome.text()).contains(WELCOME);
        assertThat(telegram.replyTo(welcome.messageId())).as("threaded under the command").isEqualTo(command);

        telegram.userSends(group, ChatKind.SUPERGROUP, member, "/stop");
        assertThat(nthTo(group, 1).text()).contains(ADMINS_ONLY);
        telegram.userSends(group, ChatKind.SUPERGROUP, member, "/sources"); // anyone may look
        SentMessage menu = nthTo(group, 2);
        String press = telegram.userPresses(group, menu.messageId(), member, menu.buttons().get(0).callbackData());
        CallbackAnswer refused = answerTo(press);
        assertThat(refused.showAlert()).isTrue();
        assertThat(refused.text()).contains(ADMINS_ONLY);
        assertThat(telegram.edits()).as("the member's press edited nothing").isEmpty();

        // Still subscribed, with the source still on: the next headline arrives.
        publish("desk", rss(item("new", "https://news.example/new", MORNING),
                item("old", "https://news.example/old", MORNING.minusSeconds(3600))));
        awaitRead("desk");
        assertThat(nthTo(group, 3).text()).startsWith("new");

        telegram.userPresses(group, menu.messageId(), admin, menu.buttons().get(0).callbackData());
        awaitEdits(1); // the admin's press redrew the keyboard

        telegram.userSends(group, ChatKind.SUPERGROUP, admin, "/stop");
        assertThat(nthTo(group, 4).text()).contains(STOPPED).contains(THIS_GROUP);
        assertThat(telegram.memberLookups()).as("answers cached: one lookup per user").isLessThanOrEqualTo(2);
    }

    @Test
    void an_anonymous_admin_speaks_for_the_group_and_a_demoted_admin_is_refused_at_once() {
        publish("desk", rss(item("old", "https://news.example/old", MORNING.minusSeconds(3600))));
        start(config().source("desk", "Desk"));
        awaitRead("desk");
        long group = -1_001_234_600L;
        telegram.makeAdmin(group, 33, false);

        telegram.anonymousAdminSends(group, ChatKind.SUPERGROUP, "/start");
        assertThat(nthTo(group, 0).text()).contains(WELCOME);
        telegram.userSends(group, ChatKind.SUPERGROUP, 33, "/follow " + DHAKA);
        assertThat(nthTo(group, 1).text()).doesNotContain(ADMINS_ONLY);

        telegram.changeAdmin(group, 33, false); // a chat_member update: the cached "admin" is forgotten
        telegram.userSends(group, ChatKind.SUPERGROUP, 33, "/unfollow " + DHAKA);
        assertThat(nthTo(group, 2).text()).contains(ADMINS_ONLY);
    }

    @Test
    void a_channel_is_subscribed_by_a_start_post_and_gets_pushes() {
        publish("desk", rss(item("old", "https://news.example/old", MORNING.minusSeconds(3600))));
        start(config().source("desk", "Desk"));
        awaitRead("desk");
        long channel = -1_009_876_500L;

        telegram.channelPost(channel, "/start");
        assertThat(nthTo(channel, 0).text()).contains(WELCOME);
        publish("desk", rss(item("fresh", "https://news.example/fresh", MORNING),
                item("old", "https://news.example/old", MORNING.minusSeconds(3600))));
        awaitRead("desk");

        SentMessage push = nthTo(channel, 1);
        assertThat(push.text()).startsWith("fresh");
        assertThat(push.source()).contains("<a href=\"https://news.example/fresh\">");
    }

    // ---- /settings

    @Test
    void settings_quiet_hours_send_silently_india_time_shows_everywhere_and_forged_data_gets_an_alert() {
        clock = shiftedTo(NIGHT);
        portal.close();
        portal = new FakePortal(clock);
        publish("desk", rss(item("morning news", "https://news.example/1", Instant.parse("2026-08-13T04:50:00Z"))));
        start(config().source("desk", "Desk"));
        awaitRead("desk");
        long quiet = 41;
        long loud = 42;
        replyTo(quiet, "/start");
        replyTo(loud, "/start");

        SentMessage settings = replyTo(quiet, "/settings");
        assertThat(settings.buttons()).extracting(SentMessage.SentButton::callbackData)
                .contains("set:zone:bd", "set:zone:in", "set:quiet:on", "set:preview:on", "set:hourly:on", "set:twice:8");
        CallbackAnswer forged = answerTo(telegram.userPresses(quiet, settings.messageId(), quiet, "set:zone:mars"));
        assertThat(forged.showAlert()).isTrue();
        CallbackAnswer foreign = answerTo(telegram.userPresses(quiet, settings.messageId(), quiet, "src:desk"));
        assertThat(foreign.showAlert()).isTrue();
        assertThat(telegram.edits()).isEmpty();

        telegram.userPresses(quiet, settings.messageId(), quiet, "set:quiet:on");
        awaitEdits(1);
        telegram.userPresses(quiet, settings.messageId(), quiet, "set:zone:in");
        awaitEdits(2);
        assertThat(telegram.message(settings.messageId()).orElseThrow().buttons())
                .extracting(SentMessage.SentButton::callbackData).contains("set:quiet:off");

        // 04:50 UTC the day before: 10:50 in Dhaka, 10:20 in Kolkata.
        assertThat(replyTo(quiet, "/latest").text()).contains(YESTERDAY + " \u09E7\u09E6:\u09E8\u09E6");
        assertThat(replyTo(loud, "/latest").text()).contains(YESTERDAY + " \u09E7\u09E6:\u09EB\u09E6");
        SentMessage loudSettings = replyTo(loud, "/settings");
        telegram.userPresses(loud, loudSettings.messageId(), loud, "set:preview:on");
        awaitEdits(3);

        publish("desk", rss(item("night news", "https://news.example/2", NIGHT),
                item("morning news", "https://news.example/1", Instant.parse("2026-08-13T04:50:00Z"))));
        awaitRead("desk");
        SentMessage quietPush = nthTo(quiet, 3);
        SentMessage loudPush = nthTo(loud, 3);
        assertThat(quietPush.text()).startsWith("night news").contains("\u0986\u099C \u09E6\u09E6:\u09E6\u09E6"); // আজ ০০:০০
        assertThat(telegram.silent(quietPush.messageId())).as("pushed in the quiet hours: no sound").isTrue();
        assertThat(telegram.silent(loudPush.messageId())).isFalse();
        assertThat(loudPush.text()).contains("\u0986\u099C \u09E6\u09E6:\u09E9\u09E6"); // আজ ০০:৩০
        assertThat(quietPush.linkPreviewDisabled()).as("previews off by default").isTrue();
        assertThat(loudPush.linkPreviewDisabled()).as("previews switched on").isFalse();
    }

    // ---- Lists

    @Test
    void latest_is_newest_published_first_across_sources_with_undated_and_future_items_at_first_sight() {
        publish("a", rss(item("A1", "https://a.example/1", MORNING.minusSeconds(3600)),
                item("A2", "https://a.example/2", MORNING.minusSeconds(3 * 3600))));
        publish("b", rss(item("B3", "https://b.example/3", MORNING.plus(Duration.ofDays(1))),
                item("B2", "https://b.example/2", null),
                item("B1", "https://b.example/1", MORNING.minusSeconds(2 * 3600))));
        start(config().source("a", "A").source("b", "B"));
        awaitRead("a");
        awaitRead("b");

        List<String> lines = replyTo(51, "/latest").text().lines().skip(1).map(l -> l.split(" ")[1]).toList();

        assertThat(lines).containsExactly("B3", "B2", "A1", "B1", "A2");
    }

    @Test
    void search_states_the_true_count_and_pages_through_25_results_with_the_more_button() {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            items.add(item(DHAKA + " " + i, "https://news.example/" + i, MORNING.minusSeconds(60L * i)));
        }
        publish("desk", rss(items.toArray(String[]::new)));
        start(config().source("desk", "Desk"));
        awaitRead("desk");

        SentMessage first = replyTo(61, "/search " + DHAKA);
        // "২৫টি খবর, ১-১০ দেখানো হলো"
        assertThat(first.text().lines().findFirst().orElseThrow()).contains("\u09E8\u09EB\u099F\u09BF \u0996\u09AC\u09B0, \u09E7-\u09E7\u09E6");
        assertThat(first.text().lines().skip(1).toList()).hasSize(10).first().asString().startsWith("\u09E7. " + DHAKA + " 1 ");
        assertThat(first.buttons()).singleElement().extracting(SentMessage.SentButton::text).asString().contains("\u0986\u09B0\u0993");

        telegram.userPresses(61, first.messageId(), 61, first.buttons().get(0).callbackData());
        awaitEdits(1);
        SentMessage second = telegram.message(first.messageId()).orElseThrow();
        assertThat(second.text().lines().findFirst().orElseThrow()).contains("\u09E7\u09E7-\u09E8\u09E6"); // ১১-২০
        assertThat(second.text().lines().skip(1).findFirst().orElseThrow()).startsWith("\u09E7\u09E7. " + DHAKA + " 11 ");

        telegram.userPresses(61, first.messageId(), 61, second.buttons().get(0).callbackData());
        awaitEdits(2);
        SentMessage third = telegram.message(first.messageId()).orElseThrow();
        assertThat(third.text().lines().findFirst().orElseThrow()).contains("\u09E8\u09E7-\u09E8\u09EB"); // ২১-২৫
        assertThat(third.text().lines().skip(1).toList()).hasSize(5);
        assertThat(third.buttons()).as("nothing more to show").isEmpty();
        assertThat(telegram.messagesTo(61)).as("pages are edits, not new messages").hasSize(1);
    }

    @Test
    void ten_headlines_with_long_percent_encoded_bengali_links_arrive_as_one_message() {
        List<String> items = new ArrayList<>();
        String slug = URLEncoder.encode("\u09A2\u09BE\u0995\u09BE\u09AF\u09BC-\u09AC\u09C3\u09B7\u09CD\u099F\u09BF-".repeat(8),
                StandardCharsets.UTF_8);
        for (int i = 1; i <= 10; i++) {
            items.add(item("headline " + i, "https://www.prothomalo.com/bangladesh/" + slug + i, MORNING.minusSeconds(60L * i)));
        }
        assertThat(items.get(0).length() * 10).as("the links alone are longer than one message").isGreaterThan(4096);
        publish("desk", rss(items.toArray(String[]::new)));
        start(config().source("desk", "Desk"));
        awaitRead("desk");

        SentMessage latest = replyTo(71, "/latest");

        assertThat(latest.source().split("<a href=", -1)).as("ten links").hasSize(11);
        assertThat(latest.source().length()).isGreaterThan(4096);
        // A chat's replies go in order: whatever the list made, it came before the answer to /help.
        replyTo(71, "/help");
        assertThat(telegram.messagesTo(71)).as("the list, then the help").hasSize(2);
    }

    // ---- Operators

    @Test
    void a_token_telegram_rejects_at_start_exits_2_with_one_line() {
        Path file = config().source("desk", "Desk").write();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.execute(new String[] {"run", "--config", file.toString()},
                Map.of("TELEGRAM_BOT_TOKEN", "111:NotTheFakesToken"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .contains("Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token from @BotFather")
                .doesNotContain("NotTheFakesToken");
    }

    @Test
    void a_token_of_the_wrong_form_is_refused_before_any_request() {
        Path file = config().source("desk", "Desk").write();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.execute(new String[] {"run", "--config", file.toString()},
                Map.of("TELEGRAM_BOT_TOKEN", "not a token"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .contains("TELEGRAM_BOT_TOKEN is not a bot token");
        assertThat(config().database()).as("nothing created").doesNotExist();
    }

    // ---- Helpers

    private static Clock shiftedTo(Instant at) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
    }

    /** An RSS item (title, link and, unless null, a pubDate) for {@link #rss}. */
    private static String item(String title, String link, Instant published) {
        String date = published == null ? "" : "<pubDate>" + RFC_822.format(ZonedDateTime.ofInstant(published, ZoneOffset.UTC))
                + "</pubDate>";
        return "<item><title>" + title + "</title><link>" + link + "</link>" + date + "</item>\n";
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Test</title>"
                + "<link>https://news.example/</link><description>Test</description>\n" + String.join("", items)
                + "</channel></rss>\n";
    }

    private BotConfig config() {
        return new BotConfig(dir, telegram.apiUrl(), portal).storage(storageUrl());
    }

    private void start(BotConfig config) {
        bot = Khobor.start(config.load(), telegram.token(), clock);
    }

    private void publish(String sourceId, String xml) {
        portal.feed(BotConfig.path(sourceId), xml);
    }

    private void awaitRead(String sourceId) {
        BotReads.awaitRead(bot, portal, sourceId);
    }

    private SourceStatus status(String sourceId) {
        return BotReads.status(bot, sourceId);
    }

    /** The n-th message (from 0) the chat got, waiting for it. */
    private SentMessage nthTo(long chat, int n) {
        return telegram.awaitMessagesTo(chat, n + 1, WAIT).get(n);
    }
}
