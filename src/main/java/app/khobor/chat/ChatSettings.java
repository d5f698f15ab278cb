package app.khobor.chat;

import app.khobor.text.BanglaCalendar;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * What a chat chose in /settings (table chat_settings, V6.sql).
 *
 * @param zone        every time shown to the chat: Bangladesh (Asia/Dhaka, the default) or India (Asia/Kolkata)
 * @param linkPreview pushes show the link's preview (off by default: a list of headlines stays compact)
 * @param quiet       pushes from {@link #QUIET_FROM} to {@link #QUIET_TO} in the chat's zone come without a sound
 * @param hourly      headlines wait for the next full hour in the chat's zone and go together, as one digest
 */
public record ChatSettings(ZoneId zone, boolean linkPreview, boolean quiet, boolean hourly) {
    public static final ChatSettings DEFAULT = new ChatSettings(BanglaCalendar.ZONE, false, false, false);

    public ChatSettings(ZoneId zone, boolean linkPreview, boolean quiet) {
        this(zone, linkPreview, quiet, false);
    }
    public static final LocalTime QUIET_FROM = LocalTime.of(23, 0);
    public static final LocalTime QUIET_TO = LocalTime.of(7, 0);

    /** Whether {@code at} falls in the chat's quiet hours (when it has them on). */
    public boolean quietAt(Instant at) {
        if (!quiet) {
            return false;
        }
        LocalTime t = ZonedDateTime.ofInstant(at, zone).toLocalTime();
        return !t.isBefore(QUIET_FROM) || t.isBefore(QUIET_TO);
    }

    /** The last full hour in the chat's zone at or before {@code now} (India's hours begin at :30 UTC). */
    public Instant hourStart(Instant now) {
        return ZonedDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    ChatSettings withZone(ZoneId z) {
        return new ChatSettings(z, linkPreview, quiet, hourly);
    }

    ChatSettings withLinkPreview(boolean on) {
        return new ChatSettings(zone, on, quiet, hourly);
    }

    ChatSettings withQuiet(boolean on) {
        return new ChatSettings(zone, linkPreview, on, hourly);
    }

    ChatSettings withHourly(boolean on) {
        return new ChatSettings(zone, linkPreview, quiet, on);
    }
}
