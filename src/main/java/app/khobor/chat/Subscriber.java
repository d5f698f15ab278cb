package app.khobor.chat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the audience needs to know about one chat that gets pushes, loaded once for all chats.
 *
 * @param disabledSources source ids this chat switched off
 * @param keywords        each keyword as its words (search keys); empty means every headline
 */
public record Subscriber(
        long chatId, ChatKind kind, Instant subscribedAt, Set<String> disabledSources, List<List<String>> keywords) {}
