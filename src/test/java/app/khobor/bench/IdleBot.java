package app.khobor.bench;

import app.khobor.Khobor;
import app.khobor.chat.ChatKind;
import app.khobor.chat.ChatStore;
import app.khobor.config.ConfigLoader;
import app.khobor.config.KhoborConfig;
import app.khobor.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole bot as {@code Main run} starts it ({@link Khobor#start}: poller, dispatcher, housekeeping, Telegram long
 * polling), run as its own JVM by {@link IdleCpu} with nothing to do: CHATS chats subscribed, SOURCES feeds on a local
 * server that answers every read with 304, the fake Bot API holding getUpdates with no updates. It says {@code READY}
 * once started and runs until SIGTERM, like the real bot; the parent reads its CPU and memory from /proc.
 *
 * <p>The configuration is the shipped one in all that matters for idling: polling interval and timeouts left at their
 * defaults (2 min, 20 s), 30/s rate limits, and as many feed sources as {@code config/khobor.yaml} enables.
 *
 * <p>Arguments: {@code DIR API_URL TOKEN FEED_BASE_URL SOURCES CHATS}
 */
public final class IdleBot {
    private IdleBot() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String apiUrl = args[1];
        String token = args[2];
        String feedBase = args[3];
        int sources = Integer.parseInt(args[4]);
        int chats = Integer.parseInt(args[5]);
        Path db = dir.resolve("idle.db");
        subscribe(db, chats);
        Path yaml = Files.writeString(dir.resolve("idle.yaml"), yaml(apiUrl, db, feedBase, sources));
        KhoborConfig config = ConfigLoader.load(yaml, Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Khobor bot = Khobor.start(config, token, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            stopped.countDown();
        }, "idle-bot-shutdown"));
        DeliveryBot.say("READY sources=%d chats=%d", sources, chats);
        stopped.await();
    }

    /** The chats subscribe before the bot starts, through the real store, so that its audience is CHATS strong. */
    private static void subscribe(Path db, int count) {
        try (Database d = Database.open("jdbc:sqlite:" + db)) {
            ChatStore store = ChatStore.create(d, Clock.systemUTC());
            for (int i = 0; i < count; i++) {
                store.subscribe(DeliveryBot.FIRST_CHAT + i, ChatKind.PRIVATE);
            }
        }
    }

    private static String yaml(String apiUrl, Path db, String feedBase, int sources) {
        StringBuilder b = new StringBuilder()
                .append("telegram:\n  apiUrl: ").append(apiUrl).append('\n')
                .append("storage:\n  url: jdbc:sqlite:").append(db).append('\n')
                .append("sources:\n");
        for (int i = 1; i <= sources; i++) {
            b.append("  - {id: feed").append(i).append(", type: feed, url: \"").append(feedBase).append("/feed")
                    .append(i).append(".xml\"}\n");
        }
        return b.toString();
    }
}
