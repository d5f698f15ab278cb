package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.delivery.OutgoingMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** /latest and /search. */
class NewsCommandsTest extends CommandsTestBase {
    /** "ঢাকায় বৃষ্টি" with য় precomposed; "ঢাকায়" with য + nukta; "বন্যা". */
    static final String RAIN_IN_DHAKA = "\u09A2\u09BE\u0995\u09BE\u09DF \u09AC\u09C3\u09B7\u09CD\u099F\u09BF";
    static final String DHAKAY_DECOMPOSED = "\u09A2\u09BE\u0995\u09BE\u09AF\u09BC";
    static final String FLOOD = "\u09AC\u09A8\u09CD\u09AF\u09BE";
    /** "আজ ১০:২৪": the fixture's clock is 10:24 in Dhaka on the headlines' day. */
    static final String TIME_1024_TODAY = "\u0986\u099C \u09E7\u09E6:\u09E8\u09EA";

    void addHeadlines(int n) {
        for (int i = 1; i <= n; i++) {
            f.headlines.add("prothomalo", "title " + i, "https://x.test/" + i, f.clock.instant().plusSeconds(i));
        }
    }

    @Test
    void latest_lists_the_ten_newest_with_link_source_and_bengali_time() {
        addHeadlines(12);

        String html = f.ask(1, "/latest");

        // "সর্বশেষ ১০টি খবর"
        assertThat(html).startsWith("<b>\u09B8\u09B0\u09CD\u09AC\u09B6\u09C7\u09B7 \u09E7\u09E6\u099F\u09BF \u0996\u09AC\u09B0</b>\n");
        assertThat(html).contains("<a href=\"https://x.test/12\">title 12</a>", CommandsFixture.PROTHOM_ALO,
                TIME_1024_TODAY).doesNotContain("title 2<");
        assertThat(html.lines().count()).isEqualTo(11);
    }

    @Test
    void latest_takes_a_count_in_either_digits_and_caps_it_at_twenty() {
        addHeadlines(25);

        assertThat(f.ask(1, "/latest 3").lines().count()).isEqualTo(4);
        assertThat(f.ask(1, "/latest \u09EB").lines().count()).isEqualTo(6);
        assertThat(f.ask(1, "/latest 500").lines().count()).isEqualTo(21);
    }

    @Test
    void latest_with_a_bad_count_explains_what_is_expected() {
        addHeadlines(2);

        assertThat(f.ask(1, "/latest abc")).isEqualTo(Messages.LATEST_BAD_COUNT);
        assertThat(f.ask(1, "/latest 0")).isEqualTo(Messages.LATEST_BAD_COUNT);
        assertThat(f.ask(1, "/latest -3")).isEqualTo(Messages.LATEST_BAD_COUNT);
        assertThat(f.ask(1, "/latest 99999999999999")).isEqualTo(Messages.LATEST_BAD_COUNT);
    }

    @Test
    void latest_before_any_headline_says_so() {
        assertThat(f.ask(1, "/latest")).isEqualTo(Messages.NO_NEWS_YET);
    }

    @Test
    void a_title_with_ampersand_angle_brackets_and_quotes_arrives_intact() {
        f.headlines.add("samakal", "Tom & Jerry <3 \"live\"", "https://x.test/a?b=1&c=2", f.clock.instant());

        String html = f.ask(1, "/latest 1");

        assertThat(html).contains("<a href=\"https://x.test/a?b=1&amp;c=2\">Tom &amp; Jerry &lt;3 &quot;live&quot;</a>",
                CommandsFixture.SAMAKAL);
    }

    @Test
    void latest_with_long_titles_is_split_into_valid_messages() {
        for (int i = 0; i < 20; i++) {
            f.headlines.add("prothomalo", "\u0996\u09AC\u09B0 & <".repeat(40) + i, "https://x.test/" + i,
                    f.clock.instant().plusSeconds(i));
        }
        f.replies.clear();

        f.say(1, "/latest 20");

        assertThat(f.sent()).hasSizeGreaterThan(1);
        String all = String.join("\n", f.sent().stream().map(OutgoingMessage::html).toList());
        assertThat(all.length()).isGreaterThan(10_000);
        for (int i = 0; i < 20; i++) {
            assertThat(all).contains("https://x.test/" + i + "\"");
        }
    }

