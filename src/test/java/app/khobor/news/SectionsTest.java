package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.source.Headline;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionsTest {
    @TempDir
    Path dir;

    @Test
    void the_first_path_segment_names_the_section_when_it_is_a_word_followed_by_more_path() {
        assertThat(Sections.fromUrl("https://www.jagonews24.com/sports/cricket/1146793")).isEqualTo("sports");
        assertThat(Sections.fromUrl("https://samakal.com/opinion/article/369079/x")).isEqualTo("opinion");
        assertThat(Sections.fromUrl("https://www.prothomalo.com/bangladesh/district/abc")).isEqualTo("bangladesh");
        assertThat(Sections.fromUrl("https://www.ittefaq.com.bd/742345/slug")).isNull();
        assertThat(Sections.fromUrl("https://example.com/a-story-slug")).isNull();
        assertThat(Sections.fromUrl("https://example.com/")).isNull();
    }

    @Test
    void the_category_a_source_gives_wins_over_the_url() {
        Headline h = new Headline("t", "শিরোনাম", "https://x.test/sports/1", null, "খেলা");
        assertThat(Sections.of(h)).isEqualTo("খেলা");
        assertThat(Sections.of(new Headline("t", "শিরোনাম", "https://x.test/sports/1", null))).isEqualTo("sports");
    }

    @Test
    void stored_headlines_keep_their_section_in_the_v7_column() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("khobor.db"))) {
            HeadlineHistory history = HeadlineHistory.create(db);
            Headline given = new Headline("tribune", "চাকরির খবর ১", "https://x.test/jobs/1", null, "চাকরির খবর");
            Headline fromUrl = new Headline("jago", "খেলার খবর", "https://x.test/sports/cricket/2", null);
            Headline none = new Headline("ittefaq", "খবর", "https://x.test/742345/slug", null);
            history.insertAll(List.of(new NewHeadline(given, given.url(), given.title()),
                    new NewHeadline(fromUrl, fromUrl.url(), fromUrl.title()),
                    new NewHeadline(none, none.url(), none.title())), Instant.parse("2026-08-13T04:00:00Z"), false);

            List<String> sections = db.read(c -> Statements.list(c, "SELECT category FROM headlines ORDER BY id",
                    rs -> rs.getString(1)));
            assertThat(sections).containsExactly("চাকরির খবর", "sports", null);
            boolean v7 = db.read(c -> Statements.exists(c, "SELECT 1 FROM schema_version WHERE version = 7"));
            assertThat(v7).isTrue();
        }
    }
}
