package app.khobor.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's @username, needed to ignore commands addressed to other bots. Until Telegram has answered getMe it is
 * unknown (null), and commands addressed to any bot are ignored, which is the safe side in a group.
 */
public final class BotIdentity {
    private static final Logger log = LoggerFactory.getLogger(BotIdentity.class);

    private final TelegramBotApi api;
    private volatile String username;

    public BotIdentity(TelegramBotApi api) {
        this.api = api;
    }

    /** Asks Telegram (getMe) once; throws IllegalStateException with a masked message when it cannot. */
    public String fetch() {
        if (username == null) {
            username = api.botUsername();
            log.info("Telegram knows this bot as @{}", username);
        }
        return username;
    }

    /** The username, or null while it is not known yet. Never blocks on the network. */
    public String username() {
        return username;
    }
}
