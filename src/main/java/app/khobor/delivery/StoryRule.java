package app.khobor.delivery;

import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.news.StoredHeadline;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which outbox row a headline becomes for each chat, decided from stored state inside the enqueue transaction, so the
 * rule holds after a crash or a restart: a chat that got (or has queued) a headline of the story gets no other
 * portal's copy (its row is recorded as {@code merged}, which an edit of the sent message may list); a chat that
 * turned merging off gets every copy; a chat in top-stories mode gets the story once, when the K-th portal joins it
 * within {@link #topWithin} of its first headline (or with the first copy after that the chat wants).
 *
 * <p>The chat's choice is read from {@code chat_settings} (V12: stories, top_portals): only chats that changed the
 * default have a row that matters, so one query per headline finds them.
 *
 * <p>On PostgreSQL, where two transactions may enqueue copies of one story at once, the decision first locks the row
 * of the story's first headline until the enqueue commits: the second copy's decision then sees the first's rows.
 */
final class StoryRule {
    /** chat_settings.stories. */
    static final int MERGE = 0;
    static final int EVERY_COPY = 1;
    static final int TOP = 2;

    /** What a chat's row becomes; NONE writes no row (a top-stories chat before the K-th portal). */
    enum Row { PENDING, MERGED, NONE }

    private final Duration topWithin;

    StoryRule(Duration topWithin) {
        this.topWithin = topWithin;
    }

    /** The decision for one headline, for any number of chats; built with the enqueue's connection. */
    Decision decide(Connection c, Engine engine, StoredHeadline headline) throws SQLException {
        if (engine == Engine.POSTGRESQL) {
            // NO KEY UPDATE: excludes another decision on the story, not the outbox rows that reference the headline.
            Statements.exists(c, "SELECT 1 FROM headlines WHERE id = ? FOR NO KEY UPDATE", headline.storyId());
        }
        Map<Long, int[]> choices = new HashMap<>();
        Statements.list(c, "SELECT chat_id, stories, top_portals FROM chat_settings WHERE stories <> " + MERGE,
                rs -> choices.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)}));
        Set<Long> haveStory = new HashSet<>();
        int portalsNow = 1;
        if (headline.joinedStory()) {
            haveStory.addAll(Statements.list(c, """
                    SELECT DISTINCT o.chat_id FROM headlines h JOIN outbox o ON o.headline_id = h.id
                    WHERE h.story_id = ? AND h.id <> ? AND o.status IN ('pending', 'delivered')""",
                    rs -> rs.getLong(1), headline.storyId(), headline.id()));
            portalsNow = Statements.first(c, """
                    SELECT COUNT(DISTINCT h.source_id) FROM headlines h JOIN headlines first ON first.id = h.story_id
                    WHERE h.story_id = ? AND h.id <= ? AND h.first_seen <= first.first_seen + ?""",
                    rs -> rs.getInt(1), headline.storyId(), headline.id(), topWithin.toMillis()).orElse(1);
        }
        return new Decision(choices, haveStory, portalsNow);
    }

    /** @param portalsNow distinct portals carrying the story within topWithin of its first headline, up to this one */
    record Decision(Map<Long, int[]> choices, Set<Long> haveStory, int portalsNow) {
        Row rowFor(long chatId) {
            int[] choice = choices.get(chatId);
            int mode = choice == null ? MERGE : choice[0];
            if (mode == EVERY_COPY) {
                return Row.PENDING;
            }
            if (haveStory.contains(chatId)) {
                return Row.MERGED;
            }
            if (mode == TOP) {
                // Normally the K-th portal's copy; a later one when the chat did not want that copy (its source off).
                return portalsNow >= choice[1] ? Row.PENDING : Row.NONE;
            }
            return Row.PENDING;
        }
    }
}
