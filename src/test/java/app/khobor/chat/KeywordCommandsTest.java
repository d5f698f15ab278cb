package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.text.BengaliText;
import org.junit.jupiter.api.Test;

/** /follow, /unfollow, /keywords, /all. */
class KeywordCommandsTest extends CommandsOnBothEnginesTestBase {
    static final String FLOOD = "\u09AC\u09A8\u09CD\u09AF\u09BE";
    static final String DHAKAY_PRECOMPOSED = "\u09A2\u09BE\u0995\u09BE\u09DF";
    static final String DHAKAY_DECOMPOSED = "\u09A2\u09BE\u0995\u09BE\u09AF\u09BC";

    @Test
    void follow_adds_a_keyword_and_explains_the_effect() {
        f.say(1, "/start");

        assertThat(f.ask(1, "/follow  " + FLOOD + " ")).isEqualTo(Messages.followed(FLOOD, true, true));
        // Kept as typed apart from NFC, which turns the precomposed য় into য + nukta.
        assertThat(f.ask(1, "/follow " + DHAKAY_PRECOMPOSED)).isEqualTo(Messages.followed(DHAKAY_DECOMPOSED, false, true));
        assertThat(f.store.keywords(1)).containsExactly(FLOOD, DHAKAY_DECOMPOSED);
    }

    @Test
    void follow_before_start_reminds_to_start() {
        assertThat(f.ask(1, "/follow " + FLOOD)).isEqualTo(Messages.followed(FLOOD, true, false)).contains("/start");
    }

    @Test
    void html_in_a_keyword_is_stored_as_typed_and_escaped_in_every_reply() {
        String typed = "<b>Tom & \"Jerry\"</b>";
        String escaped = "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;";

        assertThat(f.ask(1, "/follow " + typed)).contains("“&lt;b&gt;Tom”", "“Jerry”", "“&lt;/b&gt;”")
                .doesNotContain("<b>Tom");
        assertThat(f.store.keywords(1)).containsExactly(typed);
        assertThat(f.ask(1, "/follow " + typed)).isEqualTo(Messages.alreadyFollowing(typed)).contains(escaped);
        assertThat(f.ask(1, "/keywords")).contains("• " + escaped);
        assertThat(f.ask(1, "/unfollow " + typed)).contains(escaped);
    }

    @Test
    void the_same_word_in_the_other_encoding_is_already_followed() {
        f.say(1, "/follow " + DHAKAY_PRECOMPOSED);

        assertThat(f.ask(1, "/follow " + DHAKAY_DECOMPOSED)).isEqualTo(Messages.alreadyFollowing(DHAKAY_DECOMPOSED));
        assertThat(f.store.keywords(1)).hasSize(1);
    }

    @Test
    void follow_needs_two_to_two_hundred_code_points_with_some_letters() {
        assertThat(f.ask(1, "/follow")).isEqualTo(Messages.FOLLOW_USAGE);
        assertThat(f.ask(1, "/follow    ")).isEqualTo(Messages.FOLLOW_USAGE);
        assertThat(f.ask(1, "/follow x")).isEqualTo(Messages.FOLLOW_BAD_LENGTH);
        assertThat(f.ask(1, "/follow " + "k".repeat(201))).isEqualTo(Messages.FOLLOW_BAD_LENGTH);
        assertThat(f.ask(1, "/follow !!!")).isEqualTo(Messages.FOLLOW_NO_LETTERS);
        assertThat(f.ask(1, "/follow " + "k".repeat(200))).isEqualTo(Messages.followed("k".repeat(200), true, false));
        // 40 emoji are 80 UTF-16 units but 40 code points, and "ab" makes them a word-bearing keyword.
        assertThat(f.ask(1, "/follow ab" + "\uD83D\uDCF0".repeat(40))).doesNotContain(Messages.FOLLOW_BAD_LENGTH);
        assertThat(f.store.keywords(1)).hasSize(2);
    }

