package app.khobor.news;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.source.PublicationHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * When each source's stored headlines were published, for the poller's pacing: the time the source gave where it is
 * believable, else when Khobor first saw the headline. A given time is not believable when it lies more than a day
 * before the first sighting (an old story a page still lists) or after it (a clock ahead), or is exactly midnight (a
 * page that prints only the date). Headlines of a source's baseline (its first read, all seen at one moment) count
 * only with a believable time of their own: a page's thirty undated headlines are no burst.
 */
public final class PublicationTimes implements PublicationHistory {
    private static final Duration BELIEVABLE_AGE = Duration.ofDays(1);
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final Database db;

    public PublicationTimes(Database db) {
        this.db = db;
    }

    @Override
    public List<Instant> since(String sourceId, Instant from) {
        List<Instant> times = db.read(c -> Statements.list(c, """
                SELECT h.published_at, h.first_seen, h.first_seen = s.first_read_at
                FROM headlines h LEFT JOIN source_state s ON s.source_id = h.source_id
                WHERE h.source_id = ? AND h.first_seen >= ?""",
                rs -> published(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getBoolean(3)),
                sourceId, from.toEpochMilli()));
        return times.stream().filter(Objects::nonNull).filter(t -> !t.isBefore(from)).toList();
    }

    /** @return the publication time to count, or null for a baseline headline without a believable one */
    static Instant published(String given, Instant firstSeen, boolean baseline) {
        Instant fallback = baseline ? null : firstSeen;
        if (given == null) {
            return fallback;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(given);
            Instant at = time.toInstant();
            boolean dateOnly = time.toLocalTime().toSecondOfDay() == 0;
            boolean believable = !dateOnly && !at.isAfter(firstSeen.plus(CLOCK_SLACK))
                    && !at.isBefore(firstSeen.minus(BELIEVABLE_AGE));
            return believable ? at : fallback;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
