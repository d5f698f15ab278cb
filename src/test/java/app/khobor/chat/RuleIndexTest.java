package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.delivery.Recipient;
import app.khobor.news.StoredHeadline;
import app.khobor.source.Headline;
import app.khobor.text.BengaliText;
import app.khobor.text.FixtureTitles;
import app.khobor.text.SearchQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index must route exactly as checking every rule of every chat did, over many made-up rules and real titles. */
class RuleIndexTest {
    static final Instant SEEN = Instant.parse("2026-08-13T04:00:00Z");

    static List<StoredHeadline> fixtureHeadlines() {
        List<StoredHeadline> out = new ArrayList<>();
        long id = 1;
        for (Headline h : FixtureTitles.headlines()) {
            String source = id % 3 == 0 ? "samakal" : "prothomalo";
            out.add(new StoredHeadline(id++, source, h.title(), BengaliText.searchKey(h.title()), h.url(), h.url(), null,
                    SEEN, id % 4 == 0 ? "sports" : null));
        }
        return out;
    }

    @Test
    void the_index_finds_the_same_chats_in_the_same_order_as_checking_every_rule() {
        List<StoredHeadline> headlines = fixtureHeadlines();
        RandomRules random = new RandomRules(new Random(42), headlines);
        List<Subscriber> subscribers = new ArrayList<>();
        RulePool pool = new RulePool();
        for (long chat = 1; chat <= 3_000; chat++) {
            List<SearchQuery> rules = new ArrayList<>();
            int n = random.random.nextInt(6);
            for (int r = 0; r < n; r++) {
                rules.add(pool.of(random.rule()));
            }
            Instant since = random.random.nextInt(20) == 0 ? SEEN.plusSeconds(1) : SEEN.minusSeconds(60);
            Set<String> off = random.random.nextInt(10) == 0 ? Set.of("samakal") : Set.of();
            Map<String, Set<String>> sections = random.random.nextInt(10) == 0 ? Map.of("prothomalo", new java.util.HashSet<>(Set.of("sports")))
                    : Map.of();
            subscribers.add(new Subscriber(chat, chat % 7 == 0 ? ChatKind.GROUP : ChatKind.PRIVATE, since, off, rules,
                    sections));
        }
        ChatAudience audience = new ChatAudience(new FixedStore(subscribers));

        int matchedByRule = 0;
        for (StoredHeadline h : headlines) {
            List<Recipient> expected = ChatAudience.scan(subscribers, h);
            assertThat(audience.recipientsOf(h)).as(h.title()).isEqualTo(expected);
            matchedByRule += expected.stream().filter(r -> !subscribers.get((int) r.chatId() - 1).keywords().isEmpty())
                    .count();
        }
        assertThat(headlines).hasSizeGreaterThan(200);
        assertThat(matchedByRule).as("rules that matched something, or the comparison proves little").isGreaterThan(5_000);
    }

    @Test
    void equal_rules_of_different_chats_are_one_rule() {
        RulePool pool = new RulePool();
        List<Subscriber> subscribers = List.of(
                new Subscriber(1, ChatKind.PRIVATE, SEEN, Set.of(), List.of(pool.rule("ঢাকা"), pool.rule("বন্যা"))),
                new Subscriber(2, ChatKind.PRIVATE, SEEN, Set.of(), List.of(pool.rule("ঢাকা"))),
                new Subscriber(3, ChatKind.PRIVATE, SEEN, Set.of(), List.of(pool.rule("ঢাকা  "), pool.rule("ঢাকা"))));

        RuleIndex index = RuleIndex.of(subscribers);

        assertThat(index.totalRules()).isEqualTo(5);
        assertThat(index.distinctRules()).isEqualTo(2);
        assertThat(pool.rule("ঢাকা  ")).isSameAs(pool.rule("ঢাকা"));
    }

    @Test
    void a_rule_is_filed_under_its_most_telling_clause_with_every_alternative() {
        SearchQuery rule = Subscriber.rule("ক \"ঢাকা শহর\" বা চট্টগ্রাম -বন্যা");

        assertThat(RuleIndex.anchorKeys(rule)).containsExactlyInAnyOrder("ঢাকা", "চট্টগ্রাম");
    }

    @Test
    void a_banglish_word_with_several_spellings_is_found_by_each() {
        SearchQuery dhaka = Subscriber.rule("dhaka").withAlternatives(Map.of("dhaka", List.of("ঢাকা", "ধাকা")));
        List<Subscriber> subscribers = List.of(new Subscriber(1, ChatKind.PRIVATE, SEEN, Set.of(), List.of(dhaka)));
        ChatAudience audience = new ChatAudience(new FixedStore(subscribers));

        for (String title : List.of("ঢাকায় বৃষ্টি", "ধাকার খবর", "Dhaka rain")) {
            assertThat(audience.recipientsOf(new StoredHeadline(1, "x", title, BengaliText.searchKey(title), null, null,
                    null, SEEN))).as(title).hasSize(1);
        }
    }

    /** Rules of every kind the language has, from the words of real titles, with short prefixes and repeats. */
    static final class RandomRules {
        final Random random;
        private final List<List<String>> titleWords = new ArrayList<>();

        RandomRules(Random random, List<StoredHeadline> headlines) {
            this.random = random;
            headlines.forEach(h -> titleWords.add(BengaliText.words(h.title())));
            titleWords.removeIf(List::isEmpty);
        }

        SearchQuery rule() {
            return switch (random.nextInt(8)) {
                case 0 -> Subscriber.rule(word());
                case 1 -> Subscriber.rule(phrase());
                case 2 -> Subscriber.rule(word() + " " + word());
                case 3 -> Subscriber.rule(word() + " -" + word());
                case 4 -> Subscriber.rule(word() + " OR " + phrase() + " | " + word());
                case 5 -> Subscriber.rule(word() + " -" + phrase());
                case 6 -> Subscriber.rule(word() + " বা " + word() + " " + word());
                default -> severalKeys();
            };
        }

        /** A word of a title, cut to a prefix a third of the time (one letter now and then). */
        String word() {
            List<String> words = titleWords.get(random.nextInt(titleWords.size()));
            String w = words.get(random.nextInt(words.size()));
            if (random.nextInt(3) == 0) {
                int end = Math.max(1, Math.min(w.length(), 1 + random.nextInt(4)));
                w = w.substring(0, end);
            }
            return w;
        }

        String phrase() {
            List<String> words = titleWords.get(random.nextInt(titleWords.size()));
            if (words.size() < 2) {
                return words.get(0);
            }
            int at = random.nextInt(words.size() - 1);
            return "\"" + words.get(at) + " " + words.get(at + 1) + "\"";
        }

        /** A rule whose words each match any of two or three keys, as a widened Banglish rule does. */
        private SearchQuery severalKeys() {
            SearchQuery base = Subscriber.rule(word() + (random.nextBoolean() ? " " + phrase() : ""));
            Map<String, List<String>> more = new java.util.HashMap<>();
            for (String key : base.wordKeys()) {
                more.put(key, List.of(word(), word()));
            }
            return base.withAlternatives(more);
        }
    }
}
