package app.khobor.config;

import java.time.Duration;

/**
 * The operator's side: the HTTP endpoint (/healthz, /metrics, the status page) and when admins are told a source died.
 *
 * @param listen           "host:port" of the endpoint; null when there is none (the key empty or absent)
 * @param sourceAlertAfter a source failing this long (or silent far longer than usual) is reported to the admins
 */
public record OpsSettings(String listen, Duration sourceAlertAfter) {
    public static final OpsSettings DEFAULTS = new OpsSettings(null, Duration.ofHours(1));
}
