package app.khobor.chat;

import app.khobor.news.StoredHeadline;
import app.khobor.text.BengaliText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A story's other portals under its headline: "আরও: সমকাল · যুগান্তর", each name linked to that portal's copy, and
 * lists (/latest, /search) folded to one line per story.
 */
public final class StoryLines {
    /** Portals named in one "আরও" line; more are counted ("+২টি সূত্র"), so a push stays within a message. */
    static final int MAX_NAMED = 8;
    /** A longer link is left out (the name stays), as in the headline itself. */
    private static final int MAX_LINK = 500;

    private StoryLines() {}

    /** "আরও: <a>সমকাল</a> · <a>যুগান্তর</a>" for the other copies, in order; empty for none. */
    public static String also(List<StoredHeadline> others, Function<String, String> sourceName) {
        if (others.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (StoredHeadline h : others.subList(0, Math.min(others.size(), MAX_NAMED))) {
            String url = h.url() != null && HtmlText.escape(h.url()).length() <= MAX_LINK ? h.url() : null;
            names.add(HtmlText.link(url, sourceName.apply(h.sourceId())));
        }
        String more = others.size() > MAX_NAMED ? " " + moreSources(others.size() - MAX_NAMED) : "";
        return "আরও: " + String.join(" · ", names) + more;
    }

    /** "+৩টি সূত্র". */
    public static String moreSources(int n) {
        return "+" + BengaliText.bengaliDigits(Integer.toString(n)) + "টি সূত্র";
    }

    /** One story of a list: its first headline there and the others of the same story, in list order. */
    public record Story(StoredHeadline headline, List<StoredHeadline> others) {}

    /** Folds a list to one entry per story, at the place of the story's first headline in it. */
    public static List<Story> fold(List<StoredHeadline> headlines) {
        Map<Long, List<StoredHeadline>> byStory = new LinkedHashMap<>();
        for (StoredHeadline h : headlines) {
            byStory.computeIfAbsent(h.storyId(), id -> new ArrayList<>()).add(h);
        }
        List<Story> stories = new ArrayList<>(byStory.size());
        byStory.values().forEach(copies -> stories.add(new Story(copies.get(0), copies.subList(1, copies.size()))));
        return stories;
    }
}
