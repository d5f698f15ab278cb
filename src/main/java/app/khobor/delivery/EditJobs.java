package app.khobor.delivery;

import app.khobor.news.StoredHeadline;
import app.khobor.text.SearchQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits of sent pushes that add the story's other portals ("আরও: সমকাল · যুগান্তর") on the sender threads. An edit is
 * a nicety: it is tried once and never retried (a 429, an outage, "message can't be edited"), so edits cannot build
 * up into a retry storm; the row's story_more remembers what the message lists, so an edit with nothing new is not
 * sent at all.
 */
final class EditJobs {
    private static final Logger log = LoggerFactory.getLogger(EditJobs.class);
    /** Portals listed under one message at most. */
    private static final int MAX_OTHER_COPIES = 20;

    private final Outbox outbox;
    private final HeadlineCache headlines;
    private final PushFormatter formatter;
    private final PushStyles styles;
    private final Audience audience;

    EditJobs(Outbox outbox, HeadlineCache headlines, PushFormatter formatter, PushStyles styles, Audience audience) {
        this.audience = audience;
        this.outbox = outbox;
        this.headlines = headlines;
        this.formatter = formatter;
        this.styles = styles;
    }

    /** The edit to send, or null when the message lists every portal already (or its headline is gone). */
    Job next(StoryEdit edit, Instant now) {
        Optional<StoredHeadline> headline = headlines.get(edit.headlineId());
        if (headline.isEmpty()) {
            return null;
        }
        List<StoredHeadline> others = new ArrayList<>();
        for (long id : outbox.otherCopies(edit.chatId(), edit.headlineId(), edit.storyId(), MAX_OTHER_COPIES)) {
            headlines.get(id).ifPresent(others::add);
        }
        if (others.isEmpty() || others.size() <= outbox.storyMore(edit.rowId())) {
            return null;
        }
        // The message as it was sent (the words its rule matched in bold, the chat's preview choice), with the portals.
        PushStyle style = styles.of(edit.chatId(), now);
        SearchQuery rule = audience.matchedRule(edit.chatId(), headline.get()).orElse(null);
        String html = formatter.single(headline.get(), style.zone(), rule, others);
        return new Edit(edit, html, others.size(), style.linkPreview());
    }

    private final class Edit implements Job {
        private final StoryEdit edit;
        private final String html;
        private final int more;
        private final boolean linkPreview;

        Edit(StoryEdit edit, String html, int more, boolean linkPreview) {
            this.edit = edit;
            this.html = html;
            this.more = more;
            this.linkPreview = linkPreview;
        }

        @Override
        public long chatId() {
            return edit.chatId();
        }

        @Override
        public SendResult sendWith(BotApi api) {
            return api.editPush(edit.chatId(), edit.messageId(), html, linkPreview);
        }

        @Override
        public void accepted(Instant now) {
            outbox.setStoryMore(edit.rowId(), more);
        }

        @Override
        public void waitFor(Duration retryAfter, Instant now) {
            // The sender has made the chat wait; the edit is not worth a place in the queue.
        }

        @Override
        public boolean retryLater(Instant now) {
            return false;
        }

        @Override
        public boolean resendAsPlainText() {
            return false;
        }

        /** Rejected (too old to edit, deleted by the reader): never tried again for this many portals. */
        @Override
        public void giveUp(Instant now) {
            outbox.setStoryMore(edit.rowId(), more);
        }

        @Override
        public void chatGone() {
        }

        @Override
        public void chatMoved(long newChatId, Instant now) {
        }

        @Override
        public void actingFailed(SendResult result, Instant now) {
            log.warn("{}: could not record the answer {}", this, result);
        }

        @Override
        public String toString() {
            return "story edit of message " + edit.messageId() + " in chat " + edit.chatId();
        }
    }
}
