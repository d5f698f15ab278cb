package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.config.SourceConfig;
import app.khobor.fakes.TelegramHtml;
import app.khobor.news.StoredHeadline;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One line per story in lists, and the other portals linked under a push. */
class StoryLinesTest {
    private static final Instant SEEN = Instant.parse("2026-08-13T04:24:00Z");
    private final HeadlineFormat format = new HeadlineFormat(List.of(
            SourceConfig.feed("samakal", "সমকাল", URI.create("https://samakal.example/feed")),
            SourceConfig.feed("jugantor", "যুগান্তর", URI.create("https://jugantor.example/feed")),
            SourceConfig.feed("ittefaq", "ইত্তেফাক", URI.create("https://ittefaq.example/feed")),
            SourceConfig.feed("kalerkantho", "কালের কণ্ঠ", URI.create("https://kk.example/feed"))));

    private static StoredHeadline headline(long id, String source, String title, long story) {
        String url = "https://" + source + ".example/" + id + "?a=1&b=2";
        return new StoredHeadline(id, source, title, title, url, url, null, SEEN, null, story);
    }

    @Test
    void a_push_lists_the_other_portals_each_linked_to_its_copy() {
        StoredHeadline third = headline(3, "ittefaq", "ডেঙ্গুতে মৃত্যু", 1);
        String html = format.single(third, ZoneId.of("Asia/Dhaka"),
                List.of(headline(1, "samakal", "x", 1), headline(2, "jugantor", "y", 1)));

        TelegramHtml.requireValid(html);
        assertThat(html).endsWith("\nআরও: <a href=\"https://samakal.example/1?a=1&amp;b=2\">সমকাল</a> · "
                + "<a href=\"https://jugantor.example/2?a=1&amp;b=2\">যুগান্তর</a>");
    }

    @Test
    void a_list_shows_one_line_per_story_with_two_portals_named_and_the_rest_counted() {
        List<StoredHeadline> list = List.of(headline(1, "samakal", "ডেঙ্গু", 1), headline(5, "samakal", "বৃষ্টি", 5),
                headline(2, "jugantor", "ডেঙ্গু ২", 1), headline(3, "ittefaq", "ডেঙ্গু ৩", 1),
                headline(4, "kalerkantho", "ডেঙ্গু ৪", 1));

        String html = format.list("<b>তালিকা</b>", list);

        TelegramHtml.requireValid(html);
        List<String> lines = html.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("১. ").contains("ডেঙ্গু</a>")
                .endsWith(" · আরও: <a href=\"https://jugantor.example/2?a=1&amp;b=2\">যুগান্তর</a> · "
                        + "<a href=\"https://ittefaq.example/3?a=1&amp;b=2\">ইত্তেফাক</a> +১টি সূত্র");
        assertThat(lines.get(2)).startsWith("২. ").contains("বৃষ্টি").doesNotContain("আরও");
    }

    @Test
    void first_stories_keeps_every_copy_of_the_first_n_stories() {
        List<StoredHeadline> list = List.of(headline(1, "samakal", "a", 1), headline(2, "jugantor", "a", 1),
                headline(3, "samakal", "b", 3), headline(4, "ittefaq", "a", 1), headline(5, "samakal", "c", 5));

        assertThat(StoryLines.firstStories(list, 2)).extracting(StoredHeadline::id).containsExactly(1L, 2L, 3L, 4L);
        assertThat(StoryLines.fold(list)).hasSize(3);
        assertThat(StoryLines.moreSources(3)).isEqualTo("+৩টি সূত্র");
    }
}
