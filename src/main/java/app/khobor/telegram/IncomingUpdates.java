package app.khobor.telegram;

import app.khobor.chat.ChatKind;
import app.khobor.chat.Incoming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Converts TelegramBots updates into {@link Incoming}, so no other package sees a library type. Commands stay in the
 * text as typed: Message.isCommand() is broken in 10.2.0, and the command parser needs the raw text anyway.
 */
final class IncomingUpdates {
    private static final Set<String> MEMBER_STATUSES = Set.of("member", "administrator", "creator", "restricted");

    private IncomingUpdates() {}

    static Optional<Incoming> convert(Update update) {
        if (update.getMessage() != null) {
            return text(update.getMessage());
        }
        if (update.getChannelPost() != null) {
            return text(update.getChannelPost());
        }
        if (update.getCallbackQuery() != null) {
            return button(update.getCallbackQuery());
        }
        if (update.getInlineQuery() != null) {
            return inline(update.getInlineQuery());
        }
        if (update.getMyChatMember() != null) {
            return membership(update.getMyChatMember());
        }
        if (update.getChatMember() != null && update.getChatMember().getChat() != null) {
            Chat chat = update.getChatMember().getChat();
            return Optional.of(new Incoming.MembersChanged(chat.getId(), kind(chat)));
        }
        return Optional.empty();
    }

    /**
     * Text or caption. Service messages (group upgraded to a supergroup, members joining) have neither and are
     * skipped: a migration reaches delivery as a Migrated send result, which moves the chat's settings.
     */
    private static Optional<Incoming> text(Message message) {
        String text = message.getText() != null ? message.getText() : message.getCaption();
        if (text == null || message.getChat() == null) {
            return Optional.empty();
        }
        Chat chat = message.getChat();
        // A channel post is the channel speaking (only its admins can post); an anonymous admin writes as the group.
        boolean asChat = "channel".equals(chat.getType())
                || (message.getSenderChat() != null && chat.getId().equals(message.getSenderChat().getId()));
        long messageId = message.getMessageId() == null ? 0 : message.getMessageId();
        return Optional.of(new Incoming.Text(chat.getId(), kind(chat), userId(message.getFrom()), text, asChat,
                messageId));
    }

    /**
     * A press acts on the chat of the message it was made on (Telegram fills that in; the data is the client's word),
     * and carries the buttons that message really shows, so the handler can refuse data the bot never put there.
     * A press without data still arrives, to be answered: otherwise the client's button spins.
     */
    private static Optional<Incoming> button(CallbackQuery query) {
        MaybeInaccessibleMessage message = query.getMessage();
        // Presses on inline-mode messages have no chat; Khobor never sends those.
        if (message == null || message.getChat() == null || query.getId() == null) {
            return Optional.empty();
        }
        Chat chat = message.getChat();
        return Optional.of(new Incoming.Button(chat.getId(), kind(chat), message.getMessageId(),
                userId(query.getFrom()), query.getId(), query.getData(), shownData(message)));
    }

    /** Callback data of the buttons on the bot's message; none for an inaccessible (too old) or foreign message. */
    private static List<String> shownData(MaybeInaccessibleMessage pressed) {
        if (!(pressed instanceof Message message) || message.getReplyMarkup() == null
                || message.getReplyMarkup().getKeyboard() == null
                || (message.getFrom() != null && !Boolean.TRUE.equals(message.getFrom().getIsBot()))) {
            return List.of();
        }
        List<String> data = new ArrayList<>();
        for (InlineKeyboardRow row : message.getReplyMarkup().getKeyboard()) {
            for (InlineKeyboardButton button : row) {
                if (button.getCallbackData() != null) {
                    data.add(button.getCallbackData());
                }
            }
        }
        return data;
    }

    /** A query without a user or id cannot be answered usefully; Telegram always sends both. */
    private static Optional<Incoming> inline(InlineQuery query) {
        if (query.getId() == null || query.getFrom() == null || query.getFrom().getId() == null) {
            return Optional.empty();
        }
        return Optional.of(new Incoming.InlineQuery(query.getFrom().getId(), query.getId(), query.getQuery(),
                query.getOffset()));
    }

    private static Optional<Incoming> membership(ChatMemberUpdated change) {
        if (change.getChat() == null || change.getNewChatMember() == null) {
            return Optional.empty();
        }
        boolean member = MEMBER_STATUSES.contains(change.getNewChatMember().getStatus());
        return Optional.of(new Incoming.Membership(change.getChat().getId(), kind(change.getChat()), member));
    }

    static ChatKind kind(Chat chat) {
        String type = chat.getType() == null ? "" : chat.getType();
        return switch (type) {
            case "group" -> ChatKind.GROUP;
            case "supergroup" -> ChatKind.SUPERGROUP;
            case "channel" -> ChatKind.CHANNEL;
            // Telegram only sends the four types; a missing one is most likely a private chat (positive id).
            default -> chat.getId() != null && chat.getId() < 0 ? ChatKind.GROUP : ChatKind.PRIVATE;
        };
    }

    /** Channel posts have no sender user. */
    private static long userId(User user) {
        return user == null || user.getId() == null ? 0 : user.getId();
    }
}
