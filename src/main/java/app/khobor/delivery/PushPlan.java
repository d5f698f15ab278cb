package app.khobor.delivery;

import java.util.List;

/**
 * One message to send for a chat's pending rows.
 *
 * @param rowIds    outbox rows the message is about (for a digest: all its parts)
 * @param completes rows the reader has in full once this message is accepted, marked delivered then: all of
 *                  {@code rowIds} for one headline, the headlines this part finishes for a digest
 * @param lastPart  false for a digest part that has more parts after it
 * @param more      the chat has pending rows this plan does not cover
 */
record PushPlan(List<Long> rowIds, List<Long> headlineIds, List<Long> completes, String html, boolean digest, int part,
                boolean lastPart, boolean more) {}