    @Test
    void search_finds_headlines_with_every_word_as_a_prefix_in_either_encoding() {
        f.headlines.add("prothomalo", RAIN_IN_DHAKA, "https://x.test/1", f.clock.instant());
        f.headlines.add("samakal", FLOOD, "https://x.test/2", f.clock.instant().plus(Duration.ofMinutes(1)));

        String html = f.ask(1, "/search " + DHAKAY_DECOMPOSED);

        assertThat(html).contains("https://x.test/1").doesNotContain("https://x.test/2");
        assertThat(f.ask(1, "/search \u09A2\u09BE\u0995\u09BE \u09AC\u09C3\u09B7")).contains("https://x.test/1");
    }

    @Test
    void search_without_results_says_nothing_was_found_with_the_query_escaped() {
        f.headlines.add("prothomalo", RAIN_IN_DHAKA, "https://x.test/1", Instant.EPOCH);

        String html = f.ask(1, "/search <b>x&y</b>");

        assertThat(html).isEqualTo(Messages.searchNothing("<b>x&y</b>")).contains("&lt;b&gt;x&amp;y&lt;/b&gt;");
    }

    @Test
    void search_understands_phrases_alternatives_and_exclusions() {
        f.headlines.add("prothomalo", "ইরাকের জাতীয় দল", "https://x.test/1", f.clock.instant());
        f.headlines.add("prothomalo", "জাতীয় ইরাকের পতাকা", "https://x.test/2", f.clock.instant());
        f.headlines.add("prothomalo", RAIN_IN_DHAKA, "https://x.test/3", f.clock.instant());
        f.headlines.add("prothomalo", "চট্টগ্রামে বৃষ্টি, বন্যার আশঙ্কা", "https://x.test/4", f.clock.instant());

        assertThat(f.ask(1, "/search \"জাতীয় ইরাকের\"")).contains("https://x.test/2").doesNotContain("https://x.test/1");
        assertThat(f.ask(1, "/search ঢাকা বা চট্টগ্রাম")).contains("https://x.test/3", "https://x.test/4");
        assertThat(f.ask(1, "/search ঢাকা OR চট্টগ্রাম -বন্যা")).contains("https://x.test/3")
                .doesNotContain("https://x.test/4");
    }

    @Test
    void search_with_bad_syntax_says_what_to_fix_in_bengali() {
        assertThat(f.ask(1, "/search \"জাতীয় সংসদ")).contains("উদ্ধৃতিচিহ্ন");
        assertThat(f.ask(1, "/search -ক্রিকেট")).contains("শুধু বাদ দেওয়ার শব্দ");
        assertThat(f.ask(1, "/search ঢাকা বা")).contains("দুটি শব্দের মাঝে");
        assertThat(f.ask(1, "/search " + "খবর ".repeat(30))).contains("অনেক বেশি শব্দ");
    }

    @Test
    void search_without_words_gets_the_usage() {
        assertThat(f.ask(1, "/search")).isEqualTo(Messages.SEARCH_USAGE);
        assertThat(f.ask(1, "/search   ।।  ?!")).isEqualTo(Messages.SEARCH_USAGE);
    }

    @Test
    void a_five_thousand_character_search_gets_a_clear_message() {
        assertThat(f.ask(1, "/search " + "\u0995".repeat(5000))).isEqualTo(Messages.SEARCH_TOO_LONG);
    }

    @Test
    void search_shows_ten_says_how_many_there_are_and_offers_the_rest() {
        for (int i = 0; i < 15; i++) {
            f.headlines.add("prothomalo", FLOOD + " " + i, "https://x.test/" + i, f.clock.instant().plusSeconds(i));
        }

        String html = f.ask(1, "/search " + FLOOD);

        assertThat(html.lines().count()).isEqualTo(11);
        // "১৫টি খবর, ১-১০ দেখানো হলো"
        assertThat(html.lines().findFirst().orElseThrow()).contains("\u09E7\u09EB\u099F\u09BF \u0996\u09AC\u09B0, \u09E7-\u09E7\u09E6");
        OutgoingMessage sent = f.sent().get(0);
        assertThat(sent.keyboard().rows()).hasSize(1);
        assertThat(sent.keyboard().rows().get(0)).hasSize(1);
        assertThat(sent.keyboard().rows().get(0).get(0).callbackData()).startsWith("more:");
    }

