package app.khobor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
    @Test
    void plain_text_drops_tags_and_decodes_entities() {
        assertThat(PlainText.of("<b>খবর</b> &amp; <a href=\"x\">A &lt;B&gt;</a> &quot;q&quot; &#2453;&#x995;"))
                .isEqualTo("খবর & A <B> \"q\" কক");
    }

    @Test
    void repeated_too_many_requests_for_one_chat_do_not_lower_the_rate() {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        AdaptiveRate rate = new AdaptiveRate(30);
        for (int i = 0; i < 10; i++) {
            assertThat(rate.onTooManyRequests(7, t.plusMillis(100L * i))).isEqualTo(30);
        }
    }
}
