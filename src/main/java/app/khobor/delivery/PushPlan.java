package app.khobor.delivery;

import java.util.List;

/**
 * One message to send for a chat's pending rows.
 *
 * @param rowIds    outbox rows that are delivered once this (and, for a digest, every later part) is accepted
 * @param lastPart  false for a digest part that has more parts after it
 * @param more      the chat has pending rows this plan does not cover
 */
record PushPlan(List<Long> rowIds, List<Long> headlineIds, String html, boolean digest, int part, boolean lastPart,
                boolean more) {}
