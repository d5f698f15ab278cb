package app.khobor.chat;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.delivery.PushStyle;
import app.khobor.delivery.PushStyles;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-chat settings in table chat_settings (V6.sql), read through a small cache: the push path asks for every message.
 * A change is seen at once by this instance; rows moved by a group's migration to a supergroup are seen within a
 * minute (the cache's lifetime). Also tells delivery how each chat's pushes go ({@link PushStyles}), so a change
 * applies to pushes already queued.
 */
public final class ChatSettingsStore implements PushStyles {
    private static final Logger log = LoggerFactory.getLogger(ChatSettingsStore.class);

    private final Database db;
    private final Cache<Long, ChatSettings> cache = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    public ChatSettingsStore(Database db) {
        this.db = db;
    }

    public ChatSettings of(long chatId) {
        return cache.get(chatId, this::load);
    }

    /** The chat must be registered (a row in chats). */
    void save(long chatId, ChatSettings s) {
        db.transaction(c -> Statements.update(c, """
                INSERT INTO chat_settings(chat_id, zone, link_preview, quiet, hourly) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(chat_id) DO UPDATE SET zone = excluded.zone, link_preview = excluded.link_preview,
                  quiet = excluded.quiet, hourly = excluded.hourly""", chatId, s.zone().getId(), s.linkPreview() ? 1 : 0,
                s.quiet() ? 1 : 0, s.hourly() ? 1 : 0));
        cache.put(chatId, s);
    }

    @Override
    public PushStyle of(long chatId, Instant now) {
        ChatSettings s = of(chatId);
        if (s.hourly()) {
            Instant hour = s.hourStart(now);
            return new PushStyle(s.zone(), s.linkPreview(), s.quietAt(now), hour, hour.plus(Duration.ofHours(1)));
        }
        return new PushStyle(s.zone(), s.linkPreview(), s.quietAt(now));
    }

    private ChatSettings load(long chatId) {
        return db.read(c -> Statements.first(c,
                "SELECT zone, link_preview, quiet, hourly FROM chat_settings WHERE chat_id = ?",
                rs -> new ChatSettings(zone(chatId, rs.getString(1)), rs.getInt(2) == 1, rs.getInt(3) == 1,
                        rs.getInt(4) == 1), chatId))
                .orElse(ChatSettings.DEFAULT);
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
