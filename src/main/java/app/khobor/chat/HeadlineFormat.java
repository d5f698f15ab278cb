package app.khobor.chat;

import app.khobor.config.SourceConfig;
import app.khobor.delivery.PushFormatter;
import app.khobor.delivery.PushFormatter.DigestPart;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BanglaCalendar;
import app.khobor.text.Highlights;
import app.khobor.text.SearchQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Headlines as Telegram HTML: the title as a link, the source's name and the time in Bengali digits ("আজ ১০:২৪",
 * the year when it is not this year), in Bangladesh time unless a chat chose India's ({@link #inZone}). Used for pushes and for the lists of /latest and /search.
 */
public final class HeadlineFormat implements PushFormatter {
    /**
     * Keep one push within a message even if a page hands us a whole article as its "title" or a monstrous URL:
     * escaped, 300 code points are at most 1,800 characters, plus a link of at most 2,000.
     */
    private static final int MAX_TITLE = 300;
    private static final int MAX_LINK = 2000;

    private final Map<String, String> sourceNames;
    private final ZoneId zone;
    private final Clock clock;

    public HeadlineFormat(List<SourceConfig> sources) {
        this(sources, BanglaCalendar.ZONE);
    }

    public HeadlineFormat(List<SourceConfig> sources, ZoneId zone) {
        this(sources, Clock.systemUTC(), zone);
    }

    /** @param clock what "today" is, for "আজ", "গতকাল" and showing the year of an older item */
    public HeadlineFormat(List<SourceConfig> sources, Clock clock) {
        this(sources, clock, BanglaCalendar.ZONE);
    }

    private HeadlineFormat(List<SourceConfig> sources, Clock clock, ZoneId zone) {
        this(sources.stream().collect(Collectors.toMap(SourceConfig::id, SourceConfig::name, (a, b) -> a)), clock, zone);
    }

    private HeadlineFormat(Map<String, String> sourceNames, Clock clock, ZoneId zone) {
        this.sourceNames = sourceNames;
        this.clock = clock;
        this.zone = zone;
    }

    /** The same format showing times in {@code zone} (a chat's choice). */
    public HeadlineFormat inZone(ZoneId other) {
        return other.equals(zone) ? this : new HeadlineFormat(sourceNames, clock, other);
    }

    @Override
    public String single(StoredHeadline h) {
        return "<b>" + link(h) + "</b>\n" + HtmlText.escape(sourceName(h.sourceId()))
                + " · " + time(h);
    }

    @Override
    public String single(StoredHeadline h, ZoneId chatZone) {
        return inZone(chatZone).single(h);
    }

    @Override
    public String single(StoredHeadline h, ZoneId chatZone, List<StoredHeadline> others) {
        String single = single(h, chatZone);
        return others.isEmpty() ? single : single + "\n" + StoryLines.also(others, this::sourceName);
    }

    @Override
    public List<DigestPart> digest(List<StoredHeadline> headlines, ZoneId chatZone) {
        return inZone(chatZone).digest(headlines);
    }

    @Override
    public List<DigestPart> digest(List<StoredHeadline> headlines) {
        List<String> lines = lines(headlines);
        List<String> parts = HtmlText.split(Messages.digestHeader(headlines.size()) + "\n" + String.join("\n", lines));
        return completed(parts, lines);
    }

    /**
     * Which headlines each part completes. The split cuts between lines, so a part holds whole lines in order; the
     * numbered lines are all different. A line too long for one message is cut, and it and the lines after it count
     * only in the last part: later than they arrive, never earlier.
     */
    private static List<DigestPart> completed(List<String> parts, List<String> lines) {
        List<DigestPart> digest = new ArrayList<>();
        int next = 0;
        for (int p = 0; p < parts.size(); p++) {
            int from = next;
            if (p == parts.size() - 1) {
                next = lines.size();
            } else {
                Set<String> whole = new HashSet<>(Arrays.asList(parts.get(p).split("\n")));
                while (next < lines.size() && whole.contains(lines.get(next))) {
                    next++;
                }
            }
            digest.add(new DigestPart(parts.get(p), next - from));
        }
        return digest;
    }

    /** A header line (already HTML) and numbered one-line entries; may be longer than one message. */
    public String list(String headerHtml, List<StoredHeadline> headlines) {
        return list(headerHtml, headlines, 1);
    }

    /** The same, numbered from {@code firstNumber} (a later page of search results). */
    public String list(String headerHtml, List<StoredHeadline> headlines, int firstNumber) {
        return list(headerHtml, headlines, firstNumber, null);
    }

    /**
     * The same, with the words {@code matched} (a search) in each title in bold; null for none. One line per story:
     * the other portals' copies in the list are linked at the end of its line (StoryLines).
     */
    public String list(String headerHtml, List<StoredHeadline> headlines, int firstNumber, SearchQuery matched) {
        StringBuilder b = new StringBuilder(headerHtml);
        List<StoryLines.Story> stories = StoryLines.fold(headlines);
        for (int i = 0; i < stories.size(); i++) {
            StoryLines.Story story = stories.get(i);
            b.append('\n').append(line(firstNumber + i, story.headline(), matched))
                    .append(StoryLines.inList(story.others(), this::sourceName));
        }
        return b.toString();
    }

    private List<String> lines(List<StoredHeadline> headlines) {
        return lines(headlines, 1, null);
    }

    private List<String> lines(List<StoredHeadline> headlines, int firstNumber, SearchQuery matched) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < headlines.size(); i++) {
            lines.add(line(firstNumber + i, headlines.get(i), matched));
        }
        return lines;
    }

    private String line(int number, StoredHeadline h, SearchQuery matched) {
        return BanglaCalendar.number(number) + ". " + link(h, matched) + " — <i>"
                + HtmlText.escape(sourceName(h.sourceId())) + " · " + time(h) + "</i>";
    }

    private static String link(StoredHeadline h) {
        return link(h, null);
    }

    /** A URL too long for a message is left out rather than making the push fail. */
    private static String link(StoredHeadline h, SearchQuery matched) {
        String url = h.url() != null && HtmlText.escape(h.url()).length() <= MAX_LINK ? h.url() : null;
        String title = title(h);
        return matched == null ? HtmlText.link(url, title) : HtmlText.link(url, title, Highlights.of(matched, title));
    }

    public String sourceName(String sourceId) {
        return sourceNames.getOrDefault(sourceId, sourceId);
    }

    /** The portal's own time when it gave a believable one, else when we first saw it. */
    private String time(StoredHeadline h) {
        return time(h.listedAt());
    }

    private static String title(StoredHeadline h) {
        String t = h.title() == null ? "" : h.title();
        if (t.codePointCount(0, t.length()) <= MAX_TITLE) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, MAX_TITLE)) + "…";
    }

    String time(Instant at) {
        return BanglaCalendar.format(at, zone, clock.instant());
    }
}
