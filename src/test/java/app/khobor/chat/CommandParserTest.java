package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.chat.CommandParser.Command;
import app.khobor.chat.CommandParser.ForAnotherBot;
import app.khobor.chat.CommandParser.PlainText;
import org.junit.jupiter.api.Test;

class CommandParserTest {
    CommandParser parser = new CommandParser(() -> "KhoborBot");

    @Test
    void a_bare_command_has_no_arguments() {
        assertThat(parser.parse("/start")).isEqualTo(new Command("start", "", false));
    }

    @Test
    void names_are_case_insensitive_and_arguments_trimmed() {
        assertThat(parser.parse("  /SeArCh   ঢাকা  বন্যা ")).isEqualTo(new Command("search", "ঢাকা  বন্যা", false));
    }

    @Test
    void a_command_for_us_by_name_is_a_command_whatever_the_case() {
        assertThat(parser.parse("/latest@khoborbot 5")).isEqualTo(new Command("latest", "5", true));
    }

    @Test
    void a_command_for_another_bot_is_recognised() {
        assertThat(parser.parse("/start@OtherBot")).isInstanceOf(ForAnotherBot.class);
    }

    @Test
    void arguments_may_follow_a_newline() {
        assertThat(parser.parse("/follow\nবন্যা")).isEqualTo(new Command("follow", "বন্যা", false));
    }

    @Test
    void text_without_a_leading_slash_or_a_lone_slash_is_plain() {
        assertThat(parser.parse("hello /start")).isInstanceOf(PlainText.class);
        assertThat(parser.parse("/")).isInstanceOf(PlainText.class);
        assertThat(parser.parse(null)).isInstanceOf(PlainText.class);
    }

    @Test
    void addressed_commands_are_left_alone_until_the_bot_knows_its_name() {
        CommandParser early = new CommandParser(() -> null);

        assertThat(early.parse("/start@KhoborBot")).isInstanceOf(ForAnotherBot.class);
        assertThat(early.parse("/start")).isEqualTo(new Command("start", "", false));
    }
}
