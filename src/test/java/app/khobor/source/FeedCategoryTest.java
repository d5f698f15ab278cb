package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A feed item's first {@code <category>} (RSS) or category label/term (Atom) is kept with the headline. */
class FeedCategoryTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 8, 13, 12, 0, 0, 0, ZoneOffset.ofHours(6));

    private static List<Headline> parse(String xml) throws ParseException {
        return new FeedParser().parse("t", xml, URI.create("https://example.com/feed"), NOW);
    }

    @Test
    void a_real_feed_with_categories_gives_each_headline_its_first_one() throws ParseException {
        List<Headline> tribune = parse(Fixtures.read("banglatribune/banglatribune.xml"));
        assertThat(tribune.get(0).category()).isEqualTo("চাকরির খবর");
        assertThat(tribune.get(2).category()).isEqualTo("গ্যাস");
        assertThat(tribune.get(1).category()).isNull(); // an item without <category>
        assertThat(tribune).filteredOn(h -> h.category() != null).hasSizeGreaterThan(tribune.size() / 2);
    }

    @Test
    void a_feed_without_categories_gives_none() throws ParseException {
        assertThat(parse(Fixtures.read("jagonews24/rss-5dcfbf4/jagonews.xml"))).allSatisfy(h ->
                assertThat(h.category()).isNull());
    }

    @Test
    void atom_categories_give_their_label_else_their_term() throws ParseException {
        List<Headline> entries = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <entry><title>ক</title><link href="https://example.com/a"/><category term="sports" label="খেলা"/></entry>
                  <entry><title>খ</title><link href="https://example.com/b"/><category term="world"/></entry>
                </feed>""");
        assertThat(entries).extracting(Headline::category).containsExactly("খেলা", "world");
    }
}
