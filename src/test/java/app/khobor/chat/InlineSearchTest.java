package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.delivery.BotApi;
import app.khobor.delivery.InlineAnswer;
import app.khobor.delivery.Keyboard;
import app.khobor.delivery.OutgoingMessage;
import app.khobor.delivery.SendResult;
import app.khobor.fakes.FakeClock;
import app.khobor.text.Vocabulary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inline mode's pages and its refusals, without Telegram (the end to end is in SearchEndToEndTest). */
class InlineSearchTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2026-08-13T04:24:00Z"));
    private final InMemoryHeadlines headlines = new InMemoryHeadlines();
    private final List<InlineAnswer> answers = new ArrayList<>();
    private final List<Incoming> passedOn = new ArrayList<>();
    private final InlineSearch inline = new InlineSearch(passedOn::add, headlines,
            new HeadlineFormat(CommandsFixture.SOURCES, clock), () -> Vocabulary.fromTitles(List.of()), new Answers());

    @Test
    void nothing_typed_pages_through_the_newest_headlines_and_stops_at_two_hundred() {
        for (int i = 1; i <= 260; i++) {
            headlines.add("prothomalo", "খবর " + i, "https://x.test/" + i, clock.instant().plusSeconds(i));
        }

        List<String> offsets = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        String offset = "";
        do {
            InlineAnswer answer = ask("", offset);
            answer.articles().forEach(a -> titles.add(a.title()));
            offset = answer.nextOffset();
            offsets.add(offset);
        } while (!offset.isEmpty());

        assertThat(offsets).containsExactly("50", "100", "150", "");
        assertThat(titles).hasSize(200).doesNotHaveDuplicates().startsWith("খবর 260", "খবর 259");
    }

    @Test
    void an_offset_the_bot_never_gave_starts_over() {
        for (int i = 1; i <= 60; i++) {
            headlines.add("prothomalo", "ঢাকা " + i, "https://x.test/" + i, clock.instant().plusSeconds(i));
        }

        for (String forged : List.of("abc", "-5", "9999999", "৫০")) {
            assertThat(ask("ঢাকা", forged).articles()).as(forged).hasSize(50)
                    .first().extracting(InlineAnswer.Article::title).isEqualTo("ঢাকা 60");
        }
        assertThat(ask("ঢাকা", "55").articles()).extracting(InlineAnswer.Article::title)
                .containsExactly("ঢাকা 5", "ঢাকা 4", "ঢাকা 3", "ঢাকা 2", "ঢাকা 1");
    }

    @Test
    void a_query_too_long_is_explained_and_other_updates_pass_on() {
        assertThat(ask("ক".repeat(201), "").articles()).singleElement()
                .extracting(InlineAnswer.Article::description).isEqualTo(InlineSearch.TOO_LONG);

        Incoming text = new Incoming.Text(1, ChatKind.PRIVATE, 1, "/help");
        inline.handle(text);
        assertThat(passedOn).containsExactly(text);
    }

    private InlineAnswer ask(String query, String offset) {
        inline.handle(new Incoming.InlineQuery(5, "q" + answers.size(), query, offset));
        return answers.get(answers.size() - 1);
    }

    private final class Answers implements BotApi {
        @Override
        public SendResult answerInline(InlineAnswer answer) {
            answers.add(answer);
            return new SendResult.Sent(0);
        }

        @Override
        public SendResult send(OutgoingMessage message, boolean paidBroadcast) {
            throw new AssertionError("inline search sends no messages");
        }

        @Override
        public SendResult sendPlain(long chatId, String text) {
            throw new AssertionError("inline search sends no messages");
        }

        @Override
        public SendResult edit(long chatId, long messageId, String html, Keyboard keyboard) {
            throw new AssertionError("inline search edits nothing");
        }

        @Override
        public SendResult editPush(long chatId, long messageId, String html, boolean linkPreview) {
            throw new AssertionError("inline search edits nothing");
        }

        @Override
        public SendResult answerCallback(String callbackId, String text) {
            throw new AssertionError("inline search answers no buttons");
        }

        @Override
        public SendResult answerCallback(String callbackId, String text, boolean alert) {
            throw new AssertionError("inline search answers no buttons");
        }
    }
}
