package app.khobor.chat;

import app.khobor.config.SourceConfig;
import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import app.khobor.news.HeadlineHistory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A portal's sections under /sources: the most common categories of its recent headlines, each toggled for the chat,
 * plus "সব বিভাগ" (no narrowing: every section, those that appear later too). The press checks (the chat's own
 * message, showing that button) are {@link SourceChoices}'; this class draws the keyboard and applies a press.
 */
final class SectionChoices {
    /** On the /sources keyboard: opens a source's sections. */
    static final String OPEN = "sec>";
    /** On a sections keyboard: toggles one section ({@code sec:<source>:<section>}). */
    static final String TOGGLE = "sec:";
    /** On a sections keyboard: every section again. */
    static final String ALL = "sec*";
    /** On a sections keyboard: back to the sources. */
    static final String BACK = "sec<";
    static final int SHOWN = 8;
    static final Duration RECENT = Duration.ofDays(7);

    private final ChatStore chats;
    private final HeadlineHistory headlines;
    private final Clock clock;

    SectionChoices(ChatStore chats, HeadlineHistory headlines, Clock clock) {
        this.chats = chats;
        this.headlines = headlines;
        this.clock = clock;
    }

    /** Whether the source has sections to offer (its recent headlines are filed under some). */
    boolean has(String sourceId) {
        return !recent(sourceId).isEmpty();
    }

    /** The sections a chat sees for a source: the recent most common ones, then any it chose that fell out of them. */
    List<String> offered(long chatId, String sourceId) {
        Set<String> offered = new LinkedHashSet<>(recent(sourceId));
        chats.chosenSections(chatId).getOrDefault(sourceId, Set.of()).stream().sorted()
                .filter(s -> fits(sourceId, s)).forEach(offered::add);
        return List.copyOf(offered);
    }

    private List<String> recent(String sourceId) {
        return headlines.sections(sourceId, clock.instant().minus(RECENT), SHOWN).stream()
                .filter(s -> fits(sourceId, s)).toList();
    }

    private static boolean fits(String sourceId, String section) {
        return toggleData(sourceId, section).getBytes(StandardCharsets.UTF_8).length <= SourceChoices.MAX_CALLBACK_BYTES;
    }

    String header(SourceConfig source) {
        return Messages.sectionsHeader(source.name());
    }

    Keyboard keyboard(long chatId, String sourceId) {
        Set<String> chosen = chats.chosenSections(chatId).getOrDefault(sourceId, Set.of());
        List<String> offered = offered(chatId, sourceId);
        Map<String, String> labels = SectionNames.labels(offered);
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (String section : offered) {
            row.add(new Button((chosen.contains(section) ? "✅ " : "▫️ ") + labels.get(section), toggleData(sourceId, section)));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        rows.add(List.of(new Button((chosen.isEmpty() ? "✅ " : "▫️ ") + Messages.ALL_SECTIONS, ALL + sourceId)));
        rows.add(List.of(new Button(Messages.BACK_TO_SOURCES, BACK)));
        return new Keyboard(rows);
    }

    /** Toggles one section. @return the callback answer */
    String toggle(long chatId, String sourceId, String section) {
        Set<String> chosen = new HashSet<>(chats.chosenSections(chatId).getOrDefault(sourceId, Set.of()));
        boolean on = chosen.add(section);
        if (!on) {
            chosen.remove(section);
        }
        chats.setSections(chatId, sourceId, chosen);
        return chosen.isEmpty() ? Messages.ALL_SECTIONS_NOW : Messages.sourceToggled(SectionNames.label(section), on);
    }

    /** Every section again. @return the callback answer */
    String all(long chatId, String sourceId) {
        chats.setSections(chatId, sourceId, Set.of());
        return Messages.ALL_SECTIONS_NOW;
    }

    static String openData(String sourceId) {
        return OPEN + sourceId;
    }

    static String toggleData(String sourceId, String section) {
        return TOGGLE + sourceId + ":" + section;
    }
}
