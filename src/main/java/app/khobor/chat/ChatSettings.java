package app.khobor.chat;

import app.khobor.text.BanglaCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a chat chose in /settings (table chat_settings, V6.sql and V9.sql).
 *
 * @param zone        every time shown to the chat: Bangladesh (Asia/Dhaka, the default) or India (Asia/Kolkata)
 * @param linkPreview pushes show the link's preview (off by default: a list of headlines stays compact)
 * @param quiet       quiet hours from {@link #QUIET_FROM} to {@link #QUIET_TO} in the chat's zone
 * @param hourly      headlines wait for the next full hour in the chat's zone and go together, as one digest
 * @param twiceAt     0, or the morning hour (one of {@link #TWICE_HOURS}) of two daily digests, the second twelve
 *                    hours later; set, it replaces {@code hourly}
 * @param quietHold   in quiet hours pushes are held for one digest at their end, not sent silently
 * @param stories     an event several portals report: once (the default), every portal's copy, or top stories only
 * @param topPortals  top stories: how many portals must carry a story (one of {@link StoryChoice#TOP_PORTALS})
 */
public record ChatSettings(ZoneId zone, boolean linkPreview, boolean quiet, boolean hourly, int twiceAt,
                           boolean quietHold, StoryChoice stories, int topPortals) {
    public static final ChatSettings DEFAULT = new ChatSettings(BanglaCalendar.ZONE, false, false, false);
    public static final LocalTime QUIET_FROM = LocalTime.of(23, 0);
    public static final LocalTime QUIET_TO = LocalTime.of(7, 0);
    /** The morning hours /settings offers for twice-daily digests (the evening one is twelve hours later). */
    public static final List<Integer> TWICE_HOURS = List.of(7, 8, 9);

    public ChatSettings {
        if (twiceAt != 0 && !TWICE_HOURS.contains(twiceAt)) {
            throw new IllegalArgumentException("twice-daily digests start at one of " + TWICE_HOURS + ", not " + twiceAt);
        }
        if (twiceAt != 0) {
            hourly = false;
        }
        if (!StoryChoice.TOP_PORTALS.contains(topPortals)) {
            throw new IllegalArgumentException("top stories need one of " + StoryChoice.TOP_PORTALS + " portals, not " + topPortals);
        }
    }

    public ChatSettings(ZoneId zone, boolean linkPreview, boolean quiet, boolean hourly, int twiceAt,
                        boolean quietHold) {
        this(zone, linkPreview, quiet, hourly, twiceAt, quietHold, StoryChoice.ONCE, StoryChoice.DEFAULT_TOP_PORTALS);
    }

    public ChatSettings(ZoneId zone, boolean linkPreview, boolean quiet, boolean hourly) {
        this(zone, linkPreview, quiet, hourly, 0, false);
    }

    public ChatSettings(ZoneId zone, boolean linkPreview, boolean quiet) {
        this(zone, linkPreview, quiet, false);
    }

    /** Whether {@code at} falls in the chat's quiet hours (when it has them on). */
    public boolean quietAt(Instant at) {
        if (!quiet) {
            return false;
        }
        LocalTime t = ZonedDateTime.ofInstant(at, zone).toLocalTime();
        return !t.isBefore(QUIET_FROM) || t.isBefore(QUIET_TO);
    }

    /** The start of the quiet hours {@code at} falls in; call only when {@link #quietAt} says it does. */
    Instant quietStart(Instant at) {
        ZonedDateTime t = ZonedDateTime.ofInstant(at, zone);
        LocalDate day = t.toLocalTime().isBefore(QUIET_FROM) ? t.toLocalDate().minusDays(1) : t.toLocalDate();
        return day.atTime(QUIET_FROM).atZone(zone).toInstant();
    }

    /** The end of the quiet hours {@code at} falls in; call only when {@link #quietAt} says it does. */
    Instant quietEnd(Instant at) {
        return quietStart(at).atZone(zone).toLocalDate().plusDays(1).atTime(QUIET_TO).atZone(zone).toInstant();
    }

    /** The last full hour in the chat's zone at or before {@code now} (India's hours begin at :30 UTC). */
    public Instant hourStart(Instant now) {
        return ZonedDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    /** The last twice-daily digest time at or before {@code now}; call only with {@code twiceAt} set. */
    Instant lastDigest(Instant now) {
        ZonedDateTime t = ZonedDateTime.ofInstant(now, zone);
        ZonedDateTime slot = t.toLocalDate().atTime(twiceAt, 0).atZone(zone);
        while (slot.isAfter(t)) {
            slot = slot.minusHours(12);
        }
        while (!slot.plusHours(12).isAfter(t)) {
            slot = slot.plusHours(12);
        }
        return slot.toInstant();
    }

    ChatSettings withZone(ZoneId z) {
        return new ChatSettings(z, linkPreview, quiet, hourly, twiceAt, quietHold, stories, topPortals);
    }

    ChatSettings withLinkPreview(boolean on) {
        return new ChatSettings(zone, on, quiet, hourly, twiceAt, quietHold, stories, topPortals);
    }

    ChatSettings withQuiet(boolean on) {
        return new ChatSettings(zone, linkPreview, on, hourly, twiceAt, quietHold, stories, topPortals);
    }

    ChatSettings withQuietHold(boolean hold) {
        return new ChatSettings(zone, linkPreview, quiet, hourly, twiceAt, hold);
    }

    /** Instant delivery: neither hourly nor twice-daily. */
    ChatSettings instant() {
        return new ChatSettings(zone, linkPreview, quiet, false, 0, quietHold, stories, topPortals);
    }

    ChatSettings withHourly(boolean on) {
        return new ChatSettings(zone, linkPreview, quiet, on, 0, quietHold, stories, topPortals);
    }

    ChatSettings withTwiceAt(int morningHour) {
        return new ChatSettings(zone, linkPreview, quiet, false, morningHour, quietHold, stories, topPortals);
    }

    ChatSettings withStories(StoryChoice choice) {
        return new ChatSettings(zone, linkPreview, quiet, hourly, twiceAt, quietHold, choice, topPortals);
    }

    ChatSettings withTopPortals(int portals) {
        return new ChatSettings(zone, linkPreview, quiet, hourly, twiceAt, quietHold, StoryChoice.TOP, portals);
    }
}
