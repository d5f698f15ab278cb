package app.khobor.chat;

import app.khobor.config.SourceConfig;
import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import app.khobor.delivery.Replies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /sources: a keyboard of the enabled sources; each press toggles one for this chat and redraws the keyboard in place.
 * A source with sections has a second button that edits the message to them ({@link SectionChoices}) and back.
 */
final class SourceChoices {
    static final String PREFIX = "src:";
    static final int MAX_CALLBACK_BYTES = 64;
    /** Every sections button's data starts so ({@link SectionChoices}). */
    static final String SECTIONS_FAMILY = "sec";
    private static final Logger log = LoggerFactory.getLogger(SourceChoices.class);

    private final ChatStore chats;
    private final Replies replies;
    private final Map<String, SourceConfig> sources = new LinkedHashMap<>();
    private final SectionChoices sections;

    SourceChoices(ChatStore chats, Replies replies, List<SourceConfig> configured, SectionChoices sections) {
        this.chats = chats;
        this.replies = replies;
        this.sections = sections;
        for (SourceConfig s : configured) {
            if (!s.enabled()) {
                continue;
            }
            if (callbackData(s.id()).getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
                log.warn("source {}: id too long for a /sources button, left out of the keyboard", s.id());
                continue;
            }
            sources.put(s.id(), s);
        }
    }

    /** The ids of the sources a chat can switch, as the keyboard lists them. */
    Set<String> offered() {
        return Set.copyOf(sources.keySet());
    }

    Answer show(long chatId) {
        if (sources.isEmpty()) {
            return Answer.text(Messages.NO_SOURCES);
        }
        return new Answer(Messages.SOURCES_HEADER, keyboard(chatId));
    }

    /**
     * Toggles a source for the chat the pressed message belongs to, and only for a press on a /sources keyboard the
     * bot sent there: the data must be one of that message's buttons, all of which are source toggles. Callback data
     * is chosen by the client, so anything else (old, forged, malformed, or a toggle "pressed" on a headline) changes
     * nothing and gets a short answer; Telegram keeps the button spinning until some answer comes.
     */
    void press(Incoming.Button button) {
        String data = button.data();
        if (data.startsWith(SECTIONS_FAMILY)) {
            pressSections(button);
            return;
        }
        SourceConfig source = data.startsWith(PREFIX) ? sources.get(data.substring(PREFIX.length())) : null;
        if (source == null || !isSourcesKeyboard(button.shownData()) || !button.shownData().contains(data)) {
            log.debug("chat {}: refused button data on message {} ({} bytes)", button.chatId(), button.messageId(),
                    data.length());
            replies.alert(button.callbackId(), Messages.STALE_BUTTON);
            return;
        }
        boolean enable = chats.disabledSources(button.chatId()).contains(source.id());
        chats.setSourceEnabled(button.chatId(), source.id(), enable);
        replies.edit(button.chatId(), button.chatKind().isGroup(), button.messageId(), Messages.SOURCES_HEADER, keyboard(button.chatId()));
        boolean allOff = !enable && chats.disabledSources(button.chatId()).containsAll(sources.keySet());
        if (allOff) {
            replies.alert(button.callbackId(), Messages.ALL_SOURCES_OFF_NOW);
        } else {
            replies.answerCallback(button.callbackId(), Messages.sourceToggled(source.name(), enable));
        }
    }

    /**
     * A press on a sections button: opening a source's sections only from a /sources keyboard, the others only from
     * a sections keyboard, each only when that message shows it and the source is still offered.
     */
    private void pressSections(Incoming.Button button) {
        String data = button.data();
        List<String> shown = button.shownData();
        boolean onSources = isSourcesKeyboard(shown);
        boolean onSections = !shown.isEmpty() && shown.stream().allMatch(d -> d.startsWith(SECTIONS_FAMILY) && !d.startsWith(SectionChoices.OPEN));
        if (!shown.contains(data)) {
            refuse(button);
        } else if (data.equals(SectionChoices.BACK) && onSections) {
            edit(button, Messages.SOURCES_HEADER, keyboard(button.chatId()));
            replies.answerCallback(button.callbackId(), "");
        } else if (data.startsWith(SectionChoices.OPEN) && onSources && sources.containsKey(data.substring(4))) {
            showSections(button, sources.get(data.substring(4)));
            replies.answerCallback(button.callbackId(), "");
        } else if (data.startsWith(SectionChoices.ALL) && onSections && sources.containsKey(data.substring(4))) {
            String answer = sections.all(button.chatId(), data.substring(4));
            showSections(button, sources.get(data.substring(4)));
            replies.answerCallback(button.callbackId(), answer);
        } else if (data.startsWith(SectionChoices.TOGGLE) && onSections && data.indexOf(':', 4) > 4
                && sources.containsKey(data.substring(4, data.indexOf(':', 4)))) {
            SourceConfig source = sources.get(data.substring(4, data.indexOf(':', 4)));
            String answer = sections.toggle(button.chatId(), source.id(), data.substring(data.indexOf(':', 4) + 1));
            showSections(button, source);
            replies.answerCallback(button.callbackId(), answer);
        } else {
            refuse(button);
        }
    }

    private void showSections(Incoming.Button button, SourceConfig source) {
        edit(button, sections.header(source), sections.keyboard(button.chatId(), source.id()));
    }

    private void edit(Incoming.Button button, String html, Keyboard keyboard) {
        replies.edit(button.chatId(), button.chatKind().isGroup(), button.messageId(), html, keyboard);
    }

    private void refuse(Incoming.Button button) {
        log.debug("chat {}: refused sections button data on message {} ({} bytes)", button.chatId(), button.messageId(),
                button.data().length());
        replies.alert(button.callbackId(), Messages.STALE_BUTTON);
    }

    private static boolean isSourcesKeyboard(List<String> shown) {
        return !shown.isEmpty() && shown.stream().allMatch(d -> d.startsWith(PREFIX) || d.startsWith(SectionChoices.OPEN));
    }

    private Keyboard keyboard(long chatId) {
        Set<String> disabled = chats.disabledSources(chatId);
        Map<String, Set<String>> narrowed = chats.chosenSections(chatId);
        List<List<Button>> rows = new ArrayList<>();
        for (SourceConfig s : sources.values()) {
            String mark = disabled.contains(s.id()) ? "❌ " : "✅ ";
            Button toggle = new Button(mark + s.name(), callbackData(s.id()));
            rows.add(narrowed.containsKey(s.id()) || sections.has(s.id())
                    ? List.of(toggle, new Button(Messages.SECTIONS_BUTTON, SectionChoices.openData(s.id())))
                    : List.of(toggle));
        }
        return new Keyboard(rows);
    }

    static String callbackData(String sourceId) {
        return PREFIX + sourceId;
    }
}
