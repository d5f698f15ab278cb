package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.delivery.Recipient;
import app.khobor.fakes.FakeClock;
import app.khobor.fakes.RestartableDatabase;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BengaliText;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
class ChatAudienceTest {
    /** "ঢাকায় বৃষ্টি" with য় precomposed, and "ঢাকায়" with য + nukta. */
    static final String RAIN_IN_DHAKA_PRECOMPOSED = "\u09A2\u09BE\u0995\u09BE\u09DF \u09AC\u09C3\u09B7\u09CD\u099F\u09BF";
    static final String DHAKAY_DECOMPOSED = "\u09A2\u09BE\u0995\u09BE\u09AF\u09BC";
    /** ঢাকা: a prefix of ঢাকায়. */
    static final String DHAKA = "\u09A2\u09BE\u0995\u09BE";
    static final String FLOOD = "\u09AC\u09A8\u09CD\u09AF\u09BE";

    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    Database db;
    RestartableDatabase database;
    FakeClock clock = new FakeClock(Instant.parse("2026-08-13T04:00:00Z"));
    ChatStore store;
    ChatAudience audience;

    @BeforeEach
    void open() {
        database = new RestartableDatabase(engine, dir);
        db = database.db();
        store = ChatStore.create(db, clock);
        audience = new ChatAudience(store);
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


    StoredHeadline headline(String sourceId, String title, Instant firstSeen) {
        return new StoredHeadline(1, sourceId, title, BengaliText.searchKey(title), "https://x.test/1", "https://x.test/1",
                null, firstSeen);
    }

    StoredHeadline rainNow() {
        return headline("prothomalo", RAIN_IN_DHAKA_PRECOMPOSED, clock.instant());
    }

    @Test
    void a_subscriber_gets_headlines_first_seen_after_the_start_only() {
        Instant before = clock.instant().minusSeconds(1);
        store.subscribe(1, ChatKind.PRIVATE);

        assertThat(audience.recipientsOf(headline("prothomalo", "old", before))).isEmpty();
        assertThat(audience.recipientsOf(headline("prothomalo", "same instant", clock.instant())))
                .containsExactly(new Recipient(1, false));
    }

    @Test
    void registered_stopped_and_inactive_chats_get_nothing() {
        store.register(1, ChatKind.PRIVATE);
        store.subscribe(2, ChatKind.PRIVATE);
        store.unsubscribe(2);
        store.subscribe(3, ChatKind.PRIVATE);
        store.chatGone(3, "Forbidden: bot was blocked by the user");
        store.subscribe(-4, ChatKind.SUPERGROUP);

        assertThat(audience.recipientsOf(rainNow())).containsExactly(new Recipient(-4, true));
    }

    @Test
    void chats_with_rules_get_a_headline_when_any_rule_matches_and_queued_ones_are_checked_again() {
        store.subscribe(1, ChatKind.PRIVATE);
        store.addKeyword(1, "চট্টগ্রাম OR " + DHAKA + " -" + FLOOD);
        store.subscribe(2, ChatKind.PRIVATE);
        store.addKeyword(2, "\"বৃষ্টি " + DHAKA + "\"");
        store.addKeyword(2, FLOOD + " বা ঝড়");
        store.subscribe(3, ChatKind.PRIVATE);
        StoredHeadline dhakaRain = rainNow();
        StoredHeadline dhakaFlood = headline("prothomalo", DHAKA + "য় " + FLOOD, clock.instant());
        StoredHeadline rainDhaka = headline("prothomalo", "বৃষ্টি " + DHAKA + " শহরে", clock.instant());

        assertThat(audience.recipientsOf(dhakaRain)).extracting(Recipient::chatId).containsExactlyInAnyOrder(1L, 3L);
        assertThat(audience.recipientsOf(dhakaFlood)).extracting(Recipient::chatId).containsExactlyInAnyOrder(2L, 3L);
        assertThat(audience.recipientsOf(rainDhaka)).extracting(Recipient::chatId).containsExactlyInAnyOrder(1L, 2L, 3L);

        store.addKeyword(3, "-" + FLOOD + " " + DHAKA);
        assertThat(audience.accepts(3, dhakaRain)).isTrue();
        assertThat(audience.accepts(3, dhakaFlood)).isFalse();
    }

    @Test
    void a_disabled_source_is_skipped_for_that_chat_only() {
        store.subscribe(1, ChatKind.PRIVATE);
        store.subscribe(2, ChatKind.PRIVATE);
        store.setSourceEnabled(1, "prothomalo", false);

        assertThat(audience.recipientsOf(rainNow())).extracting(Recipient::chatId).containsExactly(2L);
        assertThat(audience.recipientsOf(headline("samakal", "x", clock.instant()))).hasSize(2);
    }

    @Test
    void keywords_match_word_prefixes_in_either_encoding() {
        store.subscribe(1, ChatKind.PRIVATE);
        store.addKeyword(1, DHAKAY_DECOMPOSED);
        store.subscribe(2, ChatKind.PRIVATE);
        store.addKeyword(2, DHAKA);
        store.subscribe(3, ChatKind.PRIVATE);
        store.addKeyword(3, FLOOD);

        assertThat(audience.recipientsOf(rainNow())).extracting(Recipient::chatId).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void every_word_of_a_keyword_must_match() {
        store.subscribe(1, ChatKind.PRIVATE);
        store.addKeyword(1, DHAKA + " " + FLOOD);
        store.subscribe(2, ChatKind.PRIVATE);
        store.addKeyword(2, FLOOD);
        store.addKeyword(2, DHAKA);

        assertThat(audience.recipientsOf(rainNow())).extracting(Recipient::chatId).containsExactly(2L);
    }

    @Test
    void stop_and_start_keeps_the_keywords_in_force() {
        store.subscribe(1, ChatKind.PRIVATE);
        store.addKeyword(1, FLOOD);
        store.unsubscribe(1);
        clock.advance(Duration.ofMinutes(1));
        store.subscribe(1, ChatKind.PRIVATE);

        assertThat(audience.recipientsOf(rainNow())).isEmpty();
        assertThat(audience.recipientsOf(headline("samakal", FLOOD, clock.instant()))).hasSize(1);
    }

    @Test
    void a_queued_headline_is_accepted_only_while_the_chat_still_wants_it() {
        store.subscribe(1, ChatKind.PRIVATE);
        StoredHeadline rain = rainNow();
        assertThat(audience.accepts(1, rain)).isTrue();
        assertThat(audience.accepts(2, rain)).as("never subscribed").isFalse();

        store.setSourceEnabled(1, "prothomalo", false);
        assertThat(audience.accepts(1, rain)).as("source turned off").isFalse();
        store.setSourceEnabled(1, "prothomalo", true);
        store.addKeyword(1, FLOOD);
        assertThat(audience.accepts(1, rain)).as("keyword does not match").isFalse();
        store.addKeyword(1, DHAKA);
        assertThat(audience.accepts(1, rain)).isTrue();

        store.unsubscribe(1);
        assertThat(audience.accepts(1, rain)).as("stopped").isFalse();
        clock.advance(Duration.ofMinutes(1));
        store.subscribe(1, ChatKind.PRIVATE);
        assertThat(audience.accepts(1, rain)).as("started again after it was seen").isFalse();
    }

    @Test
    void the_snapshot_follows_every_store_change() {
        assertThat(audience.recipientsOf(rainNow())).isEmpty();

        store.subscribe(1, ChatKind.PRIVATE);
        assertThat(audience.recipientsOf(rainNow())).hasSize(1);

        store.addKeyword(1, FLOOD);
        assertThat(audience.recipientsOf(rainNow())).isEmpty();

        store.clearKeywords(1);
        store.migrate(1, 5);
        assertThat(audience.recipientsOf(rainNow())).extracting(Recipient::chatId).containsExactly(5L);
    }

    @Test
    void the_snapshot_is_not_reloaded_while_nothing_changes() {
        CountingStore counting = new CountingStore(store);
        ChatAudience cached = new ChatAudience(counting);
        store.subscribe(1, ChatKind.PRIVATE);

        for (int i = 0; i < 100; i++) {
            cached.recipientsOf(rainNow());
        }

        assertThat(counting.loads).isEqualTo(1);
    }

    @Test
    void a_hundred_thousand_subscribers_are_matched_from_memory() {
        java.util.List<Subscriber> many = new java.util.ArrayList<>();
        for (long id = 0; id < 100_000; id++) {
            java.util.List<app.khobor.text.SearchQuery> keywords = id % 3 == 0 ? java.util.List.of(Subscriber.rule(DHAKA))
                    : id % 3 == 1 ? java.util.List.of(Subscriber.rule(FLOOD)) : java.util.List.of();
            many.add(new Subscriber(id, ChatKind.PRIVATE, Instant.EPOCH, java.util.Set.of(), keywords));
        }
        ChatAudience big = new ChatAudience(new FixedStore(many));
        big.recipientsOf(rainNow());

        // How fast is the benchmark's question (bench/run route); here: the right chats, from the one snapshot.
        assertThat(big.recipientsOf(rainNow())).hasSize(66_667);
    }

    StoredHeadline filed(String sourceId, String title, String category) {
        return new StoredHeadline(1, sourceId, title, BengaliText.searchKey(title), "https://x.test/" + title,
                "https://x.test/" + title, null, clock.instant(), category);
    }

    @Test
    void a_chat_that_narrowed_a_portal_gets_only_its_chosen_sections_others_get_all() {
        store.subscribe(1, ChatKind.PRIVATE);
        store.subscribe(2, ChatKind.PRIVATE);
        store.setSections(1, "prothomalo", java.util.Set.of("sports"));
        StoredHeadline sports = filed("prothomalo", "goal", "sports");
        StoredHeadline world = filed("prothomalo", "summit", "world");
        StoredHeadline unfiled = filed("prothomalo", "no section", null);
        StoredHeadline otherPortal = filed("samakal", "summit", "world");

        assertThat(audience.recipientsOf(sports)).extracting(Recipient::chatId).containsExactlyInAnyOrder(1L, 2L);
        assertThat(audience.recipientsOf(world)).extracting(Recipient::chatId).containsExactly(2L);
        assertThat(audience.recipientsOf(unfiled)).extracting(Recipient::chatId).containsExactly(2L);
        assertThat(audience.recipientsOf(otherPortal)).extracting(Recipient::chatId).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void a_queued_push_is_rechecked_against_the_sections_chosen_since() {
        store.subscribe(1, ChatKind.PRIVATE);
        StoredHeadline world = filed("prothomalo", "summit", "world");
        assertThat(audience.accepts(1, world)).isTrue();

        store.setSections(1, "prothomalo", java.util.Set.of("sports"));
        assertThat(audience.accepts(1, world)).isFalse();
        assertThat(audience.accepts(1, filed("prothomalo", "goal", "sports"))).isTrue();

        store.setSections(1, "prothomalo", java.util.Set.of());
        assertThat(audience.accepts(1, world)).as("all sections again, new ones included").isTrue();
        assertThat(audience.accepts(1, filed("prothomalo", "x", "brand-new"))).isTrue();
    }

    @Test
    void sections_move_with_a_group_that_becomes_a_supergroup_and_survive_a_reopen() {
        store.subscribe(-100, ChatKind.GROUP);
        store.setSections(-100, "prothomalo", java.util.Set.of("sports", "world"));
        store.migrate(-100, -1009);
        store = ChatStore.create(reopened(), clock);
        audience = new ChatAudience(store);

        assertThat(store.chosenSections(-1009)).isEqualTo(java.util.Map.of("prothomalo", java.util.Set.of("sports", "world")));
        assertThat(store.chosenSections(-100)).isEmpty();
        assertThat(audience.recipientsOf(filed("prothomalo", "vote", "politics"))).isEmpty();
        assertThat(audience.recipientsOf(filed("prothomalo", "goal", "sports"))).extracting(Recipient::chatId)
                .containsExactly(-1009L);
    }
}