    @Test
    void follow_says_in_plain_bengali_what_the_rule_means() {
        assertThat(f.ask(1, "/follow রাশিয়া ইউক্রেন")).contains("“রাশিয়া” ও “ইউক্রেন” দুটোই আছে এমন খবর");
        assertThat(f.ask(1, "/follow ঢাকা বা চট্টগ্রাম")).contains("“ঢাকা” অথবা “চট্টগ্রাম” আছে এমন খবর");
        assertThat(f.ask(1, "/follow বাংলাদেশ -ক্রিকেট")).contains("“বাংলাদেশ” আছে কিন্তু “ক্রিকেট” নেই এমন খবর");
        assertThat(f.ask(1, "/follow \"জাতীয় সংসদ\" নির্বাচন | ভোট -<b>"))
                .contains("“জাতীয় সংসদ” (পাশাপাশি, এই ক্রমে) ও (“নির্বাচন” অথবা “ভোট”) দুটোই আছে কিন্তু “&lt;b&gt;” নেই");
        assertThat(f.store.keywords(1)).containsExactly("রাশিয়া ইউক্রেন", "ঢাকা বা চট্টগ্রাম", "বাংলাদেশ -ক্রিকেট",
                "\"জাতীয় সংসদ\" নির্বাচন | ভোট -<b>");
    }

    @Test
    void follow_with_bad_syntax_says_what_to_fix_and_stores_nothing() {
        assertThat(f.ask(1, "/follow \"জাতীয় সংসদ")).contains("উদ্ধৃতিচিহ্ন");
        assertThat(f.ask(1, "/follow -ক্রিকেট")).contains("শুধু বাদ দেওয়ার শব্দ");
        assertThat(f.ask(1, "/follow ঢাকা OR")).contains("দুটি শব্দের মাঝে");
        assertThat(f.store.keywords(1)).isEmpty();
    }

    @Test
    void at_most_fifty_keywords_per_chat() {
        for (int i = 0; i < 50; i++) {
            f.say(1, "/follow word" + i);
        }
        assertThat(f.store.keywords(1)).hasSize(50);

        assertThat(f.ask(1, "/follow one-more")).isEqualTo(Messages.FOLLOW_TOO_MANY);
        assertThat(f.store.keywords(1)).hasSize(50);
        assertThat(f.ask(1, "/keywords")).startsWith("<b>");
    }

    @Test
    void unfollow_removes_and_says_when_all_news_is_back() {
        f.say(1, "/follow " + FLOOD);
        f.say(1, "/follow " + DHAKAY_PRECOMPOSED);

        assertThat(f.ask(1, "/unfollow " + DHAKAY_DECOMPOSED)).isEqualTo(Messages.unfollowed(DHAKAY_DECOMPOSED, 1));
        assertThat(f.ask(1, "/unfollow " + FLOOD)).isEqualTo(Messages.unfollowed(FLOOD, 0));
        assertThat(f.ask(1, "/unfollow " + FLOOD)).isEqualTo(Messages.notFollowing(FLOOD));
        assertThat(f.ask(1, "/unfollow")).isEqualTo(Messages.UNFOLLOW_USAGE);
        assertThat(f.ask(1, "/unfollow " + "<".repeat(5000))).isEqualTo(Messages.FOLLOW_BAD_LENGTH);
    }

    @Test
    void keywords_lists_them_or_says_all_news_comes() {
        assertThat(f.ask(1, "/keywords")).isEqualTo(Messages.NO_KEYWORDS);

        f.say(1, "/follow " + FLOOD);

        assertThat(f.ask(1, "/keywords")).isEqualTo(Messages.keywordList(java.util.List.of(FLOOD)));
    }

    /** /keywords in {@code chatId}: the message's buttons' data, in order. */
    java.util.List<String> keywordButtons(long chatId) {
        f.replies.clear();
        f.say(chatId, "/keywords");
        return f.sent().get(0).keyboard().rows().stream().flatMap(java.util.List::stream)
                .map(app.khobor.delivery.Button::callbackData).toList();
    }

    void press(long chatId, ChatKind kind, long userId, String data, java.util.List<String> shown) {
        f.replies.clear();
        f.replies.alerts.clear();
        f.commands.handle(new Incoming.Button(chatId, kind, 555, userId, "cb-1", data, shown));
    }

    @Test
    void keywords_has_a_remove_button_per_rule_that_removes_it_and_redraws_the_list() {
        f.say(1, "/follow " + FLOOD);
        f.say(1, "/follow ঢাকা বা চট্টগ্রাম -ক্রিকেট");
        java.util.List<String> shown = keywordButtons(1);
        assertThat(shown).hasSize(2).allSatisfy(d -> assertThat(d).startsWith(KeywordCommands.PREFIX)
                .hasSizeLessThanOrEqualTo(64));

        press(1, ChatKind.PRIVATE, 1, shown.get(1), shown);

        assertThat(f.store.keywords(1)).containsExactly(FLOOD);
        RecordingReplies.Edit edit = f.replies.edits.get(0);
        assertThat(edit.messageId()).isEqualTo(555);
        assertThat(edit.html()).isEqualTo(Messages.keywordList(java.util.List.of(FLOOD)));
        assertThat(edit.keyboard().rows()).hasSize(1);
        assertThat(f.replies.alerts).isEmpty();
    }

