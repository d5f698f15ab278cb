package app.khobor;

import app.khobor.source.Headline;
import app.khobor.story.StoryCandidate;
import app.khobor.story.WordStoryIndex;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code scan --stories}: what would merge. The pass's headlines go through a fresh story index in the order they
 * were read, all seen at one instant, and each story prints as one JSON line: its id (its first headline's number in
 * the pass), size, sources, and each headline's title and url. Stories of several headlines come first, largest first.
 */
final class ScanStories {
    private final ObjectMapper json;

    ScanStories(ObjectMapper json) {
        this.json = json;
    }

    void print(List<Headline> pass, PrintStream out) {
        Instant now = Instant.now();
        WordStoryIndex index = new WordStoryIndex(Clock.fixed(now, ZoneOffset.UTC));
        Map<Long, List<Headline>> stories = new LinkedHashMap<>();
        long number = 1;
        for (Headline headline : pass) {
            // the pass has no summaries at hand here: titles alone, as for an HTML page source
            long story = index.assign(new StoryCandidate(number++, headline.sourceId(), headline.title(), headline.summary(), now));
            stories.computeIfAbsent(story, s -> new ArrayList<>()).add(headline);
        }
        List<Map.Entry<Long, List<Headline>>> ordered = new ArrayList<>(stories.entrySet());
        ordered.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
        for (Map.Entry<Long, List<Headline>> story : ordered) {
            out.println(toJson(story.getKey(), story.getValue()));
        }
    }

    private String toJson(long id, List<Headline> headlines) {
        ObjectNode node = json.createObjectNode();
        node.put("story", id);
        node.put("size", headlines.size());
        Set<String> sources = new LinkedHashSet<>();
        headlines.forEach(h -> sources.add(h.sourceId()));
        ArrayNode sourceList = node.putArray("sources");
        sources.forEach(sourceList::add);
        ArrayNode list = node.putArray("headlines");
        for (Headline headline : headlines) {
            list.addObject().put("source", headline.sourceId()).put("title", headline.title()).put("url", headline.url());
        }
        return node.toString();
    }
}
