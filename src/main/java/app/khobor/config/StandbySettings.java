package app.khobor.config;

import java.time.Duration;

/**
 * Active/standby on PostgreSQL (section {@code standby}): several processes share one database and one lease; the one
 * holding it is active, the others wait. Ignored on SQLite, which one process uses alone.
 *
 * <p>Takeover after the active process dies: its lease lapses at most {@code term} after its last renewal, a standby
 * asks every {@code beat}, then starts (one to three seconds: classes load, the story index is restored). With the
 * defaults, at most 6 s + 1 s + start-up: 11-14 s were measured with a 9 s term on a busy machine, too close to the
 * 15 s the issue allows. The active process stops sending once its last renewal is older than {@code term} less two
 * beats (4 s with the defaults: a GC pause or a slow renewal that long makes it hand over), so it is silent before
 * any standby can take over.
 *
 * @param lease the lease's name: processes of one bot share it (a second bot on the same database takes another)
 * @param term  how long the lease lasts without renewal
 * @param beat  how often the active process renews and a standby asks; at most a third of the term
 */
public record StandbySettings(String lease, Duration term, Duration beat) {
    public static final StandbySettings DEFAULTS =
            new StandbySettings("khobor", Duration.ofSeconds(6), Duration.ofSeconds(1));
}
