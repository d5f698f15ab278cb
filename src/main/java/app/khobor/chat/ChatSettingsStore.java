package app.khobor.chat;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.delivery.PushStyle;
import app.khobor.delivery.PushStyles;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.function.LongConsumer;
import java.time.Instant;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-chat settings in table chat_settings (V6.sql; stories V12), read through a small cache: the push path asks for every message.
 * A change is seen at once by this instance; rows moved by a group's migration to a supergroup are seen within a
 * minute (the cache's lifetime). Also tells delivery how each chat's pushes go ({@link PushStyles}), so a change
 * applies to pushes already queued.
 */
public final class ChatSettingsStore implements PushStyles {
    private static final Logger log = LoggerFactory.getLogger(ChatSettingsStore.class);

    private static final Duration TWELVE_HOURS = Duration.ofHours(12);

    private final Database db;
    private final Cache<Long, ChatSettings> cache = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    /** Told the chat id after each change, so pushes held under the old schedule can go under the new one. */
    private volatile LongConsumer changed = chatId -> { };

    public ChatSettingsStore(Database db) {
        this.db = db;
    }

    /** Who hears of a chat's changed settings (the dispatcher, in production). */
    public void whenChanged(LongConsumer listener) {
        this.changed = listener;
    }

    public ChatSettings of(long chatId) {
        return cache.get(chatId, this::load);
    }

    /** The chat must be registered (a row in chats). */
    void save(long chatId, ChatSettings s) {
        db.transaction(c -> Statements.update(c, """
                INSERT INTO chat_settings(chat_id, zone, link_preview, quiet, hourly, twice_at, quiet_hold, stories,
                  top_portals)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(chat_id) DO UPDATE SET zone = excluded.zone, link_preview = excluded.link_preview,
                  quiet = excluded.quiet, hourly = excluded.hourly, twice_at = excluded.twice_at,
                  quiet_hold = excluded.quiet_hold, stories = excluded.stories, top_portals = excluded.top_portals""",
                chatId, s.zone().getId(), s.linkPreview() ? 1 : 0, s.quiet() ? 1 : 0, s.hourly() ? 1 : 0, s.twiceAt(),
                s.quietHold() ? 1 : 0, s.stories().code(), s.topPortals()));
        cache.put(chatId, s);
        changed.accept(chatId);
    }

    @Override
    public PushStyle of(long chatId, Instant now) {
        ChatSettings s = of(chatId);
        boolean quiet = s.quietAt(now);
        boolean silent = quiet && !s.quietHold();
        if (s.twiceAt() != 0) {
            Instant last = s.lastDigest(now);
            return new PushStyle(s.zone(), s.linkPreview(), silent, last, last.plus(TWELVE_HOURS));
        }
        if (quiet && s.quietHold()) {
            return new PushStyle(s.zone(), s.linkPreview(), false, s.quietStart(now), s.quietEnd(now));
        }
        if (s.hourly()) {
            Instant hour = s.hourStart(now);
            return new PushStyle(s.zone(), s.linkPreview(), silent, hour, hour.plus(Duration.ofHours(1)));
        }
        if (s.quiet() && s.quietHold()) {
            // What the night held goes first, as one digest.
            Instant lastEnd = now.atZone(s.zone()).toLocalDate().atTime(ChatSettings.QUIET_TO).atZone(s.zone()).toInstant();
            return new PushStyle(s.zone(), s.linkPreview(), silent, null, null, lastEnd);
        }
        return new PushStyle(s.zone(), s.linkPreview(), silent);
    }

    @Override
    public Instant releaseOf(long chatId, Instant enqueuedAt) {
        ChatSettings s = of(chatId);
        if (s.twiceAt() != 0) {
            return s.lastDigest(enqueuedAt).plus(TWELVE_HOURS);
        }
        if (s.quietHold() && s.quietAt(enqueuedAt)) {
            return s.quietEnd(enqueuedAt);
        }
        if (s.hourly()) {
            return s.hourStart(enqueuedAt).plus(Duration.ofHours(1));
        }
        return enqueuedAt;
    }

    private ChatSettings load(long chatId) {
        return db.read(c -> Statements.first(c,
                "SELECT zone, link_preview, quiet, hourly, twice_at, quiet_hold, stories, top_portals FROM chat_settings"
                        + " WHERE chat_id = ?",
                rs -> new ChatSettings(zone(chatId, rs.getString(1)), rs.getInt(2) == 1, rs.getInt(3) == 1,
                        rs.getInt(4) == 1, twiceAt(chatId, rs.getInt(5)), rs.getInt(6) == 1, StoryChoice.of(rs.getInt(7)),
                        topPortals(rs.getInt(8))), chatId))
                .orElse(ChatSettings.DEFAULT);
    }

    /** An hour written by hand that /settings does not offer means no twice-daily digests, not a broken chat. */
    private static int twiceAt(long chatId, int hour) {
        if (hour != 0 && !ChatSettings.TWICE_HOURS.contains(hour)) {
            log.warn("chat {}: twice_at {} in chat_settings is not one of {}, using instant delivery", chatId, hour,
                    ChatSettings.TWICE_HOURS);
            return 0;
        }
        return hour;
    }

    /** A threshold written by hand that /settings does not offer means the default. */
    private static int topPortals(int portals) {
        return StoryChoice.TOP_PORTALS.contains(portals) ? portals : StoryChoice.DEFAULT_TOP_PORTALS;
    }

    /** A zone written by hand that Java does not know falls back to the default rather than breaking the chat. */
    private static ZoneId zone(long chatId, String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            log.warn("chat {}: unknown time zone '{}' in chat_settings, using {}", chatId, id, ChatSettings.DEFAULT.zone());
            return ChatSettings.DEFAULT.zone();
        }
    }
}
