package app.khobor.delivery;

import app.khobor.news.StoredHeadline;
import java.util.List;

/** Which chats want a headline: active, subscribed since before it was seen, source enabled, keywords matching. */
public interface Audience {
    List<Recipient> recipientsOf(StoredHeadline headline);

    /**
     * Whether the chat still wants the headline now, by the same rule as {@link #recipientsOf}. Asked again just before
     * a push is sent, so a /stop, a source turned off or a narrower keyword also covers what was already queued.
     */
    boolean accepts(long chatId, StoredHeadline headline);

    /** Whether the chat still gets pushes at all (active, not /stop-ped): asked before an announcement is sent. */
    default boolean subscribed(long chatId) {
        return true;
    }
}
