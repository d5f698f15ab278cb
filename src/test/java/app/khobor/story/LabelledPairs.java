package app.khobor.story;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled set under src/test/resources/stories: real headlines of four portals on 13 August 2026 and three on
 * 22 August (headlines.tsv, from the fixture feeds and pages), and pairs of them labelled same event or different by
 * reading both titles and summaries (pairs.tsv; see README.md there).
 */
final class LabelledPairs {
    record Headline(String id, String sourceId, Instant published, String title, String summary) {
        StoryCandidate candidate(long numericId) {
            return new StoryCandidate(numericId, sourceId, title, summary.isEmpty() ? null : summary, published);
        }
    }

    record Pair(boolean same, String kind, Headline a, Headline b, String reason) {}

    private final Map<String, Headline> headlines;
    private final List<Pair> pairs;

    private LabelledPairs(Map<String, Headline> headlines, List<Pair> pairs) {
        this.headlines = headlines;
        this.pairs = pairs;
    }

    static LabelledPairs load() {
        Map<String, Headline> headlines = new LinkedHashMap<>();
        for (String[] row : rows("/stories/headlines.tsv")) {
            headlines.put(row[0], new Headline(row[0], row[1], Instant.parse(row[2]), row[3], row.length > 4 ? row[4] : ""));
        }
        List<Pair> pairs = new ArrayList<>();
        for (String[] row : rows("/stories/pairs.tsv")) {
            pairs.add(new Pair(row[0].equals("same"), row[1], get(headlines, row[2]), get(headlines, row[3]), row[4]));
        }
        return new LabelledPairs(headlines, pairs);
    }

    Collection<Headline> headlines() {
        return headlines.values();
    }

    Headline headline(String id) {
        return get(headlines, id);
    }

    List<Pair> pairs() {
        return pairs;
    }

    /** Document frequencies over every labelled headline: what a day's window would hold. */
    StoryMatcher matcher() {
        Map<String, Integer> containing = new HashMap<>();
        for (Headline h : headlines.values()) {
            for (String term : StoryWords.of(h.title(), h.summary()).all()) {
                containing.merge(term, 1, Integer::sum);
            }
        }
        int total = headlines.size();
        return new StoryMatcher(new StoryMatcher.Frequencies() {
            @Override
            public int headlines() {
                return total;
            }

            @Override
            public int containing(String term) {
                return containing.getOrDefault(term, 0);
            }
        });
    }

    private static Headline get(Map<String, Headline> headlines, String id) {
        Headline h = headlines.get(id);
        if (h == null) {
            throw new IllegalArgumentException("pairs.tsv names headline " + id + ", which headlines.tsv lacks");
        }
        return h;
    }

    private static List<String[]> rows(String resource) {
        InputStream in = LabelledPairs.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return rows;
    }
}
