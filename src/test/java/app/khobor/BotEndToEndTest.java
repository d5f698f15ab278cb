package app.khobor;

import static app.khobor.Feeds.JAGONEWS_NEWER;
import static app.khobor.Feeds.JAGONEWS_OLDER;
import static app.khobor.Feeds.PROTHOMALO_NEWER;
import static app.khobor.Feeds.PROTHOMALO_OLDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.khobor.chat.ChatKind;
import app.khobor.source.SourceStatus;
import app.khobor.telegram.SentMessage.SentButton;
import app.khobor.telegram.SentMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot as {@code Main run} builds it ({@link Khobor#start}), against the strict fake Bot API, a local portal
 * serving real Bengali feeds, and an SQLite file. Telegram's sending limits are on in the fake, and no test may
 * break them.
 *
 * <p>The bot's clock is the real one shifted to the morning the fixtures were saved (13 August 2026), so the
 * feeds' dates and the bot's "now" agree as they did for real readers.
 */
class BotEndToEndTest extends EndToEndTestBase {
    private static final Instant FIXTURE_MORNING = Instant.parse("2026-08-13T05:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final String PROTHOMALO = "prothomalo";
    private static final String JAGONEWS = "jagonews24";
    private static final String PROTHOMALO_NAME = "\u09AA\u09CD\u09B0\u09A5\u09AE \u0986\u09B2\u09CB"; // প্রথম আলো
    private static final String JAGONEWS_NAME = "\u099C\u09BE\u0997\u09CB \u09A8\u09BF\u0989\u099C"; // জাগো নিউজ

    /** The five links the newer Prothom Alo snapshot adds (FeedParserTest pins that there are five). */
    private static final String PA_BANGLADESHI = "https://www.prothomalo.com/lifestyle/jaapaane-neoyyaa-hyyechil-baanlaadeshi-beji-taarpr";
    private static final String PA_JOB = "https://www.prothomalo.com/bangladesh/district/4fyad3r2ze";
    private static final String PA_RENT = "https://www.prothomalo.com/entertainment/tv/2h48sv0w2p";
    private static final String PA_XAVI = "https://www.prothomalo.com/sports/football/jyy43plguz";
    private static final String JN_TASKIN = "https://www.jagonews24.com/sports/cricket/1146793";

    // Fragments of the bot's replies
    private static final String WELCOME = "\u09B8\u09CD\u09AC\u09BE\u0997\u09A4\u09AE"; // স্বাগতম
    private static final String STOPPED = "\u0986\u09B0 \u0996\u09AC\u09B0 \u09AA\u09BE\u09A0\u09BE\u09AC \u09A8\u09BE"; // আর খবর পাঠাব না
    private static final String LATEST_HEADER = "\u09B8\u09B0\u09CD\u09AC\u09B6\u09C7\u09B7"; // সর্বশেষ
    private static final String NOTHING_FOUND = "\u0995\u09BF\u099B\u09C1 \u09AA\u09BE\u0993\u09AF\u09BC\u09BE "
            + "\u09AF\u09BE\u09AF\u09BC\u09A8\u09BF"; // কিছু পাওয়া যায়নি
    private static final String STATS_HEADER = "\u09AA\u09B0\u09BF\u09B8\u0982\u0996\u09CD\u09AF\u09BE\u09A8"; // পরিসংখ্যান
    private static final String ADMINS_ONLY = "\u09AA\u09B0\u09BF\u099A\u09BE\u09B2\u0995\u09A6\u09C7\u09B0 "
            + "\u099C\u09A8\u09CD\u09AF"; // পরিচালকদের জন্য

    @TempDir
    Path dir;
    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), FIXTURE_MORNING));

    @Override
    protected Clock clock() {
        return clock;
    }

    // ---- 1. Pushes

    @Test
    void new_headlines_reach_every_subscriber_once_as_links_and_the_baseline_is_never_pushed() {
        publish(PROTHOMALO, Feeds.fixture(PROTHOMALO_OLDER));
        publish(JAGONEWS, Feeds.fixture(JAGONEWS_OLDER));
        start(config().source(PROTHOMALO, PROTHOMALO_NAME).source(JAGONEWS, JAGONEWS_NAME));
        awaitRead(PROTHOMALO);
        awaitRead(JAGONEWS);
        long group = -4_012_345;
        List<Long> chats = List.of(101L, 102L, group);
        subscribe(101);
        subscribe(102);
        subscribeGroup(group);

        publish(PROTHOMALO, Feeds.fixture(PROTHOMALO_NEWER));
        awaitRead(PROTHOMALO);
        awaitDeliveriesDone();

        Map<String, String> fresh = Feeds.added(PROTHOMALO, PROTHOMALO_OLDER, PROTHOMALO_NEWER);
        assertThat(fresh).hasSize(5);
        Set<String> baselineTitles = Feeds.titles(PROTHOMALO, PROTHOMALO_OLDER).keySet();
        for (long chat : chats) {
            List<SentMessage> pushes = afterWelcome(chat);
            assertThat(pushes).as("pushes to chat %d", chat).hasSize(5);
            assertThat(pushes).extracting(BotEndToEndTest::firstLine)
                    .containsExactlyInAnyOrderElementsOf(fresh.keySet())
                    .doesNotContainAnyElementsOf(baselineTitles);
            for (SentMessage push : pushes) {
                String title = firstLine(push);
                assertThat(push.source()).contains("<a href=\"" + fresh.get(title) + "\">");
                assertThat(push.text()).contains(PROTHOMALO_NAME);
            }
        }

        // Joins after those five were first seen: gets none of them, only what comes next.
        long late = 104;
        subscribe(late);
        publish(JAGONEWS, Feeds.fixture(JAGONEWS_NEWER));
        awaitRead(JAGONEWS);
        awaitDeliveriesDone();

        Map<String, String> jago = Feeds.added(JAGONEWS, JAGONEWS_OLDER, JAGONEWS_NEWER);
        assertThat(jago).hasSize(11);
        for (long chat : List.of(101L, 102L, group, late)) {
            List<SentMessage> all = afterWelcome(chat);
            SentMessage digest = all.get(all.size() - 1);
            assertThat(all).as("messages to chat %d after its welcome", chat).hasSize(chat == late ? 1 : 6);
            // One digest for eleven (more than digestOver 5): "নতুন ১১টি খবর", every title a link.
            assertThat(firstLine(digest)).isEqualTo("\u09A8\u09A4\u09C1\u09A8 \u09E7\u09E7\u099F\u09BF \u0996\u09AC\u09B0");
            assertThat(digest.text()).contains(jago.keySet()).contains(JAGONEWS_NAME);
            jago.values().forEach(link -> assertThat(digest.source()).contains("<a href=\"" + link + "\">"));
        }
    }

    // ---- 2. Search

    @Test
    void search_finds_both_encodings_of_ya_and_word_prefixes_and_says_so_when_nothing_matches() {
        publish(JAGONEWS, Feeds.fixture(JAGONEWS_OLDER));
        start(config().source(JAGONEWS, JAGONEWS_NAME));
        awaitRead(JAGONEWS);
        // "গ্রামের পর এবার ঢাকায় রাতভর লোডশেডিং": the fragment after ঢাকায় has no য়, so it reads the same in any encoding.
        String headline = "\u09B0\u09BE\u09A4\u09AD\u09B0 \u09B2\u09CB\u09A1\u09B6\u09C7\u09A1\u09BF\u0982";
        String dhaka = "\u09A2\u09BE\u0995\u09BE"; // ঢাকা

        telegram.userSends(201, "/search " + dhaka + "\u09DF"); // ঢাকায় with the one-code-point য়
        telegram.userSends(202, "/search " + dhaka + "\u09AF\u09BC"); // ঢাকায় as য + nukta
        telegram.userSends(203, "/search " + dhaka); // a prefix of ঢাকায়
        telegram.userSends(204, "/search \u0995\u09CD\u09B7\u099D\u09CE\u0998"); // gibberish: ক্ষঝৎঘ

        for (long chat : List.of(201L, 202L, 203L)) {
            assertThat(awaitOne(chat).text()).as("search reply to chat %d", chat).contains(headline);
        }
        assertThat(awaitOne(204).text()).contains(NOTHING_FOUND);
    }

    // ---- 3 and 4. Keywords, /stop and /start

    @Test
    void follow_filters_pushes_all_brings_everything_back_and_stop_start_keeps_the_keywords() {
        publish(PROTHOMALO, Feeds.prothomaloWith());
        start(config().source(PROTHOMALO, PROTHOMALO_NAME));
        awaitRead(PROTHOMALO);
        Map<String, String> title = Feeds.byLink(Feeds.titles(PROTHOMALO, PROTHOMALO_NEWER));
        long follower = 301;
        long stopper = 302;
        long everything = 303;
        subscribe(follower);
        subscribe(stopper);
        subscribe(everything);
        replyTo(follower, "/follow \u09AC\u09BE\u0982\u09B2\u09BE\u09A6\u09C7\u09B6\u09BF"); // বাংলাদেশি
        replyTo(stopper, "/follow \u099A\u09BE\u0995\u09B0\u09BF"); // চাকরি
        replyTo(stopper, "/follow \u099C\u09BE\u09AD\u09BF\u09B0"); // জাভির
        replyTo(stopper, "/stop");

        publish(PROTHOMALO, Feeds.prothomaloWith(PA_BANGLADESHI, PA_XAVI));
        awaitRead(PROTHOMALO);
        awaitDeliveriesDone();

        assertThat(pushTitles(follower, 2)).containsExactly(title.get(PA_BANGLADESHI));
        assertThat(pushTitles(stopper, 4)).as("a stopped chat gets nothing, even for its keyword").isEmpty();
        assertThat(pushTitles(everything, 1)).containsExactlyInAnyOrder(title.get(PA_BANGLADESHI), title.get(PA_XAVI));

        replyTo(follower, "/all");
        String welcomeBack = replyTo(stopper, "/start").text();
        assertThat(welcomeBack).contains(WELCOME).contains("\u09E8\u099F\u09BF"); // ২টি (keywords still on)
        publish(PROTHOMALO, Feeds.prothomaloWith(PA_BANGLADESHI, PA_XAVI, PA_JOB, PA_RENT));
        awaitRead(PROTHOMALO);
        awaitDeliveriesDone();

        // welcome, /follow's answer, the one match, /all's answer, then everything new
        assertThat(pushTitles(follower, 4)).containsExactlyInAnyOrder(title.get(PA_JOB), title.get(PA_RENT));
        assertThat(pushTitles(stopper, 5)).containsExactly(title.get(PA_JOB));
        assertThat(pushTitles(everything, 1)).hasSize(4);
    }

    @Test
    void follow_rules_with_alternatives_and_exclusions_get_exactly_the_matching_pushes() {
        publish(PROTHOMALO, Feeds.prothomaloWith());
        start(config().source(PROTHOMALO, PROTHOMALO_NAME));
        awaitRead(PROTHOMALO);
        Map<String, String> title = Feeds.byLink(Feeds.titles(PROTHOMALO, PROTHOMALO_NEWER));
        long excluding = 311;
        long either = 312;
        subscribe(excluding);
        subscribe(either);
        assertThat(replyTo(excluding, "/follow বাংলাদেশি বা চাকরি -ড্রাগন").text())
                .contains("“বাংলাদেশি” অথবা “চাকরি” আছে কিন্তু “ড্রাগন” নেই এমন খবর");
        assertThat(replyTo(either, "/follow জাভির OR বাড়িভাড়া | নেদারল্যান্ডস").text())
                .contains("“জাভির” অথবা “বাড়িভাড়া” অথবা “নেদারল্যান্ডস” আছে এমন খবর");

        publish(PROTHOMALO, Feeds.prothomaloWith(PA_BANGLADESHI, PA_XAVI, PA_JOB, PA_RENT));
        awaitRead(PROTHOMALO);
        awaitDeliveriesDone();

        assertThat(pushTitles(excluding, 2)).containsExactly(title.get(PA_BANGLADESHI));
        assertThat(pushTitles(either, 2)).containsExactlyInAnyOrder(title.get(PA_XAVI), title.get(PA_RENT));
    }

    @Test
    void search_with_a_banglish_word_finds_the_bengali_headline_and_says_what_it_searched() {
        publish(PROTHOMALO, Feeds.prothomaloWith());
        start(config().source(PROTHOMALO, PROTHOMALO_NAME));
        awaitRead(PROTHOMALO);
        publish(PROTHOMALO, Feeds.prothomaloWith(PA_BANGLADESHI));
        awaitRead(PROTHOMALO);
        Map<String, String> title = Feeds.byLink(Feeds.titles(PROTHOMALO, PROTHOMALO_NEWER));
        long reader = 313;

        String found = replyTo(reader, "/search beji").text();

        // "… দিয়ে খোঁজা হলো" names the Bengali words searched, then the Bengali headline.
        assertThat(found.lines().findFirst().orElseThrow()).endsWith(" \u09A6\u09BF\u09AF\u09BC\u09C7 \u0996\u09CB\u0981\u099C\u09BE \u09B9\u09B2\u09CB");
        assertThat(found).contains(title.get(PA_BANGLADESHI));
    }

    @Test
    void once_stop_is_confirmed_no_push_from_the_backlog_follows() {
        publish(PROTHOMALO, Feeds.prothomaloWith());
        start(config().source(PROTHOMALO, PROTHOMALO_NAME));
        awaitRead(PROTHOMALO);
        long reader = 304;
        subscribe(reader);
        publish(PROTHOMALO, Feeds.prothomaloWith(PA_BANGLADESHI, PA_JOB, PA_RENT, PA_XAVI));
        awaitRead(PROTHOMALO);
        telegram.awaitMessagesTo(reader, 2, WAIT); // the welcome and the first of four pushes, one a second

        telegram.userSends(reader, "/stop");
        await("/stop confirmed").atMost(WAIT).until(() -> stoppedAt(reader) >= 0);
        awaitDeliveriesDone();

        List<SentMessage> all = telegram.messagesTo(reader);
        assertThat(all.subList(stoppedAt(reader) + 1, all.size())).as("pushes after /stop was confirmed").isEmpty();
        assertThat(all).as("the welcome, at least one push, the /stop answer; not all four pushes").hasSizeBetween(3, 5);
    }

    private int stoppedAt(long chat) {
        List<SentMessage> all = telegram.messagesTo(chat);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).text().contains(STOPPED)) {
                return i;
            }
        }
        return -1;
    }

    // ---- 5. /sources

    @Test
    void a_source_switched_off_with_its_button_is_redrawn_in_place_and_its_headlines_stop() {
        publish(PROTHOMALO, Feeds.prothomaloWith());
        publish(JAGONEWS, Feeds.jagonewsWith());
        start(config().source(PROTHOMALO, PROTHOMALO_NAME).source(JAGONEWS, JAGONEWS_NAME));
        awaitRead(PROTHOMALO);
        awaitRead(JAGONEWS);
        long picky = 401;
        long everything = 402;
        subscribe(picky);
        subscribe(everything);

        SentMessage menu = replyTo(picky, "/sources");
        String sections = "\u09AC\u09BF\u09AD\u09BE\u0997 \u203A"; // বিভাগ ›: both feeds' links name sections
        assertThat(menu.buttons()).extracting(SentButton::text)
                .containsExactly("\u2705 " + PROTHOMALO_NAME, sections, "\u2705 " + JAGONEWS_NAME, sections);
        String jagoData = menu.buttons().get(2).callbackData();
        String callback = telegram.userPresses(picky, menu.messageId(), picky, jagoData);

        await("the keyboard edited in place").atMost(WAIT).until(() -> telegram.edits().stream()
                .anyMatch(e -> e.messageId() == menu.messageId()));
        assertThat(telegram.message(menu.messageId()).orElseThrow().buttons()).extracting(SentButton::text)
                .containsExactly("\u2705 " + PROTHOMALO_NAME, sections, "\u274C " + JAGONEWS_NAME, sections);
        await("the button press answered").atMost(WAIT).until(() -> telegram.callbackAnswers().stream()
                .anyMatch(a -> a.callbackId().equals(callback)));
        assertThat(telegram.messagesTo(picky)).as("an edit, not a new message").hasSize(2);

        publish(PROTHOMALO, Feeds.prothomaloWith(PA_XAVI));
        publish(JAGONEWS, Feeds.jagonewsWith(JN_TASKIN));
        awaitRead(PROTHOMALO);
        awaitRead(JAGONEWS);
        awaitDeliveriesDone();

        Map<String, String> paTitle = Feeds.byLink(Feeds.titles(PROTHOMALO, PROTHOMALO_NEWER));
        Map<String, String> jnTitle = Feeds.byLink(Feeds.titles(JAGONEWS, JAGONEWS_NEWER));
        assertThat(pushTitles(picky, 2)).containsExactly(paTitle.get(PA_XAVI));
        assertThat(pushTitles(everything, 1)).containsExactlyInAnyOrder(paTitle.get(PA_XAVI), jnTitle.get(JN_TASKIN));
    }

    // ---- 6. Blocked chats

    @Test
    void a_chat_that_blocked_the_bot_is_tried_once_then_left_alone_while_others_get_their_news() {
        publish(PROTHOMALO, Feeds.prothomaloWith());
        start(config().source(PROTHOMALO, PROTHOMALO_NAME));
        awaitRead(PROTHOMALO);
        long blocker = 501;
        long reader = 502;
        subscribe(blocker);
        subscribe(reader);
        int attemptsBefore = telegram.attemptsTo(blocker);
        telegram.blockChat(blocker);

        publish(PROTHOMALO, Feeds.prothomaloWith(PA_XAVI));
        awaitRead(PROTHOMALO);
        awaitDeliveriesDone();
        assertThat(telegram.attemptsTo(blocker)).as("the push that found out").isEqualTo(attemptsBefore + 1);

        publish(PROTHOMALO, Feeds.prothomaloWith(PA_XAVI, PA_JOB));
        awaitRead(PROTHOMALO);
        awaitDeliveriesDone();

        assertThat(telegram.attemptsTo(blocker)).as("no push tried after the 403").isEqualTo(attemptsBefore + 1);
        assertThat(telegram.messagesTo(blocker)).hasSize(1);
        assertThat(pushTitles(reader, 1)).hasSize(2);
        // বন্ধ চ্যাট: ১ (chats gone: 1)
        assertThat(replyTo(BotConfig.ADMIN, "/stats").text()).contains("\u09AC\u09A8\u09CD\u09A7 \u099A\u09CD\u09AF\u09BE\u099F: \u09E7");
    }

    // ---- 7. Restart

    @Test
    void a_restart_on_the_same_database_does_not_repush_and_later_headlines_still_arrive_once() {
        publish(PROTHOMALO, Feeds.prothomaloWith());
        BotConfig config = config().source(PROTHOMALO, PROTHOMALO_NAME);
        start(config);
        awaitRead(PROTHOMALO);
        long reader = 601;
        subscribe(reader);
        publish(PROTHOMALO, Feeds.prothomaloWith(PA_XAVI));
        awaitRead(PROTHOMALO);
        telegram.awaitMessagesTo(reader, 2, WAIT);
        awaitDeliveriesDone();
        // Telegram keeps an update until the next getUpdates confirms it; wait so the new instance is not sent /start again.
        await("updates confirmed").atMost(WAIT).until(() -> telegram.pendingUpdates() == 0);
        bot.close();
        long sentBefore = telegram.sentCount();

        start(config);
        awaitRead(PROTHOMALO);
        awaitDeliveriesDone();
        assertThat(telegram.sentCount()).as("messages sent after the restart").isEqualTo(sentBefore);

        publish(PROTHOMALO, Feeds.prothomaloWith(PA_XAVI, PA_RENT));
        awaitRead(PROTHOMALO);
        awaitDeliveriesDone();
        Map<String, String> title = Feeds.byLink(Feeds.titles(PROTHOMALO, PROTHOMALO_NEWER));
        assertThat(pushTitles(reader, 1)).containsExactly(title.get(PA_XAVI), title.get(PA_RENT));
    }

    // ---- 8. Bad input

    @Test
    void bad_input_gets_short_answers_and_never_stops_the_bot() {
        publish(PROTHOMALO, Feeds.prothomaloWith());
        start(config().source(PROTHOMALO, PROTHOMALO_NAME));
        awaitRead(PROTHOMALO);
        long group = -4_077_777;

        telegram.userSends(701, "/search " + "\u0995".repeat(5000));
        telegram.userSends(702, "/follow <b>x</b>");
        telegram.userSends(703, "/follow");
        telegram.userSends(704, "/search   ");
        telegram.userSends(705, "/frobnicate");
        telegram.userSends(706, "hello, bot");
        telegram.userSends(group, ChatKind.GROUP, 7070, "/start@other_news_bot");
        telegram.userSends(group, ChatKind.GROUP, 7070, "/latest");

        assertThat(awaitOne(701).text()).contains("\u0985\u09A8\u09C7\u0995 \u09B2\u09AE\u09CD\u09AC\u09BE"); // অনেক লম্বা
        SentMessage followed = awaitOne(702);
        assertThat(followed.text()).contains("\u201C<b>x</b>\u201D");
        assertThat(followed.source()).contains("&lt;b&gt;x&lt;/b&gt;");
        assertThat(replyTo(702, "/keywords").text()).contains("<b>x</b>");
        assertThat(awaitOne(703).text()).contains("/follow"); // the usage example
        assertThat(awaitOne(704).text()).contains("/search"); // the usage example
        assertThat(awaitOne(705).text()).contains("/help");
        assertThat(awaitOne(706).text()).contains("/search");
        assertThat(firstLine(awaitOne(group))).as("/start@other_news_bot is not for us; only /latest is answered")
                .contains(LATEST_HEADER);

        assertThat(replyTo(701, "/latest").text()).contains(LATEST_HEADER);
    }

    // ---- 9. Markup characters in titles

    @Test
    void a_title_with_ampersand_angle_brackets_and_quotes_arrives_intact_in_pushes_and_latest() {
        String portalName = "\u099F\u09C7\u09B8\u09CD\u099F"; // টেস্ট
        // বাজেট & কর: <আলোচনা> "শেষ" পর্যায়ে
        String title = "\u09AC\u09BE\u099C\u09C7\u099F & \u0995\u09B0: <\u0986\u09B2\u09CB\u099A\u09A8\u09BE> "
                + "\"\u09B6\u09C7\u09B7\" \u09AA\u09B0\u09CD\u09AF\u09BE\u09AF\u09BC\u09C7";
        String asXml = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String old = "\u09AA\u09C1\u09B0\u09CB\u09A8\u09CB \u0996\u09AC\u09B0"; // পুরোনো খবর
        publish("desk", Feeds.rss(old, "https://news.example/1"));
        start(config().source("desk", portalName));
        awaitRead("desk");
        subscribe(801);

        publish("desk", Feeds.rss(asXml, "https://news.example/2?a=1&amp;b=2", old, "https://news.example/1"));
        awaitRead("desk");

        SentMessage push = telegram.awaitMessagesTo(801, 2, WAIT).get(1);
        assertThat(firstLine(push)).isEqualTo(title);
        assertThat(push.source()).contains("<a href=\"https://news.example/2?a=1&amp;b=2\">");
        List<String> latest = replyTo(802, "/latest").text().lines().toList();
        assertThat(latest.get(1)).startsWith("\u09E7. " + title + " \u2014 ").contains(portalName);
    }

    // ---- 10. /latest and /stats

    @Test
    void latest_lists_linked_headlines_and_stats_answers_admins_only() {
        publish(PROTHOMALO, Feeds.prothomaloWith());
        start(config().source(PROTHOMALO, PROTHOMALO_NAME));
        awaitRead(PROTHOMALO);

        telegram.userSends(901, "/latest");
        telegram.userSends(BotConfig.ADMIN, "/stats");
        telegram.userSends(902, "/stats");

        SentMessage latest = awaitOne(901);
        assertThat(firstLine(latest)).isEqualTo(LATEST_HEADER + " \u09E7\u09E6\u099F\u09BF \u0996\u09AC\u09B0"); // ১০টি খবর
        assertThat(latest.source().split("<a href=\"https://", -1)).as("ten links").hasSize(11);
        String stats = awaitOne(BotConfig.ADMIN).text();
        assertThat(stats).contains(STATS_HEADER).contains(PROTHOMALO_NAME);
        assertThat(awaitOne(902).text()).contains(ADMINS_ONLY).doesNotContain(STATS_HEADER);
    }

    // ---- 12. The command line

    @Test
    void run_without_a_token_exits_2_with_one_line_saying_what_to_set() {
        Path file = config().source(PROTHOMALO, PROTHOMALO_NAME).write();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.execute(new String[] {"run", "--config", file.toString()}, Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement()
                .asString().contains("TELEGRAM_BOT_TOKEN");
    }

    @Test
    void run_with_a_token_and_a_broken_config_exits_2_with_one_line_naming_the_problem() {
        Path file = config().write("sources:\n  - {id: Bad Id, type: feed, url: http://127.0.0.1/}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.execute(new String[] {"run", "--config", file.toString()},
                Map.of("TELEGRAM_BOT_TOKEN", telegram.token()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement()
                .asString().contains("Bad Id").doesNotContain(telegram.token());
    }

    // ---- The bot

    private BotConfig config() {
        return new BotConfig(dir, telegram.apiUrl(), portal);
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

    /** Waits until no push waits in the outbox: every queued one was sent or given up. */
    private void awaitDeliveriesDone() {
        await("the outbox drained").atMost(WAIT).until(() -> pendingDeliveries() == 0);
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

    // ---- Chats

    private void subscribe(long chat) {
        assertThat(replyTo(chat, "/start").text()).contains(WELCOME);
    }

    private void subscribeGroup(long chat) {
        int before = telegram.messagesTo(chat).size();
        telegram.makeAdmin(chat, 7001, true); // only a group's admins may subscribe it
        telegram.userSends(chat, ChatKind.GROUP, 7001, "/start");
        assertThat(telegram.awaitMessagesTo(chat, before + 1, WAIT).get(before).text()).contains(WELCOME);
    }

    /** The only message to a chat that was sent one thing. */
    private SentMessage awaitOne(long chat) {
        return telegram.awaitMessagesTo(chat, 1, WAIT).get(0);
    }

    /** Everything the chat got after the welcome to its first /start. */
    private List<SentMessage> afterWelcome(long chat) {
        List<SentMessage> all = telegram.messagesTo(chat);
        assertThat(all).isNotEmpty();
        assertThat(all.get(0).text()).contains(WELCOME);
        return all.subList(1, all.size());
    }

    /** Titles of what the chat got after its first {@code replies} messages, which were answers to commands. */
    private List<String> pushTitles(long chat, int replies) {
        List<SentMessage> all = telegram.messagesTo(chat);
        return all.subList(Math.min(replies, all.size()), all.size()).stream().map(BotEndToEndTest::firstLine).toList();
    }

    private static String firstLine(SentMessage message) {
        return message.text().lines().findFirst().orElse("");
    }
}
