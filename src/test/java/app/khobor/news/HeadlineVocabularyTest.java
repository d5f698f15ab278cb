package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.fakes.TestDatabases;
import app.khobor.source.Headline;
import app.khobor.text.BanglishQuery;
import app.khobor.text.BengaliText;
import app.khobor.text.Vocabulary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
class HeadlineVocabularyTest {
    @Parameter
    Engine engine;

    /** ঢাকায় with য় precomposed, as some feeds write it. */
    private static final String IN_DHAKA = "\u09A2\u09BE\u0995\u09BE\u09DF";

    @Test
    void stored_titles_let_a_latin_word_find_the_bengali_word(@TempDir Path dir) {
        try (Database db = TestDatabases.open(engine, dir)) {
            HeadlineHistory history = HeadlineHistory.create(db);
            String title = IN_DHAKA + " \u09AC\u09C3\u09B7\u09CD\u099F\u09BF";
            Headline h = new Headline("ittefaq", title, "https://example.com/1", null);
            history.insertAll(List.of(new NewHeadline(h, CanonicalUrl.of(h.url()), BengaliText.searchKey(title))),
                    Instant.parse("2026-03-01T06:00:00Z"), false);

            Vocabulary vocabulary = HeadlineVocabulary.of(history, HeadlineVocabulary.TITLES);

            assertThat(new BanglishQuery(vocabulary).expand(List.of("dhaka")).get("dhaka"))
                    .containsExactly(BengaliText.searchKey("\u09A2\u09BE\u0995\u09BE"));
        }
    }
}
