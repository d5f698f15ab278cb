package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.config.RateLimitSettings;
import app.khobor.config.TelegramSettings;
import app.khobor.db.StorageException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import app.khobor.db.Database;
import java.nio.file.Path;

/** A write that stays locked by another process past its patience is refused in words that say it was not saved. */
class BusyDatabaseTest {
    private final RecordingReplies replies = new RecordingReplies();

    @Test
    void a_locked_write_is_answered_not_saved_and_a_read_only_command_still_works(@TempDir Path dir) {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("settings.db"));
        Commands commands = new Commands(new LockedStore(), new InMemoryHeadlines(), replies,
                CommandsFixture.SOURCES, new TelegramSettings(TelegramSettings.DEFAULT_API_URL, List.of(),
                        RateLimitSettings.TELEGRAM_DEFAULTS, false), () -> "KhoborBot", null, null, Clock.systemUTC(),
                new ChatSettingsStore(db), new FakeAdmins());
        commands.handle(new Incoming.Text(1, ChatKind.PRIVATE, 1, "/follow \u09A2\u09BE\u0995\u09BE"));
        commands.handle(new Incoming.Text(1, ChatKind.PRIVATE, 1, "/help"));

        assertThat(replies.messages).extracting(m -> m.html()).containsExactly(Messages.BUSY, Messages.HELP);
        db.close();
    }

    /** Reads work; every write fails as SqliteDatabase fails one it could not get the lock for. */
    private static final class LockedStore implements ChatStore {
        private static StorageException locked() {
            return new StorageException("database write failed after 9 tries (jdbc:sqlite:x.db)",
                    new SQLException("[SQLITE_BUSY] The database file is locked"), StorageException.Kind.LOCKED);
        }

        @Override public List<Subscriber> subscribers() { return List.of(); }
        @Override public long version() { return 1; }
        @Override public void register(long chatId, ChatKind kind) { }
        @Override public void subscribe(long chatId, ChatKind kind) { throw locked(); }
        @Override public boolean unsubscribe(long chatId) { throw locked(); }
        @Override public Chat find(long chatId) { return new Chat(chatId, ChatKind.PRIVATE, true, true, null); }
        @Override public void deactivate(long chatId, String reason) { throw locked(); }
        @Override public void migrate(long oldChatId, long newChatId) { throw locked(); }
        @Override public boolean addKeyword(long chatId, String keyword) { throw locked(); }
        @Override public boolean removeKeyword(long chatId, String keyword) { throw locked(); }
        @Override public List<String> keywords(long chatId) { return List.of(); }
        @Override public List<String> clearKeywords(long chatId) { throw locked(); }
        @Override public void setSourceEnabled(long chatId, String sourceId, boolean on) { throw locked(); }
        @Override public Set<String> disabledSources(long chatId) { return Set.of(); }
        @Override public ChatCounts counts() { return new ChatCounts(0, 0); }
    }
}
