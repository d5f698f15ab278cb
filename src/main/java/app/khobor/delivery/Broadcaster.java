package app.khobor.delivery;

import app.khobor.news.StoredHeadline;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns new headlines into outbox rows, one per interested chat (a chat that has the headline's story already gets no
 * second copy: {@link StoryRule}), and wakes the dispatcher. The rows are committed
 * before anything is sent, so a crash after publish loses nothing. Give the dispatcher the same audience: it asks
 * again just before each push, so a chat that changed its mind meanwhile (/stop, /sources, /unfollow) gets no more.
 */
public final class Broadcaster {
    private static final Logger log = LoggerFactory.getLogger(Broadcaster.class);

    private final Audience audience;
    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public Broadcaster(Audience audience, Outbox outbox, Dispatcher dispatcher, Clock clock) {
        this.audience = audience;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public void publish(List<StoredHeadline> newHeadlines) {
        for (StoredHeadline headline : newHeadlines) {
            dispatcher.remember(headline);
            List<Recipient> recipients = audience.recipientsOf(headline);
            int added = outbox.enqueue(recipients, headline, clock.instant());
            if (headline.joinedStory()) {
                dispatcher.storyGrew(headline);
            }
            log.debug("headline {} from {}: {} deliveries queued", headline.id(), headline.sourceId(), added);
        }
        // Wake once, after the whole read is queued: woken per headline, the dispatcher sent the first headline
        // alone before the rest were queued, so a burst of new headlines never became one digest.
        dispatcher.newWork();
    }
}
