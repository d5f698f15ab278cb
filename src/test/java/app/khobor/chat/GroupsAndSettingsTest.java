package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.delivery.PushStyle;
import app.khobor.text.BanglaCalendar;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only a group's admins change what it gets; /settings is kept per chat and refuses data it did not offer. */
class GroupsAndSettingsTest extends CommandsOnBothEnginesTestBase {
    private static final long GROUP = -100_777;

    @Test
    void a_member_cannot_stop_the_group_but_may_read_and_an_admin_can_stop_it() {
        f.sayInGroup(GROUP, "/start"); // user 1 is an admin
        f.replies.clear();

        f.sayInGroupAs(GROUP, 2, "/stop");
        f.sayInGroupAs(GROUP, 2, "/follow \u09A2\u09BE\u0995\u09BE");
        f.sayInGroupAs(GROUP, 2, "/help");

        assertThat(f.sent()).extracting(m -> m.html())
                .containsExactly(Messages.GROUP_ADMINS_ONLY, Messages.GROUP_ADMINS_ONLY, Messages.forGroup(Messages.HELP));
        assertThat(f.sent()).allSatisfy(m -> assertThat(m.replyTo()).as("threaded under the command").isEqualTo(500));
        assertThat(f.store.find(GROUP).receivesPushes()).isTrue();
        assertThat(f.store.keywords(GROUP)).isEmpty();

        f.replies.clear();
        f.sayInGroup(GROUP, "/stop");
        assertThat(f.replies.lastHtml()).contains("\u098F\u0987 \u0997\u09CD\u09B0\u09C1\u09AA\u09C7\u09B0"); // এই গ্রুপের
        assertThat(f.store.find(GROUP).receivesPushes()).isFalse();
    }

    @Test
    void a_members_settings_press_is_refused_with_an_alert() {
        f.sayInGroup(GROUP, "/settings");
        String data = "set:zone:in";

        f.commands.handle(new Incoming.Button(GROUP, ChatKind.SUPERGROUP, 7, 2, "cb", data,
                List.of("set:zone:bd", data, "set:preview:on", "set:quiet:on")));

        assertThat(f.replies.alerts).containsExactly(Messages.GROUP_ADMINS_ONLY);
        assertThat(f.replies.edits).isEmpty();
        assertThat(f.settings.of(GROUP).zone()).isEqualTo(BanglaCalendar.ZONE);
    }

    @Test
    void settings_change_in_place_and_forged_or_foreign_data_gets_an_alert() {
        f.ask(5, "/start");
        List<String> shown = List.of("set:zone:bd", "set:zone:in", "set:preview:on", "set:quiet:on");

        press(5, "set:zone:in", shown);
        press(5, "set:quiet:on", shown);
        press(5, "set:zone:../../etc", shown);
        press(5, "set:zone:in", List.of("src:prothomalo", "set:zone:in")); // not a settings keyboard
        press(5, "set:preview:on", List.of("set:zone:bd")); // not shown there

        assertThat(f.replies.edits).hasSize(2);
        assertThat(f.replies.alerts).containsExactly(Messages.STALE_SETTINGS, Messages.STALE_SETTINGS, Messages.STALE_SETTINGS);
        ChatSettings saved = f.settings.of(5);
        assertThat(saved).isEqualTo(new ChatSettings(BanglaCalendar.INDIA, false, true));
        assertThat(new ChatSettingsStore(f.db).of(5)).as("kept in the database").isEqualTo(saved);
    }

    @Test
    void hourly_batches_begin_at_the_full_hours_of_the_chats_zone_and_apply_to_what_is_queued() {
        f.ask(9, "/start");
        press(9, "set:hourly:on", List.of("set:hourly:on"));
        Instant now = Instant.parse("2026-08-13T05:10:00Z"); // 11:10 in Dhaka, 10:40 in Kolkata

        PushStyle dhaka = f.settings.of(9, now);
        press(9, "set:zone:in", List.of("set:zone:in"));
        PushStyle kolkata = f.settings.of(9, now);
        press(9, "set:hourly:off", List.of("set:hourly:off"));

        assertThat(dhaka.dueBefore()).isEqualTo(Instant.parse("2026-08-13T05:00:00Z"));
        assertThat(dhaka.heldUntil()).isEqualTo(Instant.parse("2026-08-13T06:00:00Z"));
        assertThat(kolkata.dueBefore()).isEqualTo(Instant.parse("2026-08-13T04:30:00Z"));
        assertThat(kolkata.heldUntil()).isEqualTo(Instant.parse("2026-08-13T05:30:00Z"));
        assertThat(f.settings.of(9, now).batched()).isFalse();
    }

