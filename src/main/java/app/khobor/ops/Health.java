package app.khobor.ops;

import app.khobor.db.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What /healthz answers: healthy when the poller finished a read within two polling intervals (and has not stopped),
 * the database answers a query, the disk under it has room, and Telegram answered within the last five minutes.
 * Otherwise each failing condition is one reason in plain words.
 */
final class Health {
    static final Duration TELEGRAM_WITHIN = Duration.ofMinutes(5);
    /** Below this, SQLite's next page write may fail with SQLITE_FULL. */
    static final long LOW_DISK_BYTES = 16L << 20;

    private final SourceActivity activity;
    private final BooleanSupplier polling;
    private final Duration interval;
    private final Runnable databasePing;
    private final Path databaseFolder;
    private final Supplier<Optional<Duration>> sinceTelegramAnswered;

    /**
     * @param polling        false once the poller stopped for good (a damaged database)
     * @param interval       the shortest polling interval of any source
     * @param databaseFolder where the database file lives, for its free space; null for none to check
     */
    Health(SourceActivity activity, BooleanSupplier polling, Duration interval, Runnable databasePing,
           Path databaseFolder, Supplier<Optional<Duration>> sinceTelegramAnswered) {
        this.activity = activity;
        this.polling = polling;
        this.interval = interval;
        this.databasePing = databasePing;
        this.databaseFolder = databaseFolder;
        this.sinceTelegramAnswered = sinceTelegramAnswered;
    }

    /** @param role "active" or "standby" on PostgreSQL (several processes); null on SQLite (one process) */
    record Result(boolean healthy, List<String> reasons, long secondsSinceRead, Long secondsSinceTelegram,
                  String role) {
        Result(boolean healthy, List<String> reasons, long secondsSinceRead, Long secondsSinceTelegram) {
            this(healthy, reasons, secondsSinceRead, secondsSinceTelegram, null);
        }

        Result as(String role) {
            return new Result(healthy, reasons, secondsSinceRead, secondsSinceTelegram, role);
        }

        /**
         * A standby is healthy when it can reach the database: it reads no portal and talks to no Telegram, and must
         * only be ready to take over. The supervisor must not restart it for being idle.
         */
        static Result standby(Runnable databasePing) {
            List<String> reasons = new ArrayList<>();
            ping(databasePing, reasons);
            return new Result(reasons.isEmpty(), List.copyOf(reasons), 0, null, "standby");
        }

        /** A small JSON body; reasons are our own words, escaped all the same. */
        String json() {
            StringBuilder b = new StringBuilder("{\"status\":\"").append(healthy ? "ok" : "unhealthy").append('"');
            if (role != null) {
                b.append(",\"role\":\"").append(role).append('"');
            }
            b.append(",\"secondsSinceLastRead\":").append(secondsSinceRead)
                    .append(",\"secondsSinceTelegramAnswered\":").append(secondsSinceTelegram)
                    .append(",\"reasons\":[");
            for (int i = 0; i < reasons.size(); i++) {
                b.append(i == 0 ? "" : ",").append('"').append(escape(reasons.get(i))).append('"');
            }
            return b.append("]}\n").toString();
        }

        private static String escape(String s) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
    }

    Result check() {
        List<String> reasons = new ArrayList<>();
        Duration sinceRead = activity.sinceLastRead();
        if (!polling.getAsBoolean()) {
            reasons.add("polling stopped (the database is damaged: see the log)");
        } else if (sinceRead.compareTo(interval.multipliedBy(2)) > 0) {
            reasons.add("the poller finished no read for " + sinceRead.toSeconds() + " s (interval "
                    + interval.toSeconds() + " s)");
        }
        ping(databasePing, reasons);
        lowDisk().ifPresent(reasons::add);
        Optional<Duration> telegram = sinceTelegramAnswered.get();
        if (telegram.isEmpty()) {
            reasons.add("Telegram has not answered since start");
        } else if (telegram.get().compareTo(TELEGRAM_WITHIN) > 0) {
            reasons.add("Telegram last answered " + telegram.get().toSeconds() + " s ago");
        }
        return new Result(reasons.isEmpty(), List.copyOf(reasons), sinceRead.toSeconds(),
                telegram.map(Duration::toSeconds).orElse(null));
    }

    private static void ping(Runnable databasePing, List<String> reasons) {
        try {
            databasePing.run();
        } catch (StorageException e) {
            reasons.add("database: " + (e.kind() == StorageException.Kind.OTHER ? e.getMessage() : e.kind().words()));
        } catch (RuntimeException e) {
            reasons.add("database: " + e.getMessage());
        }
    }

    private Optional<String> lowDisk() {
        if (databaseFolder == null) {
            return Optional.empty();
        }
        try {
            long free = Files.getFileStore(databaseFolder).getUsableSpace();
            return free < LOW_DISK_BYTES
                    ? Optional.of("disk full: " + (free >> 10) + " KB free under " + databaseFolder)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot read the free space under " + databaseFolder + ": " + e.getMessage());
        }
    }
}
