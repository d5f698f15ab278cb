package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.telegram.InlineAnswerSeen;
import app.khobor.telegram.SentMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 end to end, on the production wiring and the strict fake Bot API: the query language in a private chat
 * (phrase, exclusion, OR, bad input) and inline mode ({@code @bot ঢাকা} in any chat), Bengali and Banglish, paged.
 */
class SearchEndToEndTest extends EndToEndTestBase {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** 05:00 UTC on 13 August 2026: 11:00 in Dhaka. */
    private static final Instant MORNING = Instant.parse("2026-08-13T05:00:00Z");
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final long USER = 71;

    private static final String RAIN_IN_DHAKA = "ঢাকায় ভারী বৃষ্টি, জলাবদ্ধতা";
    private static final String FLOOD_IN_CHATTOGRAM = "চট্টগ্রামে বৃষ্টি, বন্যার আশঙ্কা";
    private static final String IRAQ_TEAM = "ইরাকের জাতীয় দল ঘোষণা";
    private static final String IRAQ_FLAG = "জাতীয় ইরাকের পতাকা";
    private static final String DHAKA_METRO = "ঢাকা মেট্রোরেলের নতুন সময়সূচি & ভাড়া";

    @TempDir
    Path dir;
    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), MORNING));

    @Override
    protected Clock clock() {
        return clock;
    }

    // ---- The query language in a private chat

    @Test
    void a_phrase_matches_its_words_in_order_and_together() {
        startWithFiveHeadlines();

        String reply = replyTo("/search \"জাতীয় ইরাকের\"").text();

        assertThat(reply).contains(IRAQ_FLAG).doesNotContain(IRAQ_TEAM);
    }

    @Test
    void an_exclusion_leaves_out_headlines_with_the_word() {
        startWithFiveHeadlines();

        String reply = replyTo("/search বৃষ্টি -বন্যা").text();

        assertThat(reply).contains(RAIN_IN_DHAKA).doesNotContain(FLOOD_IN_CHATTOGRAM);
    }

    @Test
    void or_in_any_of_its_spellings_finds_either_word() {
        startWithFiveHeadlines();

        for (String or : List.of(" বা ", " OR ", " | ")) {
            String reply = replyTo("/search ইরাকের" + or + "চট্টগ্রাম").text();
            assertThat(reply).as(or).contains(IRAQ_TEAM, IRAQ_FLAG, FLOOD_IN_CHATTOGRAM).doesNotContain(RAIN_IN_DHAKA);
        }
    }

    @Test
    void bad_queries_get_a_bengali_reply_that_says_what_to_fix() {
        startWithFiveHeadlines();

        assertThat(replyTo("/search \"জাতীয় সংসদ").text()).contains("উদ্ধৃতিচিহ্ন (\") জোড়ায় জোড়ায় দিন");
        assertThat(replyTo("/search -ক্রিকেট -ফুটবল").text()).contains("শুধু বাদ দেওয়ার শব্দ");
        assertThat(replyTo("/search " + "খবর ".repeat(200)).text()).contains("অনেক লম্বা");
        assertThat(replyTo("/search " + "খবর ".repeat(30)).text()).contains("অনেক বেশি শব্দ");
        assertThat(replyTo("/search ?!। …").text()).contains("কী খুঁজবেন লিখুন");
    }

    // ---- Inline mode

    @Test
    void inline_query_finds_a_bengali_headline_as_an_article_with_source_time_and_link() {
        startWithFiveHeadlines();

        InlineAnswerSeen answer = inline("ঢাকা", "");

        assertThat(answer.titles()).containsExactly(RAIN_IN_DHAKA, DHAKA_METRO);
        InlineAnswerSeen.Result metro = answer.results().get(1);
        assertThat(metro.description()).startsWith("Desk · ");
        assertThat(metro.text()).startsWith(DHAKA_METRO).contains("Desk");
        assertThat(metro.source()).contains("<a href=\"https://news.example/5\">", "&amp; ভাড়া");
        assertThat(answer.nextOffset()).as("one page holds them all").isEmpty();
    }

    @Test
    void inline_query_in_banglish_finds_the_bengali_headlines() {
        startWithFiveHeadlines();

        assertThat(inline("dhaka", "").titles()).containsExactly(RAIN_IN_DHAKA, DHAKA_METRO);
    }

    @Test
    void inline_phrase_and_exclusion_work_as_in_search() {
        startWithFiveHeadlines();

        assertThat(inline("\"জাতীয় ইরাকের\"", "").titles()).containsExactly(IRAQ_FLAG);
        assertThat(inline("বৃষ্টি -বন্যা", "").titles()).containsExactly(RAIN_IN_DHAKA);
    }

    @Test
    void an_inline_query_with_bad_syntax_gets_one_result_explaining_in_bengali() {
        startWithFiveHeadlines();

        InlineAnswerSeen answer = inline("\"জাতীয় সংসদ", "");

        assertThat(answer.results()).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("এভাবে খোঁজা যায় না");
            assertThat(r.description()).contains("উদ্ধৃতিচিহ্ন");
        });
    }

    @Test
    void an_empty_inline_query_lists_the_newest_headlines() {
        startWithFiveHeadlines();

        assertThat(inline("", "").titles()).hasSize(5).first().isEqualTo(RAIN_IN_DHAKA);
    }

    @Test
    void sixty_matches_come_as_fifty_then_ten_through_next_offset_without_repeats() {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            items.add(item("ঢাকা খবর " + i, "https://news.example/" + i, MORNING.minusSeconds(60L * i)));
        }
        publish(rss(items.toArray(String[]::new)));
        start();

        InlineAnswerSeen first = inline("dhaka", "");
        assertThat(first.results()).hasSize(50);
        assertThat(first.titles().get(0)).isEqualTo("ঢাকা খবর 1");
        assertThat(first.nextOffset()).isNotEmpty();

        InlineAnswerSeen second = inline("dhaka", first.nextOffset());
        assertThat(second.results()).hasSize(10);
        assertThat(second.titles().get(0)).isEqualTo("ঢাকা খবর 51");
        assertThat(second.nextOffset()).as("the last page").isEmpty();

        Set<String> ids = new HashSet<>();
        first.results().forEach(r -> ids.add(r.id()));
        second.results().forEach(r -> ids.add(r.id()));
        Set<String> titles = new HashSet<>(first.titles());
        titles.addAll(second.titles());
        assertThat(ids).hasSize(60);
        assertThat(titles).hasSize(60);
    }

    // ---- Helpers

    private void startWithFiveHeadlines() {
        publish(rss(
                item(RAIN_IN_DHAKA, "https://news.example/1", MORNING.minusSeconds(60)),
                item(FLOOD_IN_CHATTOGRAM, "https://news.example/2", MORNING.minusSeconds(120)),
                item(IRAQ_TEAM, "https://news.example/3", MORNING.minusSeconds(180)),
                item(IRAQ_FLAG, "https://news.example/4", MORNING.minusSeconds(240)),
                item(DHAKA_METRO.replace("&", "&amp;"), "https://news.example/5", MORNING.minusSeconds(300))));
        start();
    }

    private void start() {
        bot = Khobor.start(new BotConfig(dir, telegram.apiUrl(), portal).source("desk", "Desk").load(),
                telegram.token(), clock);
        BotReads.awaitRead(bot, portal, "desk");
    }

    private void publish(String xml) {
        portal.feed(BotConfig.path("desk"), xml);
    }

    private InlineAnswerSeen inline(String query, String offset) {
        return telegram.awaitInlineAnswer(telegram.userTypesInline(USER, query, offset), WAIT);
    }

    /** Sends in a private chat and returns the bot's one reply. */
    private SentMessage replyTo(String text) {
        int before = telegram.messagesTo(USER).size();
        telegram.userSends(USER, text);
        return telegram.awaitMessagesTo(USER, before + 1, WAIT).get(before);
    }

    private static String item(String title, String link, Instant published) {
        return "<item><title>" + title + "</title><link>" + link + "</link><pubDate>"
                + RFC_822.format(ZonedDateTime.ofInstant(published, ZoneOffset.UTC)) + "</pubDate></item>\n";
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Test</title>"
                + "<link>https://news.example/</link><description>Test</description>\n" + String.join("", items)
                + "</channel></rss>\n";
    }
}
