package app.khobor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the telegram, storage, polling and delivery sections; each is optional and falls back to its defaults. */
final class SettingsReader {
    static final String ENV_DB_URL = "KHOBOR_DB_URL";
    static final String ENV_API_URL = "TELEGRAM_API_URL";
    /** Polling a portal more often than this is impolite and gets bots blocked. */
    static final Duration POLITE_INTERVAL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SettingsReader.class);
    private static final int TELEGRAM_GLOBAL_LIMIT = 30;
    private static final int PAID_BROADCAST_LIMIT = 1000;
    private static final long MAX_BODY_LIMIT = 2047L << 20;
    private static final Pattern BYTE_SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

    private SettingsReader() {
    }

    static TelegramSettings telegram(Optional<ConfigSection> section, Map<String, String> env) throws ConfigException {
        String apiUrl = TelegramSettings.DEFAULT_API_URL;
        List<Long> admins = List.of();
        RateLimitSettings rateLimit = RateLimitSettings.TELEGRAM_DEFAULTS;
        boolean paidBroadcast = false;
        if (section.isPresent()) {
            ConfigSection telegram = section.get();
            telegram.requireOnlyKeys(List.of("apiUrl", "admins", "rateLimit", "paidBroadcast"));
            paidBroadcast = telegram.bool("paidBroadcast", false);
            apiUrl = apiUrl(telegram, telegram.text("apiUrl").orElse(apiUrl));
            admins = admins(telegram);
            Optional<ConfigSection> limits = telegram.section("rateLimit");
            rateLimit = limits.isEmpty() ? rateLimit : rateLimit(limits.get(), paidBroadcast);
        }
        String fromEnv = env.get(ENV_API_URL);
        if (fromEnv != null && !fromEnv.isBlank()) {
            apiUrl = envApiUrl(fromEnv.strip());
        }
        return new TelegramSettings(apiUrl, admins, rateLimit, paidBroadcast);
    }

    private static String apiUrl(ConfigSection telegram, String text) throws ConfigException {
        try {
            return botApiBase(text);
        } catch (IllegalArgumentException e) {
            throw telegram.error("apiUrl " + e.getMessage());
        }
    }

    private static String envApiUrl(String text) throws ConfigException {
        try {
            return botApiBase(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("environment variable " + ENV_API_URL + ": " + e.getMessage());
        }
    }

    /**
     * Requests go to {@code <apiUrl>/bot<token>/<method>} and the library cannot carry a path prefix, so a URL with
     * one would silently hit the wrong endpoint: refused here, before anything (the database) is touched.
     */
    private static String botApiBase(String text) {
        String url = withoutTrailingSlash(HttpUrl.parse(text).toString());
        String path = URI.create(url).getRawPath();
        if (path != null && !path.isEmpty()) {
            throw new IllegalArgumentException("'" + text
                    + "' must not have a path; requests go to <url>/bot<token>/<method>");
        }
        return url;
    }

    // Requests go to <apiUrl>/bot<token>/<method>; a trailing slash would double it.
    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static List<Long> admins(ConfigSection telegram) throws ConfigException {
        List<Long> admins = new ArrayList<>();
        for (JsonNode admin : telegram.list("admins", "[111, 222]")) {
            if (!admin.isIntegralNumber() || !admin.canConvertToLong() || admin.longValue() <= 0) {
                throw telegram.error("admins must be a list of Telegram user ids (positive numbers), like [111, 222];"
                        + " got " + ConfigSection.describe(admin));
            }
            admins.add(admin.longValue());
        }
        return List.copyOf(admins);
    }

    private static RateLimitSettings rateLimit(ConfigSection limits, boolean paidBroadcast) throws ConfigException {
        limits.requireOnlyKeys(List.of("globalPerSecond", "perChatPerSecond", "perGroupPerMinute"));
        RateLimitSettings defaults = RateLimitSettings.TELEGRAM_DEFAULTS;
        int global = limits.positiveInt("globalPerSecond", defaults.globalPerSecond());
        int ceiling = paidBroadcast ? PAID_BROADCAST_LIMIT : TELEGRAM_GLOBAL_LIMIT;
        if (global > ceiling) {
            throw limits.error("globalPerSecond " + global + " is above Telegram's limit of " + ceiling + " per second"
                    + (paidBroadcast ? " even with paid broadcasts" : "; set telegram.paidBroadcast: true to allow up to "
                    + PAID_BROADCAST_LIMIT));
        }
        return new RateLimitSettings(global,
                limits.positiveInt("perChatPerSecond", defaults.perChatPerSecond()),
                limits.positiveInt("perGroupPerMinute", defaults.perGroupPerMinute()));
    }

    static StorageSettings storage(Optional<ConfigSection> section, Map<String, String> env) throws ConfigException {
        StorageSettings settings = StorageSettings.DEFAULTS;
        if (section.isPresent()) {
            settings = storage(section.get());
        }
        String fromEnv = env.get(ENV_DB_URL);
        if (fromEnv != null && !fromEnv.isBlank()) {
            String url = fromEnv.strip();
            settings = new StorageSettings(url, settings.retention(), settings.seenCacheSize(), settings.seenCacheExpiry());
        }
        return settings;
    }

    private static StorageSettings storage(ConfigSection storage) throws ConfigException {
        storage.requireOnlyKeys(List.of("url", "retention", "seenCache"));
        StorageSettings defaults = StorageSettings.DEFAULTS;
        String url = storage.text("url").orElse(defaults.url());
        Duration retention = storage.positiveDuration("retention", defaults.retention());
        long cacheSize = defaults.seenCacheSize();
        Duration cacheExpiry = defaults.seenCacheExpiry();
        Optional<ConfigSection> cache = storage.section("seenCache");
        if (cache.isPresent()) {
            cache.get().requireOnlyKeys(List.of("size", "expiry"));
            cacheSize = cache.get().positiveInt("size", (int) cacheSize);
            cacheExpiry = cache.get().positiveDuration("expiry", cacheExpiry);
        }
        return new StorageSettings(url, retention, cacheSize, cacheExpiry);
    }

    static PollingSettings polling(Optional<ConfigSection> section) throws ConfigException {
        if (section.isEmpty()) {
            return PollingSettings.DEFAULTS;
        }
        ConfigSection polling = section.get();
        polling.requireOnlyKeys(List.of("interval", "timeout", "maxBackoff", "maxBody", "userAgent",
                "minInterval", "maxInterval", "maxPerHostPerMinute"));
        PollingSettings defaults = PollingSettings.DEFAULTS;
        Duration interval = polling.positiveDuration("interval", defaults.interval());
        warnIfImpolite(polling.label(), interval);
        Duration min = polling.positiveDuration("minInterval", defaults.minInterval());
        Duration max = polling.positiveDuration("maxInterval", defaults.maxInterval());
        if (min.compareTo(max) > 0) {
            throw polling.error("minInterval " + Durations.format(min) + " is longer than maxInterval "
                    + Durations.format(max));
        }
        warnIfImpolite(polling.label() + ": minInterval", min);
        int perHost = polling.positiveInt("maxPerHostPerMinute", defaults.maxPerHostPerMinute());
        return new PollingSettings(interval,
                polling.positiveDuration("maxBackoff", defaults.maxBackoff()),
                polling.positiveDuration("timeout", defaults.timeout()),
                maxBody(polling, defaults.maxBodyBytes()),
                userAgent(polling, defaults.userAgent()), min, max, perHost);
    }

    /** HTTP headers take only visible ASCII: a Bengali or multi-line agent would fail every request, not start-up. */
    private static String userAgent(ConfigSection polling, String fallback) throws ConfigException {
        String agent = polling.text("userAgent").orElse(fallback);
        if (!agent.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw polling.error("userAgent '" + agent.strip() + "' may hold only printable ASCII (Latin letters,"
                    + " digits, spaces and punctuation)");
        }
        return agent;
    }

    static void warnIfImpolite(String where, Duration interval) {
        if (interval.compareTo(POLITE_INTERVAL) < 0) {
            log.warn("{}: interval {} is under {}; portals may block a bot that polls this often", where,
                    Durations.format(interval), Durations.format(POLITE_INTERVAL));
        }
    }

    /** "5MB", "512KB", "5 mb" or a plain number of bytes; units count in 1024s. */
    private static long maxBody(ConfigSection polling, long fallback) throws ConfigException {
        Optional<String> text = polling.text("maxBody");
        if (text.isEmpty()) {
            return fallback;
        }
        Matcher size = BYTE_SIZE.matcher(text.get().toLowerCase(Locale.ROOT));
        long bytes = -1;
        if (size.matches() && size.group(1).length() < 10) {
            int shift = size.group(2) == null ? 0 : 10 * List.of("b", "kb", "mb", "gb").indexOf(size.group(2));
            bytes = Long.parseLong(size.group(1)) << shift;
        }
        if (bytes <= 0) {
            throw polling.error("maxBody '" + text.get() + "' is not a size above zero (examples: 5MB, 512KB, 1048576)");
        }
        if (bytes > MAX_BODY_LIMIT) {
            // the fetcher holds a body in one byte array
            throw polling.error("maxBody '" + text.get() + "' is too large (at most 2047MB)");
        }
        return bytes;
    }

    static DeliverySettings delivery(Optional<ConfigSection> section) throws ConfigException {
        if (section.isEmpty()) {
            return DeliverySettings.DEFAULTS;
        }
        ConfigSection delivery = section.get();
        delivery.requireOnlyKeys(List.of("maxAge", "digestOver"));
        DeliverySettings defaults = DeliverySettings.DEFAULTS;
        return new DeliverySettings(delivery.positiveDuration("maxAge", defaults.maxAge()),
                delivery.positiveInt("digestOver", defaults.digestOver()));
    }

    /** The story window must cover the top-stories time: a story's later copies are matched within the window. */
    static StorySettings stories(Optional<ConfigSection> section) throws ConfigException {
        if (section.isEmpty()) {
            return StorySettings.DEFAULTS;
        }
        ConfigSection stories = section.get();
        stories.requireOnlyKeys(List.of("window", "merge", "topWithin"));
        StorySettings defaults = StorySettings.DEFAULTS;
        Duration window = stories.positiveDuration("window", defaults.window());
        Duration topWithin = stories.positiveDuration("topWithin", defaults.topWithin());
        if (topWithin.compareTo(window) > 0) {
            throw stories.error("topWithin " + Durations.format(topWithin) + " is longer than window "
                    + Durations.format(window) + "; a story's copies are only matched within the window");
        }
        return new StorySettings(window, stories.bool("merge", defaults.merge()), topWithin);
    }
}
