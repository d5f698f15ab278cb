package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.fakes.TelegramHtml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Telegram's 4096 counts the text after entity parsing: long links do not count, so a long-linked list stays whole. */
class VisibleLengthTest {
    @Test
    void tags_and_their_urls_do_not_count_and_an_entity_counts_once() throws Exception {
        String html = "<b><a href=\"https://x.test/%E0%A6%A2%E0%A6%BE\">a &amp; b</a></b>";

        assertThat(HtmlText.visibleLength(html)).isEqualTo(5).isEqualTo(TelegramHtml.toPlainText(html).length());
    }

    @Test
    void a_list_longer_than_4096_as_html_but_not_as_text_is_one_part() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(i + ". <a href=\"https://x.test/" + "%E0%A6%A2".repeat(100) + i + "\">title " + i + "</a>");
        }
        String html = String.join("\n", lines);
        assertThat(html.length()).isGreaterThan(4096);

        assertThat(HtmlText.split(html)).containsExactly(html);
    }

    @Test
    void a_text_longer_than_4096_as_text_is_still_split() {
        String line = "\u0995".repeat(1000);
        String html = String.join("\n", line, line, line, line, line);

        List<String> parts = HtmlText.split(html);

        assertThat(parts).hasSize(2);
        parts.forEach(p -> assertThat(HtmlText.visibleLength(p)).isLessThanOrEqualTo(HtmlText.MESSAGE_LIMIT));
    }
}
