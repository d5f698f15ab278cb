package app.khobor.delivery;

import app.khobor.text.BanglaCalendar;
import java.time.ZoneId;

/**
 * How a chat wants its pushes, as its settings say at the moment of sending.
 *
 * @param zone        the zone times are shown in
 * @param linkPreview show the link's preview
 * @param silent      no notification sound (the chat's quiet hours)
 */
public record PushStyle(ZoneId zone, boolean linkPreview, boolean silent) {
    public static final PushStyle DEFAULT = new PushStyle(BanglaCalendar.ZONE, false, false);
}
