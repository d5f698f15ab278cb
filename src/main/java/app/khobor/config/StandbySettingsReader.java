package app.khobor.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the optional {@code standby} section: {@code standby: {lease: khobor, term: 9s, beat: 1s}}. */
final class StandbySettingsReader {
    private static final Pattern LEASE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Below this a renewal's round trip and a GC pause eat the whole term: processes would hand over for nothing. */
    private static final Duration SHORTEST_TERM = Duration.ofSeconds(3);

    private StandbySettingsReader() {}

    static StandbySettings standby(Optional<ConfigSection> section) throws ConfigException {
        if (section.isEmpty()) {
            return StandbySettings.DEFAULTS;
        }
        ConfigSection standby = section.get();
        standby.requireOnlyKeys(List.of("lease", "term", "beat"));
        StandbySettings defaults = StandbySettings.DEFAULTS;
        String lease = standby.text("lease").orElse(defaults.lease());
        if (!LEASE_NAME.matcher(lease).matches()) {
            throw standby.error("lease '" + lease + "' must be 1-64 letters, digits, '.', '_' or '-', like khobor");
        }
        Duration term = standby.positiveDuration("term", defaults.term());
        Duration beat = standby.positiveDuration("beat", defaults.beat());
        if (term.compareTo(SHORTEST_TERM) < 0) {
            throw standby.error("term " + Durations.format(term) + " is too short: at least 3s");
        }
        if (beat.multipliedBy(3).compareTo(term) > 0) {
            throw standby.error("beat " + Durations.format(beat) + " must be at most a third of term "
                    + Durations.format(term) + " (the active process renews every beat and stops two beats early)");
        }
        return new StandbySettings(lease, term, beat);
    }
}
