package app.khobor.telegram;

import app.khobor.chat.ChatAdmins;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * {@link ChatAdmins} over getChatMember. Answers are kept for {@value #MINUTES} minutes, so a busy group's admins
 * do not cost a request per command; a member made admin (or an admin demoted) counts at once when Telegram sends
 * the chat_member update, and within those minutes when it does not (the bot only gets them as an administrator).
 */
public final class TelegramChatAdmins implements ChatAdmins {
    static final int MINUTES = 5;

    private record Key(long chatId, long userId) {}

    private final TelegramBotApi api;
    private final Cache<Key, Boolean> answers = Caffeine.newBuilder()
            .maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(MINUTES)).build();

    public TelegramChatAdmins(TelegramBotApi api) {
        this.api = api;
    }

    @Override
    public boolean isAdmin(long chatId, long userId) {
        if (userId == 0) {
            return false;
        }
        return answers.get(new Key(chatId, userId), k -> api.isChatAdmin(k.chatId(), k.userId()));
    }

    @Override
    public void forget(long chatId) {
        answers.asMap().keySet().removeIf(k -> k.chatId() == chatId);
    }
}
