package app.khobor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One map of the YAML file, with the name the operator knows it by ("telegram.rateLimit", "source 'samakal'"), so that
 * every typed read fails with a message naming the file, the section and the key. A key whose value is empty (null)
 * counts as absent: commenting out everything under a key must not break the file.
 */
final class ConfigSection {
    private final String file;
    private final String label;
    private final JsonNode map;

    ConfigSection(String file, String label, JsonNode map) {
        this.file = file;
        this.label = label;
        this.map = map;
    }

    String label() {
        return label;
    }

    ConfigSection relabel(String newLabel) {
        return new ConfigSection(file, newLabel, map);
    }

    ConfigException error(String problem) {
        return new ConfigException(file + ": " + (label.isEmpty() ? "" : label + ": ") + problem);
    }

    /** Rejects keys outside {@code known}, listing the known ones so a typo is easy to spot. */
    void requireOnlyKeys(List<String> known) throws ConfigException {
        for (Iterator<String> names = map.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!known.contains(key)) {
                throw error("unknown key '" + key + "' (known: " + String.join(", ", known) + ")" + tokenHint(key));
            }
        }
    }

    private static String tokenHint(String key) {
        return key.toLowerCase(Locale.ROOT).contains("token")
                ? "; the bot token is never kept in the file: set the environment variable TELEGRAM_BOT_TOKEN"
                : "";
    }

    boolean has(String key) {
        return !value(key).isMissingNode();
    }

    /** The value, with an explicit null folded into "absent". */
    JsonNode value(String key) {
        JsonNode node = map.path(key);
        return node.isNull() ? MissingNode.getInstance() : node;
    }

    Optional<ConfigSection> section(String key) throws ConfigException {
        JsonNode node = value(key);
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw error(key + " must be a map of keys and values (got " + describe(node) + ")");
        }
        return Optional.of(new ConfigSection(file, qualified(key), node));
    }

    private String qualified(String key) {
        return label.isEmpty() ? key : label + "." + key;
    }

    /** Any scalar, as text, stripped; blank counts as absent. */
    Optional<String> text(String key) throws ConfigException {
        JsonNode node = value(key);
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw error(key + " must be a single value (got " + describe(node) + ")");
        }
        String text = node.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    String requiredText(String key) throws ConfigException {
        return text(key).orElseThrow(() -> error("missing '" + key + "'"));
    }

    int positiveInt(String key, int fallback) throws ConfigException {
        JsonNode node = value(key);
        if (node.isMissingNode()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error(key + " must be a whole number (got " + describe(node) + ")");
        }
        if (node.intValue() <= 0) {
            throw error(key + " " + node.intValue() + " must be at least 1");
        }
        return node.intValue();
    }

    boolean bool(String key, boolean fallback) throws ConfigException {
        JsonNode node = value(key);
        if (node.isMissingNode()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String word = node.isTextual() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
        if (List.of("yes", "on").contains(word)) {
            return true;
        }
        if (List.of("no", "off").contains(word)) {
            return false;
        }
        throw error(key + " must be true or false (got " + describe(node) + ")");
    }

    private static final Duration LONGEST = Duration.ofDays(3650);

    Duration positiveDuration(String key, Duration fallback) throws ConfigException {
        Optional<String> text = text(key);
        return text.isEmpty() ? fallback : positiveDuration(key, text.get());
    }

    Duration positiveDuration(String key, String text) throws ConfigException {
        Duration duration;
        try {
            duration = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(key + " " + e.getMessage());
        }
        if (duration.isZero() || duration.isNegative()) {
            throw error(key + " '" + text + "' must be longer than zero");
        }
        if (duration.compareTo(LONGEST) > 0) {
            // Beyond a few years, timers and date arithmetic overflow; no setting of Khobor needs that long.
            throw error(key + " '" + text + "' is too long (at most 3650d)");
        }
        return duration;
    }

    /** The list under {@code key}; absent gives an empty list. */
    List<JsonNode> list(String key, String example) throws ConfigException {
        JsonNode node = value(key);
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(key + " must be a list, like " + example + " (got " + describe(node) + ")");
        }
        List<JsonNode> items = new ArrayList<>();
        node.elements().forEachRemaining(items::add);
        return items;
    }

    /** How a value looks to someone reading the YAML, for "got ..." in messages. */
    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a map";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "the text '" + node.asText() + "'";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        return node.isNumber() ? "the number " + node.asText() : "nothing";
    }
}
