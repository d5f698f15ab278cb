package app.khobor.config;

import java.time.Duration;

/**
 * Stories: the same event from several portals, pushed to a reader once (section {@code stories}).
 *
 * @param window    a new headline is compared with the headlines first seen this long before it; also how much
 *                  history the story index reloads at start
 * @param merge     false: every headline is its own story, for every chat (the operator's switch; chats have their own)
 * @param topWithin top stories (a chat's শীর্ষ খবর): the portals that count are those carrying the story within this
 *                  time of its first headline
 */
public record StorySettings(Duration window, boolean merge, Duration topWithin) {
    public static final StorySettings DEFAULTS = new StorySettings(Duration.ofHours(24), true, Duration.ofHours(2));
}
