package app.khobor.delivery;

import java.time.Instant;

/**
 * A message a chat got that may now list more of its story's portals: another portal's copy was merged for the chat.
 *
 * @param rowId      the delivered outbox row of the message (its story_more says how many portals it lists)
 * @param messageId  Telegram's id of the message
 * @param headlineId the headline the message shows
 * @param storyId    its story
 * @param queuedAt   an edit not started within {@link Schedule#EDIT_MAX_WAIT} is dropped: it was never urgent
 */
record StoryEdit(long chatId, boolean group, long rowId, long messageId, long headlineId, long storyId,
                 Instant queuedAt) {}
