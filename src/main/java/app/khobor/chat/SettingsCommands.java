package app.khobor.chat;

import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import app.khobor.delivery.Replies;
import app.khobor.text.BanglaCalendar;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /settings: the chat's time zone, link previews, quiet hours (silent or held), hourly or twice-daily digests and how
 * it gets an event several portals report (once, every copy, top stories), as an inline keyboard redrawn in place on each
 * press. Like /sources, a press acts only on the chat of the message pressed and only when that message shows the
 * pressed button (all of its buttons being settings buttons); anything else gets an alert and changes nothing.
 */
final class SettingsCommands {
    static final String PREFIX = "set:";
    private static final Logger log = LoggerFactory.getLogger(SettingsCommands.class);
    private static final Map<String, ZoneId> ZONES = Map.of("zone:bd", BanglaCalendar.ZONE, "zone:in", BanglaCalendar.INDIA);

    private final ChatSettingsStore settings;
    private final Replies replies;

    SettingsCommands(ChatSettingsStore settings, Replies replies) {
        this.settings = settings;
        this.replies = replies;
    }

    Answer show(long chatId) {
        ChatSettings s = settings.of(chatId);
        return new Answer(Messages.settings(s), keyboard(s));
    }

    void press(Incoming.Button button) {
        String data = button.data();
        List<String> shown = button.shownData();
        ChatSettings now = settings.of(button.chatId());
        ChatSettings next = data.startsWith(PREFIX) ? apply(now, data.substring(PREFIX.length())) : null;
        if (next == null || shown.isEmpty() || !shown.stream().allMatch(d -> d.startsWith(PREFIX)) || !shown.contains(data)) {
            log.debug("chat {}: refused settings data on message {} ({} bytes)", button.chatId(), button.messageId(),
                    data.length());
            replies.alert(button.callbackId(), Messages.STALE_SETTINGS);
            return;
        }
        if (!next.equals(now)) {
            settings.save(button.chatId(), next);
        }
        replies.edit(button.chatId(), button.chatKind().isGroup(), button.messageId(), Messages.settings(next), keyboard(next));
        replies.answerCallback(button.callbackId(), Messages.SETTINGS_SAVED);
    }

    /** Null for data that is no setting. */
    private static ChatSettings apply(ChatSettings s, String choice) {
        if (ZONES.containsKey(choice)) {
            return s.withZone(ZONES.get(choice));
        }
        return switch (choice) {
            case "preview:on" -> s.withLinkPreview(true);
            case "preview:off" -> s.withLinkPreview(false);
            case "quiet:on" -> s.withQuiet(true);
            case "quiet:off" -> s.withQuiet(false);
            case "hourly:on" -> s.withHourly(true);
            case "hourly:off" -> s.withHourly(false);
            case "quiet:silent" -> s.withQuietHold(false);
            case "quiet:hold" -> s.withQuietHold(true);
            case "twice:7" -> s.withTwiceAt(7);
            case "twice:8" -> s.withTwiceAt(8);
            case "twice:9" -> s.withTwiceAt(9);
            case "twice:off" -> s.instant();
            case "story:once" -> s.withStories(StoryChoice.ONCE);
            case "story:all" -> s.withStories(StoryChoice.EVERY_COPY);
            case "story:top" -> s.withStories(StoryChoice.TOP);
            default -> topPortals(s, choice);
        };
    }

    /** "top:3": top stories at three portals; null for anything else. */
    private static ChatSettings topPortals(ChatSettings s, String choice) {
        for (int n : StoryChoice.TOP_PORTALS) {
            if (choice.equals("top:" + n)) {
                return s.withTopPortals(n);
            }
        }
        return null;
    }

    private static Keyboard keyboard(ChatSettings s) {
        boolean india = s.zone().equals(BanglaCalendar.INDIA);
        List<List<Button>> rows = new ArrayList<>();
        rows.add(List.of(new Button(mark(!india) + Messages.ZONE_BD, PREFIX + "zone:bd"),
                new Button(mark(india) + Messages.ZONE_IN, PREFIX + "zone:in")));
        rows.add(List.of(new Button(s.linkPreview() ? Messages.PREVIEW_TURN_OFF : Messages.PREVIEW_TURN_ON,
                PREFIX + (s.linkPreview() ? "preview:off" : "preview:on"))));
        rows.add(List.of(new Button(s.quiet() ? Messages.QUIET_TURN_OFF : Messages.QUIET_TURN_ON,
                PREFIX + (s.quiet() ? "quiet:off" : "quiet:on"))));
        if (s.quiet()) {
            rows.add(List.of(new Button(mark(!s.quietHold()) + Messages.QUIET_SILENT, PREFIX + "quiet:silent"),
                    new Button(mark(s.quietHold()) + Messages.QUIET_HOLD, PREFIX + "quiet:hold")));
        }
        rows.add(List.of(new Button(s.hourly() ? Messages.HOURLY_TURN_OFF : Messages.HOURLY_TURN_ON,
                PREFIX + (s.hourly() ? "hourly:off" : "hourly:on"))));
        List<Button> twice = new ArrayList<>();
        for (int hour : ChatSettings.TWICE_HOURS) {
            twice.add(new Button(mark(s.twiceAt() == hour) + Messages.twiceAt(hour), PREFIX + "twice:" + hour));
        }
        rows.add(twice);
        if (s.twiceAt() != 0) {
            rows.add(List.of(new Button(Messages.HOURLY_TURN_OFF, PREFIX + "twice:off")));
        }
        rows.add(List.of(new Button(mark(s.stories() == StoryChoice.ONCE) + StoryMessages.ONCE, PREFIX + "story:once"),
                new Button(mark(s.stories() == StoryChoice.EVERY_COPY) + StoryMessages.EVERY_COPY, PREFIX + "story:all"),
                new Button(mark(s.stories() == StoryChoice.TOP) + StoryMessages.TOP, PREFIX + "story:top")));
        if (s.stories() == StoryChoice.TOP) {
            List<Button> portals = new ArrayList<>();
            for (int n : StoryChoice.TOP_PORTALS) {
                portals.add(new Button(mark(s.topPortals() == n) + StoryMessages.atLeast(n), PREFIX + "top:" + n));
            }
            rows.add(portals);
        }
        return new Keyboard(rows);
    }

    private static String mark(boolean chosen) {
        return chosen ? "✅ " : "";
    }
}
