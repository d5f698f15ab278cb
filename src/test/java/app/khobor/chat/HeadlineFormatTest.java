package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.config.SourceConfig;
import app.khobor.delivery.PushFormatter;
import app.khobor.fakes.TelegramHtml;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BanglaCalendar;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineFormatTest {
    static final String PROTHOM_ALO = "\u09AA\u09CD\u09B0\u09A5\u09AE \u0986\u09B2\u09CB";
    /** "১০:২৪, ১৩ আগস্ট" */
    static final String TIME_1024_13_AUG = "\u09E7\u09E6:\u09E8\u09EA, \u09E7\u09E9 \u0986\u0997\u09B8\u09CD\u099F";

    HeadlineFormat format = new HeadlineFormat(List.of(SourceConfig.feed("prothomalo", PROTHOM_ALO,
            URI.create("https://www.prothomalo.com/feed/"))));

    static StoredHeadline headline(String title, String url, OffsetDateTime published, Instant firstSeen) {
        return new StoredHeadline(7, "prothomalo", title, title, url, url, published, firstSeen);
    }

    @Test
    void single_links_the_escaped_title_and_shows_source_and_bangladesh_time() {
        StoredHeadline h = headline("Tom & Jerry <live> \"now\"", "https://x.test/a?b=1&c=2", null,
                Instant.parse("2026-08-13T04:24:00Z"));

        String html = format.single(h);

        assertThat(html).isEqualTo("<b><a href=\"https://x.test/a?b=1&amp;c=2\">Tom &amp; Jerry &lt;live&gt; &quot;now&quot;</a></b>\n"
                + PROTHOM_ALO + " · " + TIME_1024_13_AUG);
        TelegramHtml.requireValid(html);
    }

    @Test
    void a_push_that_matched_a_rule_shows_only_the_matched_words_in_bold_inside_the_link() {
        StoredHeadline h = headline("ঢাকায় বৃষ্টি & বন্যা", "https://x.test/a", null, Instant.parse("2026-08-13T04:24:00Z"));

        String html = format.single(h, BanglaCalendar.ZONE, Subscriber.rule("ঢাকা -ঝড়"));

        assertThat(html).isEqualTo("<a href=\"https://x.test/a\"><b>ঢাকায়</b> বৃষ্টি &amp; বন্যা</a>\n"
                + PROTHOM_ALO + " · " + TIME_1024_13_AUG);
        TelegramHtml.requireValid(html);
        assertThat(format.single(h, BanglaCalendar.ZONE, Subscriber.rule("\"বৃষ্টি বন্যা\" বা বন্যা")))
                .as("a phrase is one range; the & between is no word, so it does not break the phrase")
                .startsWith("<a href=\"https://x.test/a\">ঢাকায় <b>বৃষ্টি &amp; বন্যা</b></a>\n");
    }

    @Test
    void a_rule_whose_words_cannot_be_found_in_the_title_leaves_the_usual_push() {
        StoredHeadline h = headline("ঢাকায় বৃষ্টি", "https://x.test/a", null, Instant.parse("2026-08-13T04:24:00Z"));

        assertThat(format.single(h, BanglaCalendar.ZONE, Subscriber.rule("বন্যা"))).isEqualTo(format.single(h));
    }

    @Test
    void a_digest_bolds_in_each_title_the_words_its_rule_matched() {
        StoredHeadline rain = headline("ঢাকায় বৃষ্টি", "https://x.test/1", null, Instant.EPOCH);
        StoredHeadline other = headline("খেলা <শেষ>", "https://x.test/2", null, Instant.EPOCH);

        List<String> parts = html(format.digest(List.of(rain, other), BanglaCalendar.ZONE,
                h -> h == rain ? java.util.Optional.of(Subscriber.rule("বৃষ্টি")) : java.util.Optional.empty()));

        assertThat(parts).singleElement().asString()
                .contains("<a href=\"https://x.test/1\">ঢাকায় <b>বৃষ্টি</b></a>")
                .contains("<a href=\"https://x.test/2\">খেলা &lt;শেষ&gt;</a>");
        TelegramHtml.requireValid(parts.get(0));
        assertThat(parts).isEqualTo(html(format.digest(List.of(rain, other)))
                .stream().map(p -> p.replace("ঢাকায় বৃষ্টি", "ঢাকায় <b>বৃষ্টি</b>")).toList());
    }

    @Test
    void the_portals_own_time_wins_over_first_seen() {
        StoredHeadline h = headline("t", "https://x.test/", OffsetDateTime.parse("2026-08-13T10:24:00+06:00"),
                Instant.parse("2026-08-14T00:00:00Z"));

        assertThat(format.single(h)).endsWith(TIME_1024_13_AUG);
    }

    @Test
    void an_unknown_source_shows_its_id() {
        StoredHeadline h = new StoredHeadline(1, "gone", "t", "t", "https://x.test/", "https://x.test/", null, Instant.EPOCH);

        assertThat(format.single(h)).contains("\ngone · ");
    }

    @Test
    void digest_has_a_bengali_count_header_and_numbered_lines() {
        List<StoredHeadline> list = List.of(headline("A & B", "https://x.test/1", null, Instant.EPOCH),
                headline("C", "https://x.test/2", null, Instant.EPOCH));

        List<String> parts = html(format.digest(list));

        assertThat(parts).hasSize(1);
        // "নতুন ২টি খবর", then "১. " and "২. "
        assertThat(parts.get(0)).startsWith("<b>\u09A8\u09A4\u09C1\u09A8 \u09E8\u099F\u09BF \u0996\u09AC\u09B0</b>\n\u09E7. ")
                .contains("A &amp; B").contains("\n\u09E8. ");
    }

    @Test
    void a_long_digest_splits_into_valid_messages_keeping_every_headline() {
        List<StoredHeadline> list = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            list.add(headline("\u0996\u09AC\u09B0 & ".repeat(20) + i, "https://x.test/" + i, null, Instant.EPOCH));
        }

        List<String> parts = html(format.digest(list));

        assertThat(parts).hasSizeGreaterThan(1);
        parts.forEach(TelegramHtml::requireValid);
        assertThat(String.join("\n", parts)).contains("https://x.test/0\"", "https://x.test/59\"");
    }

    @Test
    void each_digest_part_says_which_headlines_it_completes() {
        List<StoredHeadline> list = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            list.add(headline("\u0996\u09AC\u09B0 & ".repeat(20) + i, "https://x.test/" + i, null, Instant.EPOCH));
        }

        List<PushFormatter.DigestPart> parts = format.digest(list);

        int next = 0;
        for (PushFormatter.DigestPart part : parts) {
            assertThat(part.completes()).isPositive();
            for (int i = next; i < next + part.completes(); i++) {
                assertThat(part.html()).contains("https://x.test/" + i + "\"");
            }
            next += part.completes();
        }
        assertThat(next).isEqualTo(60);
    }

    private static List<String> html(List<PushFormatter.DigestPart> parts) {
        return parts.stream().map(PushFormatter.DigestPart::html).toList();
    }

    @Test
    void a_monstrous_title_still_fits_one_push() {
        StoredHeadline h = headline("&".repeat(5000), "https://x.test/?q=" + "\"".repeat(5000), null, Instant.EPOCH);

        String html = format.single(h);

        TelegramHtml.requireValid(html);
        assertThat(html).startsWith("<b>&amp;&amp;").doesNotContain("href");
    }
}
