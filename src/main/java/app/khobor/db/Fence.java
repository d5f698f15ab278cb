package app.khobor.db;

/**
 * The lease an active process holds ({@code khobor_lease}, taken by the standby package). Once a database is fenced,
 * every write and transaction first checks, in the same transaction and holding a share lock on the lease row, that
 * the lease is still at this epoch and unexpired; otherwise it is refused ({@link StorageException.Kind#FENCED}).
 * The share lock makes a standby's takeover wait for a write in progress, so no write of the old epoch lands after
 * the new one began.
 *
 * @param lease the lease's name
 * @param epoch the epoch this process took it at
 */
public record Fence(String lease, long epoch) {}
