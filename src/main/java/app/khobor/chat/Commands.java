package app.khobor.chat;

import app.khobor.config.SourceConfig;
import app.khobor.config.TelegramSettings;
import app.khobor.db.StorageException;
import app.khobor.delivery.OutgoingMessage;
import app.khobor.delivery.Replies;
import app.khobor.news.HeadlineHistory;
import app.khobor.source.SourceStatusView;
import app.khobor.news.RefreshingVocabulary;
import app.khobor.text.Vocabulary;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything readers can do. Commands are read from the text ("/cmd", "/cmd@ourbot args"); commands addressed to
 * another bot are ignored, and so is plain text in groups. Every reply is Telegram HTML with outside strings escaped,
 * split into several messages when long. Never throws: a failure is logged and answered with a short apology.
 */
public final class Commands implements IncomingHandler {
    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final ChatStore chats;
    private final Replies replies;
    private final CommandParser parser;
    private final SubscriptionCommands subscriptions;
    private final KeywordCommands keywords;
    private final NewsCommands news;
    private final SourceChoices sources;
    private final StatsCommand stats;
    private final SettingsCommands settings;
    private final ChatAdmins admins;
    /** What only a group's admins may do; anyone may read (/latest, /search, /keywords, /sources, /settings, /help). */
    private static final Set<String> CHANGES = Set.of("start", "stop", "follow", "unfollow", "all");

    /**
     * @param sources          all configured sources (names for headlines); only enabled ones appear in /sources
     * @param botUsername      the bot's @username (with or without @), read on each command; null until known
     * @param statuses         source health for /stats; may be null
     * @param deliveryCounters name to count, shown in /stats; may be null
     * @param settings         per-chat settings (/settings; the zone of /latest and /search)
     * @param admins           who may change what a group or channel receives
     */
    public Commands(ChatStore chats, HeadlineHistory headlines, Replies replies, List<SourceConfig> sources,
            TelegramSettings telegram, Supplier<String> botUsername, SourceStatusView statuses,
            Supplier<Map<String, Long>> deliveryCounters, Clock clock, ChatSettingsStore settings, ChatAdmins admins) {
        this(chats, headlines, replies, sources, telegram, botUsername, statuses, deliveryCounters, clock, settings,
                admins, RefreshingVocabulary.of(headlines, clock));
    }

    /**
     * As above, with the words of the stored headlines that Latin (Banglish) words of /search and /follow become
     * (see {@link RefreshingVocabulary}).
     */
    public Commands(ChatStore chats, HeadlineHistory headlines, Replies replies, List<SourceConfig> sources,
            TelegramSettings telegram, Supplier<String> botUsername, SourceStatusView statuses,
            Supplier<Map<String, Long>> deliveryCounters, Clock clock, ChatSettingsStore settings, ChatAdmins admins,
            Supplier<Vocabulary> vocabulary) {
        HeadlineFormat format = new HeadlineFormat(sources, clock);
        this.chats = chats;
        this.admins = admins;
        this.settings = new SettingsCommands(settings, replies);
        this.replies = replies;
        this.parser = new CommandParser(botUsername);
        this.subscriptions = new SubscriptionCommands(chats);
        this.keywords = new KeywordCommands(chats, vocabulary);
        this.sources = new SourceChoices(chats, replies, sources, new SectionChoices(chats, headlines, clock));
        this.news = new NewsCommands(headlines, format, chats, this.sources.offered(), chat -> settings.of(chat).zone(),
                vocabulary);
        this.stats = new StatsCommand(chats, headlines, telegram, statuses, deliveryCounters, format, clock);
    }

    /** The menu in the order and words of the help text, so the two never disagree. */
    @Override
    public List<MenuEntry> menu() {
        List<MenuEntry> menu = new java.util.ArrayList<>();
        menu.add(new MenuEntry("start", "খবর পাঠানো শুরু"));
        for (String line : Messages.COMMANDS.split("\n")) {
            String[] parts = line.split(" — ", 2);
            menu.add(new MenuEntry(parts[0].substring(1).split(" ")[0], parts[1]));
        }
        return menu;
    }

