package app.khobor.chat;

/**
 * Numbers for /stats: every chat ever seen, and those that currently get pushes, split by kind.
 *
 * @param privateChats subscribed (and active) private chats
 * @param groups       subscribed groups and supergroups
 * @param channels     subscribed channels
 * @param inactive     chats that get no pushes: stopped, never started, or gone (blocked, kicked)
 */
public record ChatCounts(long chats, long activeSubscribers, long privateChats, long groups, long channels,
        long inactive) {
    public ChatCounts(long chats, long activeSubscribers) {
        this(chats, activeSubscribers, 0, 0, 0, chats - activeSubscribers);
    }
}
