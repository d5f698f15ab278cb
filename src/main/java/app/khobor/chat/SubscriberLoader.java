package app.khobor.chat;

import app.khobor.db.Statements;
import app.khobor.text.SearchQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads every chat that gets pushes with its filters in four queries, whatever the number of chats; equal rules of
 * different chats become one object ({@link RulePool}).
 */
final class SubscriberLoader {
    private static final String PUSHABLE = "SELECT id FROM chats WHERE active = 1 AND subscribed = 1";

    private SubscriberLoader() {}

    static List<Subscriber> load(Connection c) throws SQLException {
        Map<Long, Set<String>> disabled = new HashMap<>();
        for (String[] row : Statements.list(c, "SELECT chat_id, source_id FROM chat_sources WHERE enabled = 0 AND chat_id IN ("
                + PUSHABLE + ")", rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            disabled.computeIfAbsent(Long.parseLong(row[0]), k -> new HashSet<>()).add(row[1]);
        }
        Map<Long, List<SearchQuery>> keywords = new HashMap<>();
        RulePool rules = new RulePool();
        for (String[] row : Statements.list(c, "SELECT chat_id, keyword FROM chat_keywords WHERE chat_id IN (" + PUSHABLE
                + ") ORDER BY chat_id, " + SqlChatStore.KEYWORD_ORDER, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            keywords.computeIfAbsent(Long.parseLong(row[0]), k -> new ArrayList<>()).add(rules.rule(row[1]));
        }
        Map<Long, Map<String, Set<String>>> sections = new HashMap<>();
        for (String[] row : Statements.list(c, "SELECT chat_id, source_id, category FROM chat_sections WHERE chat_id IN ("
                + PUSHABLE + ")", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            sections.computeIfAbsent(Long.parseLong(row[0]), k -> new HashMap<>())
                    .computeIfAbsent(row[1], k -> new HashSet<>()).add(row[2]);
        }
        return Statements.list(c, "SELECT id, kind, subscribed_at FROM chats WHERE active = 1 AND subscribed = 1",
                rs -> subscriber(rs.getLong(1), rs.getString(2), rs.getObject(3), disabled, keywords,
                        sections.getOrDefault(rs.getLong(1), Map.of())));
    }

    private static Subscriber subscriber(long id, String kind, Object subscribedAt, Map<Long, Set<String>> disabled,
            Map<Long, List<SearchQuery>> keywords, Map<String, Set<String>> sections) {
        return new Subscriber(id, ChatKind.valueOf(kind), SqlChatStore.instant(subscribedAt),
                Set.copyOf(disabled.getOrDefault(id, Set.of())), List.copyOf(keywords.getOrDefault(id, List.of())),
                Map.copyOf(sections));
    }
}