    @Test
    void twice_daily_and_held_quiet_hours_are_kept_and_forged_or_stale_presses_get_an_alert() {
        f.ask(11, "/start");
        List<String> shown = List.of("set:quiet:on", "set:hourly:on", "set:twice:7", "set:twice:8", "set:twice:9");

        press(11, "set:twice:8", shown);
        press(11, "set:twice:10", List.of("set:twice:10")); // forged: no such choice
        press(11, "set:twice:", List.of("set:twice:"));
        press(11, "set:quiet:hold", shown); // stale: the keyboard did not show it
        press(11, "set:quiet:on", shown);
        press(11, "set:quiet:hold", List.of("set:quiet:silent", "set:quiet:hold"));

        assertThat(f.replies.alerts).containsExactly(Messages.STALE_SETTINGS, Messages.STALE_SETTINGS,
                Messages.STALE_SETTINGS);
        ChatSettings saved = new ChatSettingsStore(f.db).of(11);
        assertThat(saved.twiceAt()).isEqualTo(8);
        assertThat(saved.quiet()).isTrue();
        assertThat(saved.quietHold()).isTrue();
        RecordingReplies.Edit last = f.replies.edits.get(f.replies.edits.size() - 1);
        assertThat(last.html()).contains("\u09E6\u09EE:\u09E6\u09E6"); // ০৮:০০
        assertThat(last.keyboard().rows()).flatExtracting(r -> r).extracting(b -> b.callbackData())
                .contains("set:quiet:silent", "set:quiet:hold", "set:twice:off")
                .allSatisfy(d -> assertThat(d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64));

        Instant night = Instant.parse("2026-08-13T20:00:00Z"); // 02:00 in Dhaka
        PushStyle style = f.settings.of(11, night);
        assertThat(style.dueBefore()).as("the last slot, 20:00 Dhaka").isEqualTo(Instant.parse("2026-08-13T14:00:00Z"));
        assertThat(style.heldUntil()).isEqualTo(Instant.parse("2026-08-14T02:00:00Z"));

        press(11, "set:hourly:on", List.of("set:hourly:on"));
        assertThat(f.settings.of(11).twiceAt()).as("hourly replaces twice-daily").isZero();
        assertThat(f.settings.of(11).hourly()).isTrue();
        press(11, "set:twice:9", List.of("set:twice:9"));
        assertThat(f.settings.of(11).hourly()).isFalse();
        press(11, "set:twice:off", List.of("set:twice:off"));
        assertThat(f.settings.of(11).twiceAt()).isZero();
        assertThat(f.settings.of(11).hourly()).isFalse();
    }

    @Test
    void held_quiet_hours_and_twice_daily_move_with_a_group_that_became_a_supergroup() {
        f.sayInGroup(-301, "/start");
        press(-301, "set:twice:7", List.of("set:twice:7"));
        press(-301, "set:quiet:on", List.of("set:quiet:on"));
        press(-301, "set:quiet:hold", List.of("set:quiet:hold"));

        f.store.migrate(-301, -1_000_000_000_301L);

        ChatSettings moved = new ChatSettingsStore(f.db).of(-1_000_000_000_301L);
        assertThat(moved.twiceAt()).isEqualTo(7);
        assertThat(moved.quietHold()).isTrue();
    }

    @Test
    void stories_once_every_copy_or_top_stories_at_k_portals_are_kept_per_chat_and_move_with_the_group() {
        f.sayInGroup(-302, "/start");
        assertThat(f.settings.of(-302).stories()).as("the default").isEqualTo(StoryChoice.ONCE);
        f.replies.clear();
        pressInGroup(-302, 1, "set:story:top", List.of("set:story:once", "set:story:all", "set:story:top"));
        assertThat(f.replies.edits.get(0).toString()).contains("set:top:4").contains("\u09E9+ \u09B8\u09C2\u09A4\u09CD\u09B0");
        pressInGroup(-302, 1, "set:top:4", List.of("set:story:top", "set:top:3", "set:top:4"));
        pressInGroup(-302, 2, "set:story:all", List.of("set:story:once", "set:story:all")); // a member: refused

        assertThat(f.replies.alerts).containsExactly(Messages.GROUP_ADMINS_ONLY);
        assertThat(f.settings.of(-302).stories()).isEqualTo(StoryChoice.TOP);
        assertThat(f.settings.of(-302).topPortals()).isEqualTo(4);
        assertThat(Messages.settings(f.settings.of(-302))).contains("\u09EA\u099F\u09BF \u09B8\u09C2\u09A4\u09CD\u09B0\u09C7"); // ৪টি সূত্রে

        pressInGroup(-302, 1, "set:story:all", List.of("set:story:once", "set:story:all"));
        f.store.migrate(-302, -1_000_000_000_302L);
        assertThat(new ChatSettingsStore(f.db).of(-1_000_000_000_302L).stories()).isEqualTo(StoryChoice.EVERY_COPY);
    }

    @Test
    void settings_move_with_a_group_that_became_a_supergroup() {
        f.sayInGroup(-300, "/start");
        press(-300, "set:zone:in", List.of("set:zone:bd", "set:zone:in"));

        f.store.migrate(-300, -1_000_000_000_300L);

        assertThat(new ChatSettingsStore(f.db).of(-1_000_000_000_300L).zone()).isEqualTo(BanglaCalendar.INDIA);
    }

    @Test
    void latest_and_search_with_every_source_off_warn_instead_of_showing_nothing() {
        f.headlines.add("prothomalo", "\u09A2\u09BE\u0995\u09BE", "https://x.test/1", f.clock.instant());
        f.store.register(8, ChatKind.PRIVATE);
        f.store.setSourceEnabled(8, "prothomalo", false);
        f.store.setSourceEnabled(8, "samakal", false);

        assertThat(f.ask(8, "/latest")).isEqualTo(Messages.ALL_SOURCES_OFF);
        assertThat(f.ask(8, "/search \u09A2\u09BE\u0995\u09BE")).isEqualTo(Messages.ALL_SOURCES_OFF);
    }

    private void pressInGroup(long group, long user, String data, List<String> shown) {
        f.commands.handle(new Incoming.Button(group, ChatKind.SUPERGROUP, 3, user, "cb-" + data, data, shown));
    }

    private void press(long chat, String data, List<String> shown) {
        f.commands.handle(new Incoming.Button(chat, ChatKind.PRIVATE, 3, chat, "cb-" + data, data, shown));
    }
}
