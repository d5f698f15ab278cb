package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.fakes.TelegramHtml;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void escape_turns_the_four_special_characters_into_entities() {
        assertThat(HtmlText.escape("a & b < c > d \"e\" 'f'")).isEqualTo("a &amp; b &lt; c &gt; d &quot;e&quot; 'f'");
        assertThat(HtmlText.escape(null)).isEmpty();
    }

    @Test
    void links_escape_the_url_and_refuse_non_http_schemes() {
        assertThat(HtmlText.link("https://x.test/a?b=1&c=\"2\"", "<T>"))
                .isEqualTo("<a href=\"https://x.test/a?b=1&amp;c=&quot;2&quot;\">&lt;T&gt;</a>");
        assertThat(HtmlText.link("javascript:alert(1)", "t")).isEqualTo("t");
    }

    @Test
    void a_ten_thousand_character_reply_splits_at_line_boundaries() {
        String line = "<b>" + "\u0996".repeat(90) + "</b> &amp; " + "x".repeat(5);
        String html = IntStream.range(0, 100).mapToObj(i -> i + " " + line).collect(Collectors.joining("\n"));
        assertThat(html.length()).isGreaterThan(10_000);

        List<String> parts = HtmlText.split(html);

        assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
        parts.forEach(TelegramHtml::requireValid);
        assertThat(String.join("\n", parts)).isEqualTo(html);
    }

    @Test
    void one_overlong_line_is_cut_outside_tags_and_entities_and_tags_are_reopened() {
        String html = "<b><a href=\"https://x.test/?a=1&amp;b=2\">" + "&amp;\u0995".repeat(2500) + "</a></b>";

        List<String> parts = HtmlText.split(html, 4096);

        assertThat(parts).hasSizeGreaterThan(1);
        parts.forEach(TelegramHtml::requireValid);
        String text = parts.stream().map(p -> p.replaceAll("<[^>]+>", "")).collect(Collectors.joining());
        assertThat(text).isEqualTo("&amp;\u0995".repeat(2500));
    }

    @Test
    void surrogate_pairs_are_never_cut() {
        String html = "\uD83D\uDCF0".repeat(3000);

        List<String> parts = HtmlText.split(html, 4096);

        assertThat(parts).allSatisfy(p -> assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse());
        assertThat(String.join("", parts)).isEqualTo(html);
    }

    @Test
    void short_text_stays_one_message_and_blank_text_is_no_message() {
        assertThat(HtmlText.split("এক\n\nদুই")).containsExactly("এক\n\nদুই");
        assertThat(HtmlText.split("  \n ")).isEmpty();
    }

    @Test
    void matched_ranges_are_bold_and_everything_is_still_escaped() {
        String title = "ঢাকা & চট্টগ্রাম <সরাসরি>";
        var spans = java.util.List.of(new app.khobor.text.Highlights.Span(0, 4), new app.khobor.text.Highlights.Span(7, 16));
        assertThat(HtmlText.escapeWithBold(title, spans)).isEqualTo("<b>ঢাকা</b> &amp; <b>চট্টগ্রাম</b> &lt;সরাসরি&gt;");
        assertThat(HtmlText.link("https://x.test/?a=1&b=2", title, spans))
                .isEqualTo("<a href=\"https://x.test/?a=1&amp;b=2\"><b>ঢাকা</b> &amp; <b>চট্টগ্রাম</b> &lt;সরাসরি&gt;</a>");
    }

    @Test
    void bad_ranges_are_ignored_not_turned_into_broken_html() {
        var spans = java.util.List.of(new app.khobor.text.Highlights.Span(2, 1), new app.khobor.text.Highlights.Span(0, 99));
        assertThat(HtmlText.escapeWithBold("a<b", spans)).isEqualTo("a&lt;b");
    }
}
