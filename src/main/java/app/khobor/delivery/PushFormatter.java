package app.khobor.delivery;

import app.khobor.news.StoredHeadline;
import java.util.List;

/** Renders pushes as Telegram HTML (escaped, Bengali). Each returned string fits one message (4096). */
public interface PushFormatter {
    String single(StoredHeadline headline);

    /** One or more messages listing all of them, each within the limit. */
    List<String> digest(List<StoredHeadline> headlines);
}
