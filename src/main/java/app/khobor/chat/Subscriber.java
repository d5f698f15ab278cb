package app.khobor.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the audience needs to know about one chat that gets pushes, loaded once for all chats.
 *
 * @param disabledSources source ids this chat switched off
 * @param keywords        each keyword as its words (search keys); empty means every headline
 * @param sections        source id to the sections the chat narrowed it to; a source not there sends every section
 */
public record Subscriber(long chatId, ChatKind kind, Instant subscribedAt, Set<String> disabledSources,
        List<List<String>> keywords, Map<String, Set<String>> sections) {

    /** A subscriber that narrowed no source to sections. */
    public Subscriber(long chatId, ChatKind kind, Instant subscribedAt, Set<String> disabledSources, List<List<String>> keywords) {
        this(chatId, kind, subscribedAt, disabledSources, keywords, Map.of());
    }

    /** Whether the headline's section is one the chat wants from its source. */
    boolean wantsSection(String sourceId, String category) {
        Set<String> chosen = sections.get(sourceId);
        return chosen == null || chosen.isEmpty() || chosen.contains(category);
    }
}
