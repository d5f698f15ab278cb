package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /sources → বিভাগ: a portal's sections, toggled per chat, and the checks on their buttons. */
class SectionChoicesTest extends CommandsOnBothEnginesTestBase {
    static final String SPORTS = "\u0996\u09C7\u09B2\u09BE"; // খেলা
    static final String WORLD = "\u09AC\u09BF\u09B6\u09CD\u09AC"; // বিশ্ব
    static final String POLITICS = "\u09B0\u09BE\u099C\u09A8\u09C0\u09A4\u09BF"; // রাজনীতি
    /** A Bengali category as a feed gives it: shown as stored. */
    static final String CAMPUS = "\u0995\u09CD\u09AF\u09BE\u09AE\u09CD\u09AA\u09BE\u09B8"; // ক্যাম্পাস
    static final List<String> SECTIONS_KEYBOARD = List.of("sec:prothomalo:sports", "sec:prothomalo:world",
            "sec:prothomalo:politics", "sec:prothomalo:" + CAMPUS, "sec*prothomalo", "sec<");

    @BeforeEach
    void prothomAloHasSections() {
        for (int i = 0; i < 3; i++) {
            f.headlines.add("prothomalo", "s" + i, "https://p.test/sports/" + i, f.clock.instant(), "sports");
        }
        f.headlines.add("prothomalo", "w1", "https://p.test/world/1", f.clock.instant(), "world");
        f.headlines.add("prothomalo", "w2", "https://p.test/world/2", f.clock.instant(), "world");
        f.headlines.add("prothomalo", "p1", "https://p.test/politics/1", f.clock.instant(), "politics");
        f.headlines.add("prothomalo", "c1", "https://p.test/c/1", f.clock.instant(), CAMPUS);
        f.headlines.add("prothomalo", "old", "https://p.test/opinion/1", f.clock.instant().minus(Duration.ofDays(8)), "opinion");
    }

    Keyboard sourcesKeyboard() {
        f.replies.clear();
        f.say(1, "/sources");
        return f.sent().get(0).keyboard();
    }

    void pressOn(String data, List<String> shown) {
        f.commands.handle(new Incoming.Button(1, ChatKind.PRIVATE, 555, 1, "cb-1", data, shown));
    }

    static List<String> data(Keyboard k) {
        return SourceChoicesTest.buttons(k).stream().map(Button::callbackData).toList();
    }

    @Test
    void a_portal_with_sections_gets_a_second_button_others_keep_one() {
        Keyboard k = sourcesKeyboard();

        assertThat(k.rows().get(0)).extracting(Button::text).containsExactly("✅ " + CommandsFixture.PROTHOM_ALO, Messages.SECTIONS_BUTTON);
        assertThat(k.rows().get(0)).extracting(Button::callbackData).containsExactly("src:prothomalo", "sec>prothomalo");
        assertThat(k.rows().get(1)).extracting(Button::callbackData).containsExactly("src:samakal");
    }

    @Test
    void the_sections_button_edits_the_message_to_the_recent_most_common_sections_in_bengali() {
        pressOn("sec>prothomalo", data(sourcesKeyboard()));

        RecordingReplies.Edit edit = f.replies.edits.get(0);
        assertThat(edit.messageId()).isEqualTo(555);
        assertThat(edit.html()).startsWith(CommandsFixture.PROTHOM_ALO);
        assertThat(data(edit.keyboard())).as("most common first; the 8-day-old opinion is not recent")
                .containsExactlyElementsOf(SECTIONS_KEYBOARD);
        assertThat(SourceChoicesTest.buttons(edit.keyboard())).extracting(Button::text).containsExactly(
                "▫️ " + SPORTS, "▫️ " + WORLD, "▫️ " + POLITICS, "▫️ " + CAMPUS,
                "✅ " + Messages.ALL_SECTIONS, Messages.BACK_TO_SOURCES);
        assertThat(SourceChoicesTest.buttons(edit.keyboard())).allSatisfy(b ->
                assertThat(b.callbackData().getBytes(StandardCharsets.UTF_8).length).isBetween(1, 64));
    }

