package app.khobor.chat;

/** /start, /stop, and the bot joining or leaving a chat. */
final class SubscriptionCommands {
    private final ChatStore chats;

    SubscriptionCommands(ChatStore chats) {
        this.chats = chats;
    }

    /** Subscribes (again) from now on; keywords kept from before are mentioned so nobody wonders why news is sparse. */
    Answer start(long chatId, ChatKind kind) {
        chats.subscribe(chatId, kind);
        int keywords = chats.keywords(chatId).size();
        return Answer.text(keywords == 0 ? Messages.WELCOME : Messages.welcomeBack(keywords));
    }

    Answer stop(long chatId) {
        return Answer.text(chats.unsubscribe(chatId) ? Messages.STOPPED : Messages.NOT_SUBSCRIBED);
    }

    /**
     * Removed, blocked or kicked: no pushes. Added to a group or channel: someone chose to bring the bot in, which is
     * a clear wish for news, so it subscribes and says welcome (silently in a channel, and not again when it already
     * gets pushes, to stay quiet on repeated updates). In a private chat the user's own /start follows, so only the
     * chat is recorded.
     */
    Answer membership(long chatId, ChatKind kind, boolean botIsMember) {
        if (!botIsMember) {
            chats.deactivate(chatId, "bot removed from chat");
            return Answer.NONE;
        }
        if (!kind.isGroup()) {
            chats.register(chatId, kind);
            return Answer.NONE;
        }
        Chat known = chats.find(chatId);
        if (known != null && known.receivesPushes()) {
            return Answer.NONE;
        }
        Answer welcome = start(chatId, kind);
        // A channel's readers cannot send commands; a command list posted there would only confuse them.
        return kind == ChatKind.CHANNEL ? Answer.NONE : welcome;
    }
}
