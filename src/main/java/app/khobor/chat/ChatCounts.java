package app.khobor.chat;

/** Numbers for /stats: every chat ever seen, and those that currently get pushes. */
public record ChatCounts(long chats, long activeSubscribers) {}
