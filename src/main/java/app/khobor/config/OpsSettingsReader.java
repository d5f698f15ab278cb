package app.khobor.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the optional {@code ops} section: {@code ops: {listen: "127.0.0.1:9464", sourceAlertAfter: 1h}}. */
final class OpsSettingsReader {
    static final String ENV_LISTEN = "KHOBOR_OPS_LISTEN";
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:]+]|[A-Za-z0-9.-]+):(\\d{1,5})");

    private OpsSettingsReader() {}

    static OpsSettings ops(Optional<ConfigSection> section, Map<String, String> env) throws ConfigException {
        OpsSettings settings = OpsSettings.DEFAULTS;
        if (section.isPresent()) {
            ConfigSection ops = section.get();
            ops.requireOnlyKeys(List.of("listen", "sourceAlertAfter"));
            String listen = ops.text("listen").orElse(null);
            if (listen != null && !valid(listen)) {
                throw ops.error("listen '" + listen
                        + "' must be host:port, like 127.0.0.1:9464 (empty for no endpoint)");
            }
            settings = new OpsSettings(listen, ops.positiveDuration("sourceAlertAfter", settings.sourceAlertAfter()));
        }
        String fromEnv = env.get(ENV_LISTEN);
        if (fromEnv != null && !fromEnv.isBlank()) {
            if (!valid(fromEnv.strip())) {
                throw new ConfigException("environment variable " + ENV_LISTEN + ": '" + fromEnv.strip()
                        + "' must be host:port, like 0.0.0.0:9464");
            }
            settings = new OpsSettings(fromEnv.strip(), settings.sourceAlertAfter());
        }
        return settings;
    }

    private static boolean valid(String listen) {
        Matcher m = HOST_PORT.matcher(listen);
        return m.matches() && Integer.parseInt(m.group(2)) <= 65535;
    }
}
