package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.fakes.SameTitleStories;
import app.khobor.telegram.SentMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 end to end, on the production wiring and the strict fake Bot API, with a story index that merges headlines
 * of the very same title ({@link SameTitleStories}) in place of the real matcher: one push per story for a chat,
 * every copy for a chat that turned merging off, a top story at its third portal with every portal's link, and a
 * restart that keeps the stories.
 */
class StoriesEndToEndTest extends EndToEndTestBase {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String TOLL = "ডেঙ্গুতে আরও ১২ জনের মৃত্যু";
    private static final long ONCE = 101;
    private static final long EVERY_COPY = 102;
    private static final long TOP = 103;

    @TempDir
    Path dir;
    private int marker;

    @Test
    void a_chat_gets_a_story_once_or_every_copy_or_as_a_top_story_and_a_restart_keeps_the_stories() {
        for (String source : List.of("samakal", "jugantor", "ittefaq", "prothomalo")) {
            feed(source, item(source, "পুরনো খবর " + source, 0));
        }
        start();
        for (String source : List.of("samakal", "jugantor", "ittefaq", "prothomalo")) {
            BotReads.awaitRead(bot, portal, source);
        }
        subscribe(ONCE, null);
        subscribe(EVERY_COPY, "set:story:all");
        subscribe(TOP, "set:story:top");
        int once = pushesTo(ONCE);
        int every = pushesTo(EVERY_COPY);
        int top = pushesTo(TOP);

        feed("samakal", item("samakal", TOLL, 1));
        BotReads.awaitRead(bot, portal, "samakal");
        feed("jugantor", item("jugantor", TOLL, 1));
        BotReads.awaitRead(bot, portal, "jugantor");
        feed("ittefaq", item("ittefaq", TOLL, 1));
        BotReads.awaitRead(bot, portal, "ittefaq");

        long onceMessage = telegram.awaitMessagesTo(ONCE, once + 1, WAIT).get(once).messageId();
        SentMessage edited = awaitEdit(ONCE, onceMessage, "আরও: যুগান্তর · ইত্তেফাক");
        assertThat(edited.text()).startsWith(TOLL);
        assertThat(edited.source()).contains("https://jugantor.example/1").contains("https://ittefaq.example/1");
        SentMessage topStory = telegram.awaitMessagesTo(TOP, top + 1, WAIT).get(top);
        assertThat(topStory.text()).startsWith(TOLL).contains("আরও: সমকাল · যুগান্তর");
        assertThat(topStory.source()).as("every portal's link")
                .contains("https://ittefaq.example/1").contains("https://samakal.example/1")
                .contains("https://jugantor.example/1");
        awaitMarker("samakal");
        assertThat(texts(ONCE, once)).as("the story once, then the marker").containsExactly(TOLL, "marker 1");
        assertThat(texts(EVERY_COPY, every)).containsExactly(TOLL, TOLL, TOLL, "marker 1");
        assertThat(texts(TOP, top)).as("no marker: one portal is no top story").containsExactly(TOLL);

        // A new process on the same database, with an empty index: the stories come back from the history.
        bot.close();
        // A new process starts with empty rate windows: it must not follow the last push to a chat within a second.
        org.awaitility.Awaitility.await("a second since the last message").atMost(WAIT).until(() -> telegram.allMessages()
                .stream().allMatch(m -> m.at().plusMillis(1100).isBefore(java.time.Instant.now())));
        start();
        feed("prothomalo", item("prothomalo", TOLL, 1));
        BotReads.awaitRead(bot, portal, "prothomalo");
        awaitMarker("jugantor");

        assertThat(texts(ONCE, once)).containsExactly(TOLL, "marker 1", "marker 2");
        assertThat(texts(EVERY_COPY, every)).containsExactly(TOLL, TOLL, TOLL, "marker 1", TOLL, "marker 2");
        assertThat(texts(TOP, top)).containsExactly(TOLL);
        awaitEdit(ONCE, onceMessage, "আরও: যুগান্তর · ইত্তেফাক · প্রথম আলো");
        assertThat(telegram.edits()).as("a chat that gets every copy has nothing to edit")
                .noneMatch(e -> e.chatId() == EVERY_COPY && e.text().contains("আরও"));
    }

    /** Waits for an edit of the message whose text contains {@code text}. */
    private SentMessage awaitEdit(long chat, long messageId, String text) {
        org.awaitility.Awaitility.await("an edit with " + text).atMost(WAIT).until(() -> telegram.edits().stream()
                .anyMatch(e -> e.chatId() == chat && e.messageId() == messageId && e.text().contains(text)));
        return telegram.edits().stream().filter(e -> e.chatId() == chat && e.messageId() == messageId
                && e.text().contains(text)).findFirst().orElseThrow();
    }

    /** A headline only one portal carries, pushed to the chats that take single portals; waits until both have it. */
    private void awaitMarker(String source) {
        marker++;
        feed(source, item(source, "marker " + marker, 100 + marker));
        BotReads.awaitRead(bot, portal, source);
        for (long chat : List.of(ONCE, EVERY_COPY)) {
            telegram.awaitMessagesTo(chat, 1, WAIT);
            org.awaitility.Awaitility.await("marker " + marker + " in chat " + chat).atMost(WAIT)
                    .until(() -> telegram.messagesTo(chat).stream().anyMatch(m -> m.text().startsWith("marker " + marker)));
        }
    }

    /** /start, then (unless null) the /settings button with this data. */
    private void subscribe(long chat, String settingsButton) {
        telegram.userSends(chat, "/start");
        telegram.awaitMessagesTo(chat, 1, WAIT);
        if (settingsButton != null) {
            telegram.userSends(chat, "/settings");
            SentMessage settings = telegram.awaitMessagesTo(chat, 2, WAIT).get(1);
            int edits = telegram.edits().size();
            telegram.userPresses(chat, settings.messageId(), chat, settingsButton);
            org.awaitility.Awaitility.await("settings saved").atMost(WAIT).until(() -> telegram.edits().size() > edits);
        }
    }

    private int pushesTo(long chat) {
        return telegram.messagesTo(chat).size();
    }

    /** The first line (the headline) of each message after the first {@code skip}. */
    private List<String> texts(long chat, int skip) {
        List<SentMessage> all = telegram.messagesTo(chat);
        return all.subList(skip, all.size()).stream().map(m -> m.text().lines().findFirst().orElse("")).toList();
    }

    private void start() {
        BotConfig config = new BotConfig(dir, telegram.apiUrl(), portal);
        for (String source : List.of("samakal", "jugantor", "ittefaq", "prothomalo")) {
            config.source(source, switch (source) {
                case "samakal" -> "সমকাল";
                case "jugantor" -> "যুগান্তর";
                case "ittefaq" -> "ইত্তেফাক";
                default -> "প্রথম আলো";
            });
        }
        bot = Khobor.start(config.load(), telegram.token(), clock(), new SameTitleStories());
    }

    private static String item(String source, String title, int n) {
        return "<item><title>" + title + "</title><link>https://" + source + ".example/" + n + "</link></item>\n";
    }

    /** The feed shows the new item on top of what it showed before (a feed keeps its recent items). */
    private void feed(String source, String item) {
        String shown = feeds.getOrDefault(source, "") ;
        feeds.put(source, item + shown);
        portal.feed(BotConfig.path(source), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Test</title><link>https://news.example/</link><description>Test</description>\n"
                + feeds.get(source) + "</channel></rss>\n");
    }

    private final java.util.Map<String, String> feeds = new java.util.HashMap<>();
}