    @Test
    void forged_foreign_or_stale_keyword_buttons_get_an_alert_and_change_nothing() {
        f.say(1, "/follow " + FLOOD);
        f.say(2, "/follow " + FLOOD);
        java.util.List<String> shown = keywordButtons(1);
        String flood = shown.get(0);

        press(1, ChatKind.PRIVATE, 1, "kw-0000000000000000", java.util.List.of("kw-0000000000000000"));
        assertThat(f.replies.alerts).containsExactly(Messages.STALE_BUTTON_KEYWORDS);
        press(1, ChatKind.PRIVATE, 1, flood, java.util.List.of("src:samakal", flood)); // not a /keywords message
        assertThat(f.replies.alerts).containsExactly(Messages.STALE_BUTTON_KEYWORDS);
        press(1, ChatKind.PRIVATE, 1, flood, java.util.List.of()); // the message does not show it
        assertThat(f.replies.alerts).containsExactly(Messages.STALE_BUTTON_KEYWORDS);
        press(3, ChatKind.PRIVATE, 3, flood, shown); // a chat without that rule
        assertThat(f.replies.alerts).containsExactly(Messages.STALE_BUTTON_KEYWORDS);
        assertThat(f.store.keywords(1)).containsExactly(FLOOD);
        assertThat(f.store.keywords(2)).containsExactly(FLOOD);

        press(1, ChatKind.PRIVATE, 1, flood, shown);
        assertThat(f.replies.alerts).isEmpty();
        press(1, ChatKind.PRIVATE, 1, flood, shown); // pressed again on the old message
        assertThat(f.replies.alerts).containsExactly(Messages.STALE_BUTTON_KEYWORDS);
        assertThat(f.store.keywords(1)).isEmpty();
        assertThat(f.store.keywords(2)).containsExactly(FLOOD);
    }

    @Test
    void in_a_group_only_an_admin_removes_a_rule() {
        long group = -100;
        f.sayInGroup(group, "/follow " + FLOOD);
        String data = KeywordCommands.removeData(FLOOD);

        press(group, ChatKind.SUPERGROUP, 2, data, java.util.List.of(data));
        assertThat(f.replies.alerts).containsExactly(Messages.GROUP_ADMINS_ONLY);
        assertThat(f.store.keywords(group)).containsExactly(FLOOD);

        press(group, ChatKind.SUPERGROUP, 1, data, java.util.List.of(data));
        assertThat(f.replies.alerts).isEmpty();
        assertThat(f.store.keywords(group)).isEmpty();
    }

    @Test
    void all_clears_the_keywords_and_names_them() {
        assertThat(f.ask(1, "/all")).isEqualTo(Messages.ALREADY_ALL);
        f.say(1, "/follow " + FLOOD);
        f.say(1, "/follow a&b");

        assertThat(f.ask(1, "/all")).isEqualTo(Messages.allNews(java.util.List.of(FLOOD, "a&b"))).contains("a&amp;b");
        assertThat(f.store.keywords(1)).isEmpty();
    }

    @Test
    void follow_with_latin_words_stores_the_bengali_words_and_says_them() {
        f.headlines.add("prothomalo", "\u09A2\u09BE\u0995\u09BE\u09DF \u09AC\u09C3\u09B7\u09CD\u099F\u09BF",
                "https://x.test/1", f.clock.instant());
        f.headlines.add("prothomalo", "\u09A2\u09BE\u0995\u09BE\u09B0 \u09AF\u09BE\u09A8\u099C\u099F",
                "https://x.test/2", f.clock.instant());
        f.say(1, "/start");
        String dhaka = BengaliText.searchKey("\u09A2\u09BE\u0995\u09BE");

        String reply = f.ask(1, "/follow dhaka -cricket");

        assertThat(f.store.keywords(1)).containsExactly(dhaka + " -cricket");
        assertThat(reply).isEqualTo(Messages.followed(dhaka + " -cricket", true, true)).contains("\u201C" + dhaka + "\u201D");
        assertThat(f.ask(1, "/keywords")).contains(dhaka);
        assertThat(f.ask(1, "/follow Dhaka OR covid19")).contains("\u201C" + dhaka + "\u201D", "\u201Ccovid19\u201D");
        assertThat(f.store.keywords(1)).containsExactly(dhaka + " -cricket", dhaka + " OR covid19");
    }
}
