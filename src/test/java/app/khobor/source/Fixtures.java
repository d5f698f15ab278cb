package app.khobor.source;

import app.khobor.fakes.FixtureFiles;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Saved real responses under src/test/resources/fixtures, decoded whole as UTF-8 with nothing stripped (BOM kept). */
final class Fixtures {
    private Fixtures() {}

    static String read(String path) {
        return FixtureFiles.text(path);
    }

    static List<String> urls(List<Headline> headlines) {
        return headlines.stream().map(Headline::url).toList();
    }

    /** Links of {@code newer} that {@code older} does not have, compared as exact strings. */
    static List<String> newLinks(List<Headline> older, List<Headline> newer) {
        Set<String> seen = older.stream().map(Headline::url).collect(Collectors.toSet());
        return urls(newer).stream().filter(url -> !seen.contains(url)).toList();
    }
}
