package app.khobor.chat;

import app.khobor.config.SourceConfig;
import app.khobor.delivery.PushFormatter;
import app.khobor.news.StoredHeadline;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Headlines as Telegram HTML: the title as a link, the source's name and the time in Bengali digits, in Bangladesh
 * time. Used for pushes and for the lists of /latest and /search.
 */
public final class HeadlineFormat implements PushFormatter {
    public static final ZoneId BANGLADESH = ZoneId.of("Asia/Dhaka");
    /**
     * Keep one push within a message even if a page hands us a whole article as its "title" or a monstrous URL:
     * escaped, 300 code points are at most 1,800 characters, plus a link of at most 2,000.
     */
    private static final int MAX_TITLE = 300;
    private static final int MAX_LINK = 2000;

    private final Map<String, String> sourceNames;
    private final ZoneId zone;

    public HeadlineFormat(List<SourceConfig> sources) {
        this(sources, BANGLADESH);
    }

    public HeadlineFormat(List<SourceConfig> sources, ZoneId zone) {
        this.sourceNames = sources.stream().collect(Collectors.toMap(SourceConfig::id, SourceConfig::name, (a, b) -> a));
        this.zone = zone;
    }

    @Override
    public String single(StoredHeadline h) {
        return "<b>" + link(h) + "</b>\n" + HtmlText.escape(sourceName(h.sourceId()))
                + " · " + time(h);
    }

    @Override
    public List<String> digest(List<StoredHeadline> headlines) {
        return HtmlText.split(list(Messages.digestHeader(headlines.size()), headlines));
    }

    /** A header line (already HTML) and numbered one-line entries; may be longer than one message. */
    public String list(String headerHtml, List<StoredHeadline> headlines) {
        StringBuilder b = new StringBuilder(headerHtml);
        for (int i = 0; i < headlines.size(); i++) {
            b.append('\n').append(line(i + 1, headlines.get(i)));
        }
        return b.toString();
    }

    private String line(int number, StoredHeadline h) {
        return BanglaTime.number(number) + ". " + link(h) + " — <i>"
                + HtmlText.escape(sourceName(h.sourceId())) + " · " + time(h) + "</i>";
    }

    /** A URL too long for a message is left out rather than making the push fail. */
    private static String link(StoredHeadline h) {
        String url = h.url() != null && HtmlText.escape(h.url()).length() <= MAX_LINK ? h.url() : null;
        return HtmlText.link(url, title(h));
    }

    public String sourceName(String sourceId) {
        return sourceNames.getOrDefault(sourceId, sourceId);
    }

    /** The portal's own time when it gave one, else when we first saw it. */
    private String time(StoredHeadline h) {
        Instant at = h.publishedAt() != null ? h.publishedAt().toInstant() : h.firstSeen();
        return BanglaTime.format(at, zone);
    }

    private static String title(StoredHeadline h) {
        String t = h.title() == null ? "" : h.title();
        if (t.codePointCount(0, t.length()) <= MAX_TITLE) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, MAX_TITLE)) + "…";
    }

    String time(Instant at) {
        return BanglaTime.format(at, zone);
    }
}
