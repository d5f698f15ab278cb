package app.khobor.chat;

import app.khobor.config.TelegramSettings;
import app.khobor.delivery.OutgoingMessage;
import app.khobor.delivery.Replies;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands for the operators in {@code telegram.admins} that other parts of the bot answer (/sourcestatus from the
 * operator's watch of the sources), put in front of the readers' {@link Commands}: an admin command is answered here,
 * every other update goes on to the readers' handler unchanged. Not in the menu readers see.
 */
public final class AdminCommands implements IncomingHandler {
    private static final Logger log = LoggerFactory.getLogger(AdminCommands.class);

    private final IncomingHandler readers;
    private final Replies replies;
    private final TelegramSettings telegram;
    private final CommandParser parser;
    private final Map<String, Supplier<String>> commands;
    /** /announce and its buttons; null when not wired. */
    private final AnnounceCommand announce;

    /** @param commands command name (lower case, no slash) to its answer in Telegram HTML */
    public AdminCommands(IncomingHandler readers, Replies replies, TelegramSettings telegram,
                         Supplier<String> botUsername, Map<String, Supplier<String>> commands) {
        this(readers, replies, telegram, botUsername, commands, null);
    }

    /** @param announce answers /announce and its confirm and cancel buttons */
    public AdminCommands(IncomingHandler readers, Replies replies, TelegramSettings telegram,
                         Supplier<String> botUsername, Map<String, Supplier<String>> commands, AnnounceCommand announce) {
        this.announce = announce;
        this.readers = readers;
        this.replies = replies;
        this.telegram = telegram;
        this.parser = new CommandParser(botUsername);
        this.commands = Map.copyOf(commands);
    }

    @Override
    public void handle(Incoming update) {
        if (update instanceof Incoming.Text t && parser.parse(t.text()) instanceof CommandParser.Command c
                && commands.containsKey(c.name())) {
            answer(t, c.name());
        } else if (announce != null && update instanceof Incoming.Text t
                && parser.parse(t.text()) instanceof CommandParser.Command c && c.name().equals("announce")) {
            if (isAdmin(t.fromUserId())) {
                announce.command(t, c.args());
            } else {
                replies.reply(OutgoingMessage.html(t.chatId(), t.chatKind().isGroup(), Messages.NOT_ADMIN));
            }
        } else if (announce != null && update instanceof Incoming.Button b && b.data().startsWith(AnnounceCommand.PREFIX)) {
            announce.press(b, isAdmin(b.fromUserId()));
        } else {
            readers.handle(update);
        }
    }

    private void answer(Incoming.Text t, String name) {
        boolean group = t.chatKind().isGroup();
        String html;
        if (!isAdmin(t.fromUserId())) {
            html = Messages.NOT_ADMIN;
        } else {
            try {
                html = commands.get(name).get();
            } catch (RuntimeException e) {
                log.warn("chat {}: /{} failed", t.chatId(), name, e);
                html = Messages.FAILED;
            }
        }
        try {
            for (String part : HtmlText.split(html)) {
                replies.reply(OutgoingMessage.html(t.chatId(), group, part));
            }
        } catch (RuntimeException e) {
            log.warn("chat {}: could not answer /{}: {}", t.chatId(), name, e.toString());
        }
    }

    private boolean isAdmin(long userId) {
        return telegram.admins() != null && telegram.admins().contains(userId);
    }

    @Override
    public List<MenuEntry> menu() {
        return readers.menu();
    }
}
