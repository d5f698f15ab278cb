package app.khobor.chat;

import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the audience needs to know about one chat that gets pushes, loaded once for all chats.
 *
 * @param disabledSources source ids this chat switched off
 * @param keywords        the chat's /follow rules; a headline matching any one is wanted; empty means every headline
 * @param sections        source id to the sections the chat narrowed it to; a source not there sends every section
 */
public record Subscriber(long chatId, ChatKind kind, Instant subscribedAt, Set<String> disabledSources,
        List<SearchQuery> keywords, Map<String, Set<String>> sections) {

    /** A subscriber that narrowed no source to sections. */
    public Subscriber(long chatId, ChatKind kind, Instant subscribedAt, Set<String> disabledSources, List<SearchQuery> keywords) {
        this(chatId, kind, subscribedAt, disabledSources, keywords, Map.of());
    }

    /**
     * A stored /follow text as a rule. A keyword stored before the query language that it does not accept (a stray
     * quote, a lone exclusion) keeps its old meaning: every one of its words.
     */
    public static SearchQuery rule(String followed) {
        return SearchQuery.parse(followed) instanceof SearchQuery.Valid valid ? valid.query()
                : SearchQuery.allOf(BengaliText.words(followed));
    }

    /** Whether the headline's section is one the chat wants from its source. */
    boolean wantsSection(String sourceId, String category) {
        Set<String> chosen = sections.get(sourceId);
        return chosen == null || chosen.isEmpty() || chosen.contains(category);
    }
}
