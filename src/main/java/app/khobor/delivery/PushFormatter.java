package app.khobor.delivery;

import app.khobor.news.StoredHeadline;
import java.time.ZoneId;
import java.util.List;

/** Renders pushes as Telegram HTML (escaped, Bengali). Each returned string fits one message (4096). */
public interface PushFormatter {
    String single(StoredHeadline headline);

    /** One or more messages listing all of them in order, each within the limit. */
    List<DigestPart> digest(List<StoredHeadline> headlines);

    /** The same with times shown in {@code zone} (the chat's choice). */
    default String single(StoredHeadline headline, ZoneId zone) {
        return single(headline);
    }

    /**
     * The same, followed by the story's other portals, each linked to its copy ("আরও: সমকাল · যুগান্তর"):
     * the copies the chat was not sent. {@code others} may be empty.
     */
    default String single(StoredHeadline headline, ZoneId zone, List<StoredHeadline> others) {
        return single(headline, zone);
    }

    /** The same with times shown in {@code zone} (the chat's choice). */
    default List<DigestPart> digest(List<StoredHeadline> headlines, ZoneId zone) {
        return digest(headlines);
    }

    /**
     * One message of a digest.
     *
     * @param completes how many more of the digest's headlines (in order) the reader has in full once this part
     *                  arrives; a headline cut across two parts counts in the later one
     */
    record DigestPart(String html, int completes) {}
}
