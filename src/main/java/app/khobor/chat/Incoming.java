package app.khobor.chat;

/** What readers do, as the Telegram gateway hands it over, free of any TelegramBots type. */
public sealed interface Incoming {
    long chatId();

    ChatKind chatKind();

    /** A text message (commands included). */
    record Text(long chatId, ChatKind chatKind, long fromUserId, String text) implements Incoming {}

    /** An inline keyboard button press. */
    record Button(long chatId, ChatKind chatKind, long messageId, long fromUserId, String callbackId, String data)
            implements Incoming {}

    /** The bot was added to or removed from (blocked, kicked from) a chat. */
    record Membership(long chatId, ChatKind chatKind, boolean botIsMember) implements Incoming {}
}