    @Override
    public void handle(Incoming update) {
        try {
            if (update instanceof Incoming.Text text) {
                onText(text);
            } else if (update instanceof Incoming.Button button) {
                onButton(button);
            } else if (update instanceof Incoming.Membership m) {
                admins.forget(m.chatId());
                send(update, subscriptions.membership(m.chatId(), m.chatKind(), m.botIsMember()));
            } else if (update instanceof Incoming.MembersChanged m) {
                admins.forget(m.chatId());
            }
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.LOCKED) {
                // Waited (SqliteDatabase retries for a while) and still locked: say clearly it was not applied.
                log.warn("chat {}: {} not applied: {}", update.chatId(), describe(update), e.getMessage());
                apologise(update, Messages.BUSY);
            } else {
                log.warn("chat {}: handling {} failed", update.chatId(), describe(update), e);
                apologise(update, Messages.FAILED);
            }
        } catch (RuntimeException e) {
            log.warn("chat {}: handling {} failed", update.chatId(), describe(update), e);
            apologise(update, Messages.FAILED);
        }
    }

    private void onText(Incoming.Text t) {
        CommandParser.Parsed parsed = parser.parse(t.text());
        if (parsed instanceof CommandParser.Command c) {
            onCommand(t, c);
        } else if (parsed instanceof CommandParser.PlainText && !t.chatKind().isGroup()) {
            send(t, Answer.text(Messages.PLAIN_TEXT_HINT));
        }
    }

    private void onCommand(Incoming.Text t, CommandParser.Command c) {
        Answer answer = run(t, c);
        if (answer == null) {
            // Unknown and not addressed to us in a group: most likely another bot's command, so stay quiet.
            if (!t.chatKind().isGroup() || c.addressed()) {
                send(t, Answer.text(Messages.UNKNOWN_COMMAND));
            }
            return;
        }
        send(t, answer);
    }

    /** Null for an unknown command. */
    private Answer run(Incoming.Text t, CommandParser.Command c) {
        long chat = t.chatId();
        if (CHANGES.contains(c.name()) && !mayChange(t)) {
            log.debug("chat {}: /{} by a member who is no admin, refused", chat, c.name());
            return Answer.text(Messages.GROUP_ADMINS_ONLY);
        }
        if (!c.name().equals("start")) {
            chats.register(chat, t.chatKind());
        }
        return switch (c.name()) {
            case "start" -> subscriptions.start(chat, t.chatKind());
            case "stop" -> subscriptions.stop(chat);
            case "help" -> Answer.text(Messages.HELP);
            case "latest" -> news.latest(chat, c.args());
            case "search" -> news.search(chat, c.args());
            case "follow" -> keywords.follow(chat, c.args());
            case "unfollow" -> keywords.unfollow(chat, c.args());
            case "keywords" -> keywords.list(chat);
            case "all" -> keywords.all(chat);
            case "sources" -> sources.show(chat);
            case "settings" -> settings.show(chat);
            case "stats" -> stats.stats(t.fromUserId());
            default -> null;
        };
    }

    /**
     * "আরও" and a nearby word's button are anyone's; a /sources, /settings or /keywords button changes the chat, so in a group only an admin's
     * counts.
     */
    private void onButton(Incoming.Button b) {
        if (b.data().startsWith(SearchPages.PREFIX)) {
            news.more(b, replies);
            return;
        }
        if (b.data().startsWith(SearchPages.NEAR_PREFIX)) {
            news.nearby(b, replies);
            return;
        }
        if (b.chatKind().isGroup() && !admins.isAdmin(b.chatId(), b.fromUserId())) {
            log.debug("chat {}: button press by a member who is no admin, refused", b.chatId());
            replies.alert(b.callbackId(), Messages.GROUP_ADMINS_ONLY);
            return;
        }
        chats.register(b.chatId(), b.chatKind());
        if (b.data().startsWith(SettingsCommands.PREFIX)) {
            settings.press(b);
        } else if (b.data().startsWith(KeywordCommands.PREFIX)) {
            keywords.press(b, replies);
        } else {
            sources.press(b);
        }
    }

    /**
     * In a private chat the reader decides; a channel post is the channel's own (only its admins post); in a group an
     * anonymous admin writes as the group, anyone else must be the creator or an administrator.
     */
    private boolean mayChange(Incoming.Text t) {
        return switch (t.chatKind()) {
            case PRIVATE, CHANNEL -> true;
            case GROUP, SUPERGROUP -> t.asChat() || admins.isAdmin(t.chatId(), t.fromUserId());
        };
    }

    /**
     * Long answers go as several messages; a keyboard belongs under the last one. In a group the answer speaks of the
     * group and is threaded under the command it answers.
     */
    private void send(Incoming to, Answer answer) {
        boolean group = to.chatKind() == ChatKind.GROUP || to.chatKind() == ChatKind.SUPERGROUP;
        String html = group ? Messages.forGroup(answer.html()) : answer.html();
        long replyTo = group && to instanceof Incoming.Text t ? t.messageId() : 0;
        List<String> parts = HtmlText.split(html);
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            replies.reply(new OutgoingMessage(to.chatId(), to.chatKind().isGroup(), parts.get(i),
                    last ? answer.keyboard() : null, false, false, replyTo));
        }
    }

    private void apologise(Incoming update, String text) {
        try {
            if (update instanceof Incoming.Button b) {
                replies.answerCallback(b.callbackId(), text);
            } else if (update instanceof Incoming.Text) {
                replies.reply(OutgoingMessage.html(update.chatId(), update.chatKind().isGroup(), text));
            }
        } catch (RuntimeException e) {
            log.warn("chat {}: could not send the apology either: {}", update.chatId(), e.toString());
        }
    }

    /** The command name only: message text may be private and long. */
    private String describe(Incoming update) {
        if (update instanceof Incoming.Text t && parser.parse(t.text()) instanceof CommandParser.Command c) {
            return "/" + c.name();
        }
        return update.getClass().getSimpleName();
    }
}
