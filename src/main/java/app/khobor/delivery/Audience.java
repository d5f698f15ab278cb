package app.khobor.delivery;

import app.khobor.news.StoredHeadline;
import java.util.List;

/** Which chats want a headline: active, subscribed since before it was seen, source enabled, keywords matching. */
public interface Audience {
    List<Recipient> recipientsOf(StoredHeadline headline);
}
