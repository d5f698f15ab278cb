package app.khobor.delivery;

import app.khobor.text.BanglaCalendar;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How a chat wants its pushes, as its settings say at the moment of sending.
 *
 * @param zone        the zone times are shown in
 * @param linkPreview show the link's preview
 * @param silent      no notification sound (the chat's quiet hours)
 * @param dueBefore   null: every waiting headline may go now; else only those queued before it, together as one
 *                    digest (the chat gets its news in batches)
 * @param heldUntil   when the headlines queued since {@code dueBefore} may go (the next batch); null with dueBefore
 * @param digestBefore null, or (not batched) headlines queued before it were held (the chat's quiet hours) and go
 *                    first, together as one digest; those queued after it go as usual
 */
public record PushStyle(ZoneId zone, boolean linkPreview, boolean silent, Instant dueBefore, Instant heldUntil,
                        Instant digestBefore) {
    public static final PushStyle DEFAULT = new PushStyle(BanglaCalendar.ZONE, false, false);

    public PushStyle(ZoneId zone, boolean linkPreview, boolean silent) {
        this(zone, linkPreview, silent, null, null);
    }

    public PushStyle(ZoneId zone, boolean linkPreview, boolean silent, Instant dueBefore, Instant heldUntil) {
        this(zone, linkPreview, silent, dueBefore, heldUntil, null);
    }

    public PushStyle {
        if ((dueBefore == null) != (heldUntil == null) || (dueBefore != null && !heldUntil.isAfter(dueBefore))) {
            throw new IllegalArgumentException("a batch needs dueBefore before heldUntil: " + dueBefore + ", " + heldUntil);
        }
    }

    /** Headlines go in batches: what is due goes as one digest. */
    public boolean batched() {
        return dueBefore != null;
    }
}
