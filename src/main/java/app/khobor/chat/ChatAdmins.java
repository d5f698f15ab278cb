package app.khobor.chat;

/**
 * Who may change what a group or channel receives: its creator and administrators. Answered by Telegram
 * (getChatMember), cached for a few minutes; a change of members or rights in the chat forgets the chat's answers.
 */
public interface ChatAdmins {
    /**
     * @throws RuntimeException when Telegram cannot say now (an outage); the caller apologises and changes nothing
     */
    boolean isAdmin(long chatId, long userId);

    /** Someone's rights in the chat changed (a chat_member or my_chat_member update): ask Telegram again next time. */
    void forget(long chatId);
}
