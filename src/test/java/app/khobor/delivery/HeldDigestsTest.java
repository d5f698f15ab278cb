package app.khobor.delivery;

import static app.khobor.delivery.Fixture.group;
import static app.khobor.delivery.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.chat.ChatKind;
import app.khobor.chat.ChatSettingsStore;
import app.khobor.chat.ChatStore;
import app.khobor.config.RateLimitSettings;
import app.khobor.db.Engine;
import app.khobor.fakes.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Twice-daily digests and quiet hours that hold, on the real chat_settings rows (V9) read by {@link ChatSettingsStore}:
 * one digest per slot, nothing between, and a push held by the chat's own schedule is not stale while held (maxAge is
 * 6 hours; the holds here are longer). After an outage longer than maxAge past its release it is dropped as before.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class HeldDigestsTest {
    @Parameter
    Engine engine;

    private static final Duration STEP = Duration.ofMinutes(1);
    private static final long TWICE = 1;
    private static final long INSTANT = 2;
    private static final long HOLD = 3;

    @TempDir
    Path dir;

    /** Delivery asks the chat package's store, as in production; the store needs the fixture's database. */
    private static final class LateStyles implements PushStyles {
        volatile PushStyles store = PushStyles.DEFAULT;

        @Override
        public PushStyle of(long chatId, Instant now) {
            return store.of(chatId, now);
        }

        @Override
        public Instant releaseOf(long chatId, Instant enqueuedAt) {
            return store.releaseOf(chatId, enqueuedAt);
        }
    }

    private final LateStyles styles = new LateStyles();

    private Fixture fixture(Instant start) {
        Fixture f = new Fixture(dir, engine, Fixture.settings(), new FakeClock(start), null, styles);
        ChatStore chats = ChatStore.create(f.db, f.clock);
        for (long id : List.of(TWICE, INSTANT, HOLD)) {
            chats.register(id, ChatKind.PRIVATE);
        }
        f.db.transaction(c -> app.khobor.db.Statements.update(c, """
                INSERT INTO chat_settings(chat_id, zone, twice_at) VALUES (?, 'Asia/Kolkata', 8)""", TWICE));
        f.db.transaction(c -> app.khobor.db.Statements.update(c, """
                INSERT INTO chat_settings(chat_id, zone, quiet, quiet_hold) VALUES (?, 'Asia/Dhaka', 1, 1)""", HOLD));
        styles.store = new ChatSettingsStore(f.db);
        return f;
    }

    @Test
    void twice_daily_at_8_and_20_india_time_sends_one_digest_per_slot_and_nothing_between() {
        // 06:00 UTC is 11:30 in Kolkata; the slots are 14:30 and 02:30 UTC.
        try (Fixture f = fixture(Fixture.START)) {
            f.start();
            f.publish("h1", user(TWICE), user(INSTANT));
            f.publish("h2", user(TWICE), user(INSTANT));
            f.run(Duration.ofMinutes(5), STEP);
            assertThat(f.textsTo(INSTANT)).containsExactly("<b>H</b> h1", "<b>H</b> h2");

            f.run(Duration.ofHours(8).plusMinutes(23), STEP); // to 14:28 UTC, 19:58 in Kolkata
            assertThat(f.textsTo(TWICE)).as("held for 20:00, longer than maxAge (6 h), and not dropped").isEmpty();
            assertThat(f.outbox.counts().stale()).isZero();

            f.run(Duration.ofMinutes(4), STEP); // to 20:02
            assertThat(f.textsTo(TWICE)).containsExactly("D h1 h2");
            assertThat(f.api.callsTo(TWICE).get(0).at()).isAfterOrEqualTo(Instant.parse("2026-11-01T14:30:00Z"));

            f.publish("h3", user(TWICE));
            f.publish("h4", user(TWICE));
            f.run(Duration.ofHours(11).plusMinutes(50), STEP); // to 07:52 the next morning
            assertThat(f.textsTo(TWICE)).as("nothing between the slots").hasSize(1);
            f.run(Duration.ofMinutes(10), STEP); // to 08:02
            assertThat(f.textsTo(TWICE)).containsExactly("D h1 h2", "D h3 h4");
            assertThat(f.outbox.counts().pending()).isZero();
            assertThat(f.outbox.counts().stale()).isZero();
        }
    }

    @Test
    void quiet_hours_that_hold_send_one_digest_at_7_with_everything_held_and_nothing_in_the_night() {
        // Dhaka's quiet hours, 23:00-07:00, are 17:00-01:00 UTC.
        try (Fixture f = fixture(Instant.parse("2026-11-01T16:50:00Z"))) {
            f.start();
            f.publish("evening", user(HOLD));
            f.run(Duration.ofMinutes(15), STEP); // to 23:05
            assertThat(f.textsTo(HOLD)).containsExactly("<b>H</b> evening");

            f.publish("n1", user(HOLD));
            f.publish("n2", user(HOLD));
            f.run(Duration.ofHours(4), STEP);
            f.publish("n3", user(HOLD));
            f.run(Duration.ofHours(3).plusMinutes(50), STEP); // to 06:55, 7 h 50 min after n1
            assertThat(f.textsTo(HOLD)).as("nothing during the night").hasSize(1);
            assertThat(f.outbox.counts().stale()).isZero();

            f.run(Duration.ofMinutes(7), STEP); // to 07:02
            assertThat(f.textsTo(HOLD)).containsExactly("<b>H</b> evening", "D n1 n2 n3");

            f.publish("day", user(HOLD));
            f.run(Duration.ofMinutes(2), STEP);
            assertThat(f.textsTo(HOLD)).as("after the quiet hours, instant again").endsWith("<b>H</b> day");
        }
    }

    @Test
    void after_an_outage_a_held_push_is_stale_only_max_age_past_its_release() {
        try (Fixture f = fixture(Fixture.START)) {
            f.publish("h1", user(TWICE), user(INSTANT)); // queued while the bot is down
            f.clock.advance(Duration.ofHours(13)); // 19:00 UTC: 4.5 h past TWICE's 14:30 release, 13 h after enqueue
            f.start();
            f.run(Duration.ofMinutes(3), STEP);

            assertThat(f.textsTo(TWICE)).containsExactly("<b>H</b> h1");
            assertThat(f.textsTo(INSTANT)).as("instant: released when queued, 13 h ago").isEmpty();
            assertThat(f.outbox.counts().stale()).isEqualTo(1);
        }
    }

    @Test
    void an_outage_longer_than_max_age_past_release_drops_the_held_push() {
        try (Fixture f = fixture(Fixture.START)) {
            f.publish("h1", user(TWICE));
            f.clock.advance(Duration.ofHours(14).plusMinutes(31)); // 6 h 1 min past the 14:30 release
            f.start();
            f.run(Duration.ofMinutes(3), STEP);

            assertThat(f.textsTo(TWICE)).isEmpty();
            assertThat(f.outbox.counts().stale()).isEqualTo(1);
            assertThat(f.outbox.counts().pending()).isZero();
        }
    }

    @Test
    void a_group_gets_at_most_its_per_minute_limit_and_more_becomes_a_digest() {
        long chat = -500;
        try (Fixture f = new Fixture(dir, engine, Fixture.settings(), new FakeClock(Fixture.START))) {
            f.start();
            for (int i = 0; i < 90; i++) {
                f.publish("g" + i, group(chat));
                f.run(Duration.ofSeconds(2), Duration.ofSeconds(1));
            }
            f.run(Duration.ofMinutes(3), Duration.ofSeconds(1));

            List<RecordingBotApi.Call> calls = f.api.callsTo(chat);
            RateLimitSettings limits = RateLimitSettings.TELEGRAM_DEFAULTS;
            assertThat(Limits.violations(calls, limits.perChatPerSecond(), limits.perGroupPerMinute(),
                    limits.globalPerSecond())).isZero();
            assertThat(Limits.over(calls.stream().map(RecordingBotApi.Call::at).toList(), Duration.ofMinutes(1),
                    limits.perGroupPerMinute())).isZero();
            assertThat(f.textsTo(chat)).as("the excess went as digests").anyMatch(t -> t.startsWith("D "));
            assertThat(calls.size()).isLessThan(90);
            assertThat(f.outbox.counts().delivered()).isEqualTo(90);
            assertThat(f.outbox.counts().pending()).isZero();
        }
    }

    @Test
    void a_chat_that_switches_its_twice_daily_digest_back_to_at_once_gets_what_waited_now_not_at_the_slot() {
        try (Fixture f = fixture(Fixture.START)) {
            f.start();
            f.publish("h1", user(TWICE));
            f.publish("h2", user(TWICE));
            f.run(Duration.ofMinutes(5), STEP);
            assertThat(f.textsTo(TWICE)).as("held for the 20:00 digest").isEmpty();

            f.db.transaction(c -> app.khobor.db.Statements.update(c,
                    "UPDATE chat_settings SET twice_at = 0 WHERE chat_id = ?", TWICE));
            styles.store = new ChatSettingsStore(f.db); // a fresh cache: what /settings saves, the store knows at once
            f.dispatcher.scheduleChanged(TWICE);
            f.run(Duration.ofMinutes(1), STEP);

            assertThat(f.textsTo(TWICE)).as("both, now, as an at-once chat gets them").containsExactly("<b>H</b> h1", "<b>H</b> h2");
        }
    }
}
