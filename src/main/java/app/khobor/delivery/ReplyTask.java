package app.khobor.delivery;

/** A command answer waiting for its turn. Kept in memory only: replies need not survive a restart. */
sealed interface ReplyTask {
    /** 0 for requests that are not chat messages (callback answers): only the bot-wide limit applies to them. */
    long chatId();

    /** Whether the per-group limit applies, as for pushes ({@link Recipient#group()}). */
    boolean group();

    record Message(OutgoingMessage message) implements ReplyTask {
        @Override
        public long chatId() {
            return message.chatId();
        }

        @Override
        public boolean group() {
            return message.group();
        }
    }

    record Edit(long chatId, boolean group, long messageId, String html, Keyboard keyboard) implements ReplyTask {}

    record Callback(String callbackId, String text, boolean alert) implements ReplyTask {
        Callback(String callbackId, String text) {
            this(callbackId, text, false);
        }

        @Override
        public long chatId() {
            return 0;
        }

        @Override
        public boolean group() {
            return false;
        }
    }
}
