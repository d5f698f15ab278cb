package app.khobor.chat;

import java.util.List;

/** What readers do, as the Telegram gateway hands it over, free of any TelegramBots type. */
public sealed interface Incoming {
    long chatId();

    ChatKind chatKind();

    /**
     * A text message (commands included).
     *
     * @param fromUserId 0 when no user sent it (a channel post)
     * @param asChat     sent in the name of the chat itself: a channel post, or an anonymous group admin
     * @param messageId  the message, for threading the answer under it; 0 when unknown
     */
    record Text(long chatId, ChatKind chatKind, long fromUserId, String text, boolean asChat, long messageId)
            implements Incoming {
        public Text(long chatId, ChatKind chatKind, long fromUserId, String text) {
            this(chatId, chatKind, fromUserId, text, false, 0);
        }
    }

    /**
     * An inline keyboard button press.
     *
     * @param data      the callback data as the client sent it: untrusted, "" when there was none
     * @param shownData the callback data of every button on the message pressed, as Telegram reports that message
     *                  (the bot's own keyboard); empty when Telegram no longer shows it. A press whose data is not
     *                  among them was not made on a button the bot sent there.
     */
    record Button(long chatId, ChatKind chatKind, long messageId, long fromUserId, String callbackId, String data,
            List<String> shownData) implements Incoming {
        public Button {
            data = data == null ? "" : data;
            shownData = shownData == null ? List.of() : List.copyOf(shownData);
        }
    }

    /**
     * An inline query: {@code @bot words} typed in any chat. It belongs to no chat the bot is in; the user's private
     * chat with the bot (the same id) stands for it, so one user's queries are handled in order.
     *
     * @param queryId the id to answer (once, within seconds)
     * @param offset  "" for the first page, else the next offset of the previous answer as the client sent it:
     *                untrusted
     */
    record InlineQuery(long fromUserId, String queryId, String query, String offset) implements Incoming {
        public InlineQuery {
            query = query == null ? "" : query;
            offset = offset == null ? "" : offset;
        }

        @Override
        public long chatId() {
            return fromUserId;
        }

        @Override
        public ChatKind chatKind() {
            return ChatKind.PRIVATE;
        }
    }

    /** Someone's membership or rights in a group or channel changed (chat_member): admin answers are out of date. */
    record MembersChanged(long chatId, ChatKind chatKind) implements Incoming {}

    /** The bot was added to or removed from (blocked, kicked from) a chat. */
    record Membership(long chatId, ChatKind chatKind, boolean botIsMember) implements Incoming {}
}
