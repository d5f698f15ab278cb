package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.fakes.AtOnce;
import app.khobor.fakes.FakeClock;
import app.khobor.fakes.RestartableDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
class ChatStoreTest {
    /** ঢাকায় with য় precomposed (U+09DF), and with য + nukta (U+09AF U+09BC). */
    static final String DHAKAY_PRECOMPOSED = "\u09A2\u09BE\u0995\u09BE\u09DF";
    static final String DHAKAY_DECOMPOSED = "\u09A2\u09BE\u0995\u09BE\u09AF\u09BC";

    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    Database db;
    RestartableDatabase database;
    FakeClock clock = new FakeClock(Instant.parse("2026-08-13T04:00:00Z"));
    ChatStore store;

    @BeforeEach
    void open() {
        database = new RestartableDatabase(engine, dir);
        db = database.db();
        store = ChatStore.create(db, clock);
    }

    @AfterEach
    void close() {
        if (database != null) { // null when the PostgreSQL run was skipped
            database.close();
        }
    }

    /** The database as a restarted process finds it (the old handle closed). */
    private Database reopened() {
        db = database.restart();
        return db;
    }


    @Test
    void first_contact_registers_an_unsubscribed_active_chat() {
        store.register(42, ChatKind.PRIVATE);

        assertThat(store.find(42)).isEqualTo(new Chat(42, ChatKind.PRIVATE, true, false, null));
        assertThat(store.counts()).isEqualTo(new ChatCounts(1, 0));
        assertThat(store.find(7)).isNull();
    }

    @Test
    void subscribe_sets_the_time_and_a_repeated_start_keeps_it() {
        store.subscribe(42, ChatKind.PRIVATE);
        Instant first = clock.instant();
        clock.advance(Duration.ofHours(1));
        store.subscribe(42, ChatKind.PRIVATE);

        assertThat(store.find(42).subscribedAt()).isEqualTo(first);
        assertThat(store.counts()).isEqualTo(new ChatCounts(1, 1, 1, 0, 0, 0));
    }

    @Test
    void stop_keeps_keywords_and_source_choices() {
        store.subscribe(42, ChatKind.PRIVATE);
        store.addKeyword(42, "নির্বাচন");
        store.setSourceEnabled(42, "prothomalo", false);

        assertThat(store.unsubscribe(42)).isTrue();
        assertThat(store.unsubscribe(42)).isFalse();

        assertThat(store.find(42).subscribed()).isFalse();
        assertThat(store.keywords(42)).containsExactly("নির্বাচন");
        assertThat(store.disabledSources(42)).containsExactly("prothomalo");
    }

    @Test
    void a_start_after_being_blocked_reactivates_with_a_new_time() {
        store.subscribe(42, ChatKind.PRIVATE);
        store.chatGone(42, "Forbidden: bot was blocked by the user");
        assertThat(store.find(42).receivesPushes()).isFalse();
        assertThat(store.counts().activeSubscribers()).isZero();

        clock.advance(Duration.ofDays(1));
        store.subscribe(42, ChatKind.PRIVATE);

        assertThat(store.find(42)).isEqualTo(new Chat(42, ChatKind.PRIVATE, true, true, clock.instant()));
    }

    @Test
    void keywords_are_unique_by_search_key_whatever_the_encoding() {
        store.register(42, ChatKind.PRIVATE);

        assertThat(store.addKeyword(42, DHAKAY_PRECOMPOSED)).isTrue();
        assertThat(store.addKeyword(42, DHAKAY_DECOMPOSED)).isFalse();
        assertThat(store.addKeyword(42, "<b>Dhaka</b>")).isTrue();

        assertThat(store.keywords(42)).containsExactly(DHAKAY_PRECOMPOSED, "<b>Dhaka</b>");
        assertThat(store.removeKeyword(42, DHAKAY_DECOMPOSED)).isTrue();
        assertThat(store.removeKeyword(42, DHAKAY_DECOMPOSED)).isFalse();
        assertThat(store.clearKeywords(42)).containsExactly("<b>Dhaka</b>");
        assertThat(store.keywords(42)).isEmpty();
    }

    @Test
    void source_choices_toggle_both_ways() {
        store.register(42, ChatKind.PRIVATE);
        store.setSourceEnabled(42, "samakal", false);
        store.setSourceEnabled(42, "jugantor", false);
        store.setSourceEnabled(42, "samakal", true);

        assertThat(store.disabledSources(42)).containsExactly("jugantor");
    }

    @Test
    void migration_moves_subscription_keywords_and_choices_to_the_new_id() {
        store.subscribe(-100, ChatKind.GROUP);
        Instant subscribed = clock.instant();
        store.addKeyword(-100, "বন্যা");
        store.setSourceEnabled(-100, "samakal", false);
        clock.advance(Duration.ofMinutes(5));

        store.chatMigrated(-100, -1001234567890L);

        assertThat(store.find(-100)).isNull();
        assertThat(store.find(-1001234567890L))
                .isEqualTo(new Chat(-1001234567890L, ChatKind.SUPERGROUP, true, true, subscribed));
        assertThat(store.keywords(-1001234567890L)).containsExactly("বন্যা");
        assertThat(store.disabledSources(-1001234567890L)).containsExactly("samakal");
        assertThat(store.keywords(-100)).isEmpty();
    }

