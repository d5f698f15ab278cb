package app.khobor.config;

import java.time.Duration;

/**
 * Active/standby on PostgreSQL (section {@code standby}): several processes share one database and one lease; the one
 * holding it is active, the others wait. Ignored on SQLite, which one process uses alone.
 *
 * <p>Takeover after the active process dies: its lease lapses at most {@code term} after its last renewal, a standby
 * asks every {@code beat}, then starts (about a second). With the defaults, 9 s + 1 s + start-up, under 15 s. The
 * active process stops sending once its last renewal is older than {@code term} less two beats, so it is silent before
 * any standby can take over.
 *
 * @param lease the lease's name: processes of one bot share it (a second bot on the same database takes another)
 * @param term  how long the lease lasts without renewal
 * @param beat  how often the active process renews and a standby asks; at most a third of the term
 */
public record StandbySettings(String lease, Duration term, Duration beat) {
    public static final StandbySettings DEFAULTS =
            new StandbySettings("khobor", Duration.ofSeconds(9), Duration.ofSeconds(1));
}