    @Test
    void the_more_button_edits_the_next_page_in_and_stale_or_forged_presses_get_an_alert() {
        for (int i = 0; i < 15; i++) {
            f.headlines.add("prothomalo", FLOOD + " " + i, "https://x.test/" + i, f.clock.instant().plusSeconds(i));
        }
        f.ask(1, "/search " + FLOOD);
        String data = f.sent().get(0).keyboard().rows().get(0).get(0).callbackData();
        f.replies.clear();

        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 7, 1, "cb1", data, java.util.List.of(data)));
        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 7, 1, "cb2", "more:99999:10", java.util.List.of("more:99999:10")));
        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 7, 1, "cb3", data, java.util.List.of("src:samakal")));

        assertThat(f.replies.edits).singleElement().satisfies(e -> {
            assertThat(e.html().lines().count()).isEqualTo(6);
            assertThat(e.html()).contains("\u09E7\u09E7-\u09E7\u09EB"); // ১১-১৫
            assertThat(e.keyboard()).isNull();
        });
        assertThat(f.replies.alerts).containsExactly(Messages.SEARCH_FORGOTTEN, Messages.STALE_BUTTON_SEARCH);
    }

    @Test
    void search_with_latin_words_searches_their_bengali_spellings_and_says_so() {
        f.headlines.add("prothomalo", RAIN_IN_DHAKA, "https://x.test/1", f.clock.instant());
        // "বিএনপির সমাবেশ", "বন্যা", and an English headline.
        f.headlines.add("samakal", "\u09AC\u09BF\u098F\u09A8\u09AA\u09BF\u09B0 \u09B8\u09AE\u09BE\u09AC\u09C7\u09B6",
                "https://x.test/2", f.clock.instant().plusSeconds(1));
        f.headlines.add("samakal", FLOOD, "https://x.test/3", f.clock.instant().plusSeconds(2));
        f.headlines.add("samakal", "Dhaka stock exchange", "https://x.test/4", f.clock.instant().plusSeconds(3));
        // "ঢাকার যানজট", "ঢাকা উত্তর": Bengali spellings far more common than the English one.
        f.headlines.add("prothomalo", "\u09A2\u09BE\u0995\u09BE\u09B0 \u09AF\u09BE\u09A8\u099C\u099F",
                "https://x.test/5", f.clock.instant().plusSeconds(4));
        f.headlines.add("prothomalo", "\u09A2\u09BE\u0995\u09BE \u0989\u09A4\u09CD\u09A4\u09B0",
                "https://x.test/6", f.clock.instant().plusSeconds(5));

        String dhaka = f.ask(1, "/search dhaka");
        // "“dhaka” বা “ঢাকা” দিয়ে খোঁজা হলো" first (the English spelling is in the headlines too), then the header
        // with the query as typed.
        assertThat(dhaka).startsWith("\u201Cdhaka\u201D \u09AC\u09BE \u201C\u09A2\u09BE\u0995\u09BE\u201D \u09A6\u09BF\u09AF\u09BC\u09C7 "
                + "\u0996\u09CB\u0981\u099C\u09BE \u09B9\u09B2\u09CB\n<b>\u201Cdhaka\u201D</b>");
        assertThat(dhaka).contains("https://x.test/1", "https://x.test/4", "https://x.test/5", "https://x.test/6").doesNotContain("https://x.test/2",
                "https://x.test/3");

        String bnp = f.ask(1, "/search BNP");
        assertThat(bnp).startsWith("\u201C\u09AC\u09BF\u098F\u09A8\u09AA\u09BF\u201D").contains("https://x.test/2")
                .doesNotContain("https://x.test/1");

        // Bengali only: nothing rewritten, no extra line.
        assertThat(f.ask(1, "/search " + FLOOD)).startsWith("<b>").contains("https://x.test/3");
        // The Latin key is kept: the English headline is found as itself, with or without a Bengali spelling.
        assertThat(f.ask(1, "/search dhaka stock")).contains("https://x.test/4");
        // Unknown Latin word: nothing rewritten.
        assertThat(f.ask(1, "/search stock")).startsWith("<b>").contains("https://x.test/4");
    }

    @Test
    void pages_of_a_latin_search_keep_the_bengali_spellings() {
        for (int i = 1; i <= 12; i++) {
            f.headlines.add("prothomalo", RAIN_IN_DHAKA + " " + i, "https://x.test/" + i, f.clock.instant().plusSeconds(i));
        }
        f.replies.clear();

        f.say(1, "/search dhaka");
        OutgoingMessage first = f.sent().get(0);
        assertThat(first.html()).startsWith("\u201C\u09A2\u09BE\u0995\u09BE\u201D").contains("https://x.test/12\"")
                .doesNotContain("https://x.test/2\"");
        String data = first.keyboard().rows().get(0).get(0).callbackData();

        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 7, 1, "cb1", data, java.util.List.of(data)));

        assertThat(f.replies.edits).singleElement().satisfies(e -> assertThat(e.html())
                .startsWith("\u201C\u09A2\u09BE\u0995\u09BE\u201D").contains("https://x.test/1\"", "https://x.test/2\"")
                .doesNotContain("https://x.test/12\""));
    }

    @Test
    void a_search_that_finds_nothing_offers_the_nearest_indexed_words_as_buttons_that_run_that_search() {
        f.headlines.add("prothomalo", "নির্বাচন কমিশনের বৈঠক", "https://x.test/1", f.clock.instant());
        f.headlines.add("prothomalo", "নির্বাচক কমিটি ঘোষণা", "https://x.test/2", f.clock.instant().plusSeconds(1));
        f.headlines.add("prothomalo", RAIN_IN_DHAKA, "https://x.test/3", f.clock.instant().plusSeconds(2));
        f.replies.clear();

        f.say(1, "/search নির্বাচোন -বৈঠক");
        OutgoingMessage nothing = f.sent().get(0);
        assertThat(nothing.html()).contains("কিছু পাওয়া যায়নি", NewsCommands.NEARBY_HINT);
        var buttons = nothing.keyboard().rows().get(0);
        assertThat(buttons).extracting(b -> b.text()).containsExactly("নির্বাচন", "নির্বাচক");
        assertThat(buttons).allSatisfy(b -> assertThat(b.callbackData().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(64));
        java.util.List<String> shown = buttons.stream().map(b -> b.callbackData()).toList();

        // "নির্বাচক": the search again with that word, the exclusion kept, edited into the message.
        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 7, 1, "cb1", shown.get(1), shown));
        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 7, 1, "cb2", "near:99999", java.util.List.of("near:99999")));
        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 7, 1, "cb3", shown.get(0), java.util.List.of("more:1:10")));
        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 7, 1, "cb4", "near:ঢাকা", java.util.List.of("near:ঢাকা")));

        assertThat(f.replies.edits).singleElement().satisfies(e -> assertThat(e.html())
                .contains("https://x.test/2", "নির্বাচক -বৈঠক").doesNotContain("https://x.test/1"));
        assertThat(f.replies.alerts).containsExactly(Messages.SEARCH_FORGOTTEN, Messages.STALE_BUTTON_SEARCH,
                Messages.STALE_BUTTON_SEARCH);
    }

    @Test
    void a_search_of_known_words_that_finds_nothing_offers_no_buttons() {
        f.headlines.add("prothomalo", RAIN_IN_DHAKA, "https://x.test/1", f.clock.instant());
        f.headlines.add("prothomalo", FLOOD, "https://x.test/2", f.clock.instant());
        f.replies.clear();

        f.say(1, "/search " + FLOOD + " ঢাকা");

        assertThat(f.sent().get(0).keyboard()).isNull();
    }

    @Test
    void search_results_show_the_matched_words_in_bold_on_every_page_and_for_latin_words() {
        for (int i = 1; i <= 12; i++) {
            f.headlines.add("prothomalo", "ঢাকায় বৃষ্টি & যানজট " + i, "https://x.test/" + i, f.clock.instant().plusSeconds(i));
        }
        f.replies.clear();

        f.say(1, "/search বৃষ্টি");
        OutgoingMessage first = f.sent().get(0);
        assertThat(first.html()).contains("<a href=\"https://x.test/12\">ঢাকায় <b>বৃষ্টি</b> &amp; যানজট 12</a>");
        String data = first.keyboard().rows().get(0).get(0).callbackData();
        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 7, 1, "cb1", data, java.util.List.of(data)));
        assertThat(f.replies.edits).singleElement().satisfies(e -> assertThat(e.html())
                .contains("<a href=\"https://x.test/1\">ঢাকায় <b>বৃষ্টি</b> &amp; যানজট 1</a>"));

        assertThat(f.ask(1, "/search dhaka -যানজট")).doesNotContain("<b>ঢাকায়</b>");
        assertThat(f.ask(1, "/search dhaka")).contains("<a href=\"https://x.test/12\"><b>ঢাকায়</b> বৃষ্টি &amp; যানজট 12</a>");
    }
}