    @Test
    void migration_onto_a_known_chat_merges_the_two() {
        store.subscribe(-100, ChatKind.GROUP);
        Instant oldSubscription = clock.instant();
        store.addKeyword(-100, "বন্যা");
        store.setSourceEnabled(-100, "samakal", false);
        store.setSourceEnabled(-100, "jugantor", false);
        clock.advance(Duration.ofMinutes(5));
        store.register(-1009, ChatKind.SUPERGROUP);
        store.addKeyword(-1009, "বৃষ্টি");
        store.addKeyword(-1009, "বন্যা");
        store.setSourceEnabled(-1009, "samakal", true);

        store.migrate(-100, -1009);

        assertThat(store.find(-1009)).isEqualTo(new Chat(-1009, ChatKind.SUPERGROUP, true, true, oldSubscription));
        assertThat(store.keywords(-1009)).containsExactlyInAnyOrder("বন্যা", "বৃষ্টি");
        assertThat(store.disabledSources(-1009)).containsExactly("jugantor");
        assertThat(store.counts()).isEqualTo(new ChatCounts(1, 1, 0, 1, 0, 0));
    }

    @Test
    void migrating_an_unknown_chat_changes_nothing() {
        store.migrate(-5, -6);

        assertThat(store.find(-6)).isNull();
    }

    @Test
    void subscribers_carry_kind_time_disabled_sources_and_keyword_words() {
        store.subscribe(1, ChatKind.PRIVATE);
        store.addKeyword(1, "শেখ হাসিনা");
        store.setSourceEnabled(1, "samakal", false);
        store.subscribe(-2, ChatKind.SUPERGROUP);
        store.register(3, ChatKind.PRIVATE);
        store.subscribe(4, ChatKind.PRIVATE);
        store.deactivate(4, "blocked");

        assertThat(store.subscribers()).containsExactlyInAnyOrder(
                new Subscriber(1, ChatKind.PRIVATE, clock.instant(), java.util.Set.of("samakal"),
                        java.util.List.of(Subscriber.rule("শেখ হাসিনা"))),
                new Subscriber(-2, ChatKind.SUPERGROUP, clock.instant(), java.util.Set.of(), java.util.List.of()));
    }

    @Test
    void version_moves_on_changes_that_matter_and_not_on_repeat_contact() {
        store.register(1, ChatKind.PRIVATE);
        long v = store.version();
        store.register(1, ChatKind.PRIVATE);
        assertThat(store.version()).isEqualTo(v);

        store.subscribe(1, ChatKind.PRIVATE);
        assertThat(store.version()).isGreaterThan(v);
    }

    @Test
    void data_survives_reopening_the_database() {
        store.subscribe(42, ChatKind.PRIVATE);
        store.addKeyword(42, "ঢাকা");
        ChatStore reopened = ChatStore.create(reopened(), clock);

        assertThat(reopened.find(42).receivesPushes()).isTrue();
        assertThat(reopened.keywords(42)).containsExactly("ঢাকা");
    }

    @Test
    void keywords_added_in_the_same_millisecond_keep_their_order() {
        List<String> added = List.of("নির্বাচন", "ঢাকা", "বৃষ্টি", "বন্যা"); // not in the order of their text
        store.subscribe(42, ChatKind.PRIVATE);
        added.forEach(k -> store.addKeyword(42, k));

        assertThat(store.keywords(42)).containsExactlyElementsOf(added);
        assertThat(store.subscribers().get(0).keywords())
                .containsExactlyElementsOf(added.stream().map(Subscriber::rule).toList());
        assertThat(store.clearKeywords(42)).containsExactlyElementsOf(added);
    }

    @Test
    void a_migration_told_twice_at_once_moves_the_chat_once() {
        store.subscribe(-100, ChatKind.GROUP);
        store.addKeyword(-100, "বন্যা");
        store.setSections(-100, "prothomalo", Set.of("sports"));
        long before = store.version();

        AtOnce.run(() -> {
            store.chatMigrated(-100, -1009);
            return null;
        }, () -> {
            store.chatMigrated(-100, -1009);
            return null;
        });

        assertThat(store.find(-100)).isNull();
        assertThat(store.find(-1009).receivesPushes()).isTrue();
        assertThat(store.keywords(-1009)).containsExactly("বন্যা");
        assertThat(store.chosenSections(-1009)).isEqualTo(Map.of("prothomalo", Set.of("sports")));
        assertThat(store.counts()).isEqualTo(new ChatCounts(1, 1, 0, 1, 0, 0));
        assertThat(store.version()).isEqualTo(before + 1);
    }

    @Test
    void sections_chosen_at_once_are_one_choice_whole_not_a_mix() {
        store.subscribe(7, ChatKind.PRIVATE);
        Set<String> sports = Set.of("sports", "football", "cricket");
        Set<String> news = Set.of("politics", "world", "economy");
        for (int round = 0; round < 10; round++) {
            AtOnce.run(() -> {
                store.setSections(7, "prothomalo", sports);
                return null;
            }, () -> {
                store.setSections(7, "prothomalo", news);
                return null;
            });

            assertThat(store.chosenSections(7).get("prothomalo")).isIn(sports, news);
        }
    }

    @Test
    void a_keyword_added_while_clearing_is_either_cleared_and_reported_or_kept() {
        store.register(42, ChatKind.PRIVATE);
        for (int round = 0; round < 10; round++) {
            store.addKeyword(42, "ক");
            String late = "খ" + round;
            List<Object> results = AtOnce.run(() -> store.clearKeywords(42), () -> store.addKeyword(42, late));

            @SuppressWarnings("unchecked")
            List<String> cleared = (List<String>) results.get(0);
            assertThat(cleared).contains("ক");
            assertThat(cleared.contains(late)).isNotEqualTo(store.keywords(42).contains(late));
            store.clearKeywords(42);
        }
    }
}
