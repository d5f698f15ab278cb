package app.khobor.delivery;

/** A command answer waiting for its turn. Kept in memory only: replies need not survive a restart. */
sealed interface ReplyTask {
    /** 0 for requests that are not chat messages (callback answers). */
    long chatId();

    record Message(OutgoingMessage message) implements ReplyTask {
        @Override
        public long chatId() {
            return message.chatId();
        }
    }

    record Edit(long chatId, long messageId, String html, Keyboard keyboard) implements ReplyTask {}

    record Callback(String callbackId, String text) implements ReplyTask {
        @Override
        public long chatId() {
            return 0;
        }
    }
}
