package app.khobor.chat;

import java.util.List;

/** What readers do, as the Telegram gateway hands it over, free of any TelegramBots type. */
public sealed interface Incoming {
    long chatId();

    ChatKind chatKind();

    /** A text message (commands included). */
    record Text(long chatId, ChatKind chatKind, long fromUserId, String text) implements Incoming {}

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

    /** The bot was added to or removed from (blocked, kicked from) a chat. */
    record Membership(long chatId, ChatKind chatKind, boolean botIsMember) implements Incoming {}
}
