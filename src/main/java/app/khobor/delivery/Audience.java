package app.khobor.delivery;

import app.khobor.news.StoredHeadline;
import app.khobor.text.SearchQuery;
import java.util.List;
import java.util.Optional;

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

    /**
     * The chat's /follow rule that the headline matches, so the push can show the matched words; empty when the chat
     * follows no rules (it gets every headline, and the push shared by all such chats).
     */
    default Optional<SearchQuery> matchedRule(long chatId, StoredHeadline headline) {
        return Optional.empty();
    }
}