    @Test
    void choosing_sections_narrows_the_portal_and_all_sections_widens_it_again() {
        pressOn("sec:prothomalo:sports", SECTIONS_KEYBOARD);

        assertThat(f.store.chosenSections(1)).isEqualTo(Map.of("prothomalo", Set.of("sports")));
        assertThat(SourceChoicesTest.buttons(f.replies.edits.get(0).keyboard())).extracting(Button::text)
                .contains("✅ " + SPORTS, "▫️ " + WORLD, "▫️ " + Messages.ALL_SECTIONS);
        assertThat(f.replies.callbackAnswers).extracting(RecordingReplies.CallbackAnswer::text)
                .containsExactly(Messages.sourceToggled(SPORTS, true));

        pressOn("sec:prothomalo:world", SECTIONS_KEYBOARD);
        assertThat(f.store.chosenSections(1).get("prothomalo")).containsExactlyInAnyOrder("sports", "world");
        pressOn("sec:prothomalo:sports", SECTIONS_KEYBOARD);
        assertThat(f.store.chosenSections(1).get("prothomalo")).containsExactly("world");
        assertThat(f.ask(1, "/latest")).contains("w1", "w2").doesNotContain("s0", "p1");

        pressOn("sec*prothomalo", SECTIONS_KEYBOARD);
        assertThat(f.store.chosenSections(1)).isEmpty();
        assertThat(f.ask(1, "/latest")).contains("s0", "w1", "p1", "c1");
    }

    @Test
    void back_shows_the_sources_keyboard_again() {
        pressOn("sec<", SECTIONS_KEYBOARD);

        assertThat(f.replies.edits.get(0).html()).isEqualTo(Messages.SOURCES_HEADER);
        assertThat(data(f.replies.edits.get(0).keyboard())).contains("src:prothomalo", "sec>prothomalo", "src:samakal");
    }

    @Test
    void forged_or_stale_section_buttons_get_an_alert_and_change_nothing() {
        pressOn("sec:prothomalo:sports", List.of()); // a headline or an old message
        pressOn("sec:prothomalo:sports", List.of("sec:prothomalo:world", "sec*prothomalo", "sec<")); // not shown there
        pressOn("sec:prothomalo:sports", List.of("src:prothomalo", "sec:prothomalo:sports")); // on a sources keyboard
        pressOn("sec:retired:sports", List.of("sec:retired:sports", "sec<")); // a source not offered
        pressOn("sec>prothomalo", SECTIONS_KEYBOARD); // opening is for the sources keyboard
        pressOn("sec<", List.of("src:prothomalo", "sec<"));
        pressOn("sec:prothomalo", List.of("sec:prothomalo", "sec<")); // malformed

        assertThat(f.store.chosenSections(1)).isEmpty();
        assertThat(f.replies.edits).isEmpty();
        assertThat(f.replies.callbackAnswers).extracting(RecordingReplies.CallbackAnswer::text)
                .hasSize(7).containsOnly(Messages.STALE_BUTTON);
    }

    @Test
    void in_a_group_only_admins_change_sections() {
        long group = -100_500;
        f.admins.admin(group, 1);
        f.commands.handle(new Incoming.Button(group, ChatKind.SUPERGROUP, 555, 2, "cb-m", "sec:prothomalo:sports", SECTIONS_KEYBOARD));
        assertThat(f.store.chosenSections(group)).isEmpty();
        assertThat(f.replies.callbackAnswers).extracting(RecordingReplies.CallbackAnswer::text)
                .containsExactly(Messages.GROUP_ADMINS_ONLY);

        f.commands.handle(new Incoming.Button(group, ChatKind.SUPERGROUP, 555, 1, "cb-a", "sec:prothomalo:sports", SECTIONS_KEYBOARD));
        assertThat(f.store.chosenSections(group)).isEqualTo(Map.of("prothomalo", Set.of("sports")));
    }

    @Test
    void english_url_words_read_in_bengali_and_two_alike_are_told_apart() {
        assertThat(SectionNames.label("sports")).isEqualTo(SPORTS);
        assertThat(SectionNames.label("Politics")).isEqualTo(POLITICS);
        assertThat(SectionNames.label("durpur")).isEqualTo("durpur");
        assertThat(SectionNames.labels(List.of("world", "international", "sports")))
                .containsEntry("world", WORLD + " (world)").containsEntry("international", WORLD + " (international)")
                .containsEntry("sports", SPORTS);
    }
}
