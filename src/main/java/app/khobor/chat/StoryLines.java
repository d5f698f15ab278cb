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

    /** Portals named on one line of a list; more are counted. */
    static final int MAX_NAMED_IN_LIST = 2;

    /** "আরও: <a>সমকাল</a> · <a>যুগান্তর</a>" for the other copies, in order; empty for none. */
    public static String also(List<StoredHeadline> others, Function<String, String> sourceName) {
        return also(others, sourceName, MAX_NAMED);
    }

    /** The end of a list's line for a story: " · আরও: <a>যুগান্তর</a> +২টি সূত্র"; empty for none. */
    static String inList(List<StoredHeadline> others, Function<String, String> sourceName) {
        return others.isEmpty() ? "" : " · " + also(others, sourceName, MAX_NAMED_IN_LIST);
    }

    private static String also(List<StoredHeadline> others, Function<String, String> sourceName, int maxNamed) {
        if (others.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (StoredHeadline h : others.subList(0, Math.min(others.size(), maxNamed))) {
            String url = h.url() != null && HtmlText.escape(h.url()).length() <= MAX_LINK ? h.url() : null;
            names.add(HtmlText.link(url, sourceName.apply(h.sourceId())));
        }
        String more = others.size() > maxNamed ? " " + moreSources(others.size() - maxNamed) : "";
        return "আরও: " + String.join(" · ", names) + more;
    }

    /** The headlines of the first {@code count} stories of a list, in list order (a list fetched with room to fold). */
    public static List<StoredHeadline> firstStories(List<StoredHeadline> headlines, int count) {
        List<StoredHeadline> kept = new ArrayList<>();
        java.util.Set<Long> stories = new java.util.HashSet<>();
        for (StoredHeadline h : headlines) {
            if (stories.contains(h.storyId()) || stories.size() < count && stories.add(h.storyId())) {
                kept.add(h);
            }
        }
        return kept;
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
