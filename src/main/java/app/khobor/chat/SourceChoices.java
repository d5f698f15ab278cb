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

/** /sources: a keyboard of the enabled sources; each press toggles one for this chat and redraws the keyboard in place. */
final class SourceChoices {
    static final String PREFIX = "src:";
    static final int MAX_CALLBACK_BYTES = 64;
    private static final Logger log = LoggerFactory.getLogger(SourceChoices.class);

    private final ChatStore chats;
    private final Replies replies;
    private final Map<String, SourceConfig> sources = new LinkedHashMap<>();

    SourceChoices(ChatStore chats, Replies replies, List<SourceConfig> configured) {
        this.chats = chats;
        this.replies = replies;
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

    private static boolean isSourcesKeyboard(List<String> shown) {
        return !shown.isEmpty() && shown.stream().allMatch(d -> d.startsWith(PREFIX));
    }

    private Keyboard keyboard(long chatId) {
        Set<String> disabled = chats.disabledSources(chatId);
        List<List<Button>> rows = new ArrayList<>();
        for (SourceConfig s : sources.values()) {
            String mark = disabled.contains(s.id()) ? "❌ " : "✅ ";
            rows.add(List.of(new Button(mark + s.name(), callbackData(s.id()))));
        }
        return new Keyboard(rows);
    }

    static String callbackData(String sourceId) {
        return PREFIX + sourceId;
    }
}
