package app.khobor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and checks the {@code sources} list: ids, types, URLs and the CSS selectors of html sources. */
final class SourceConfigReader {
    static final List<String> KEYS =
            List.of("id", "name", "type", "url", "item", "title", "link", "time", "interval", "enabled");
    private static final List<String> SELECTOR_KEYS = List.of("item", "title", "link", "time");
    // Ids go into callback data (64 bytes in all) and logs: short, lower case, no spaces.
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private final String file;

    SourceConfigReader(String file) {
        this.file = file;
    }

    List<SourceConfig> read(ConfigSection root) throws ConfigException {
        List<JsonNode> nodes = root.list("sources", "[{id: prothomalo, type: feed, url: https://...}]");
        if (nodes.isEmpty()) {
            throw root.error("no sources configured (add at least one under 'sources:')");
        }
        List<SourceConfig> sources = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            SourceConfig source = source(i + 1, nodes.get(i));
            Integer earlier = numbers.putIfAbsent(source.id(), i + 1);
            if (earlier != null) {
                throw new ConfigException(file + ": source '" + source.id() + "' is defined twice (sources #" + earlier
                        + " and #" + (i + 1) + ")");
            }
            sources.add(source);
        }
        return List.copyOf(sources);
    }

    private SourceConfig source(int number, JsonNode node) throws ConfigException {
        ConfigSection numbered = new ConfigSection(file, "source #" + number, node);
        if (!node.isObject()) {
            throw numbered.error("must be a map with id, type and url (got " + ConfigSection.describe(node) + ")");
        }
        String id = id(numbered);
        ConfigSection source = numbered.relabel("source '" + id + "'");
        source.requireOnlyKeys(KEYS);
        SourceType type = type(source);
        URI url = url(source);
        checkSelectors(source, type);
        Optional<String> interval = source.text("interval");
        Duration ownInterval = interval.isEmpty() ? null : source.positiveDuration("interval", interval.get());
        if (ownInterval != null) {
            SettingsReader.warnIfImpolite(source.label(), ownInterval);
        }
        return new SourceConfig(id, source.text("name").orElse(id), type, url,
                source.text("item").orElse(null), source.text("title").orElse(null),
                source.text("link").orElse(null), source.text("time").orElse(null),
                ownInterval, source.bool("enabled", true));
    }

    private static String id(ConfigSection source) throws ConfigException {
        String id = source.requiredText("id");
        if (!ID.matcher(id).matches()) {
            throw source.error("id '" + id + "' must be 1 to 32 lower-case letters, digits, '-' or '_',"
                    + " starting with a letter or digit");
        }
        return id;
    }

    /** Without a type, a source with an item selector is a page and anything else a feed. */
    private static SourceType type(ConfigSection source) throws ConfigException {
        Optional<String> type = source.text("type");
        if (type.isEmpty()) {
            return source.has("item") ? SourceType.HTML : SourceType.FEED;
        }
        return switch (type.get().toLowerCase(Locale.ROOT)) {
            case "feed" -> SourceType.FEED;
            case "html" -> SourceType.HTML;
            case "sitemap" -> SourceType.SITEMAP;
            default -> throw source.error("type '" + type.get() + "' must be feed or html or sitemap"
                    + " (feed covers RSS and Atom; html reads a page with CSS selectors; sitemap a Google News sitemap)");
        };
    }

    private static URI url(ConfigSection source) throws ConfigException {
        String text = source.requiredText("url");
        try {
            return HttpUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw source.error("url " + e.getMessage());
        }
    }

    private static void checkSelectors(ConfigSection source, SourceType type) throws ConfigException {
        if (type != SourceType.HTML) {
            for (String key : SELECTOR_KEYS) {
                if (source.has(key)) {
                    throw source.error("'" + key + "' is only for type html (this source is a "
                            + type.name().toLowerCase(Locale.ROOT) + ")");
                }
            }
            return;
        }
        if (source.text("item").isEmpty()) {
            throw source.error("missing 'item' (the CSS selector of one headline block; type html needs it)");
        }
        for (String key : SELECTOR_KEYS) {
            Optional<String> selector = source.text(key);
            if (selector.isPresent()) {
                checkSelector(source, key, selector.get());
            }
        }
    }

    private static void checkSelector(ConfigSection source, String key, String selector) throws ConfigException {
        int cut = key.equals("title") ? CssSelectors.exclusionMark(selector) : -1;
        if (cut < 0) {
            checkCss(source, "'" + key + "'", selector);
            return;
        }
        checkCss(source, "'title'", selector.substring(0, cut).strip());
        String exclusion = selector.substring(cut + 1).strip();
        if (CssSelectors.exclusionMark(exclusion) >= 0) {
            throw source.error("'title' may have only one ' ! ' (the part to leave out after it)");
        }
        checkCss(source, "the exclusion part (after ' ! ') of 'title'", exclusion);
    }

    private static void checkCss(ConfigSection source, String where, String selector) throws ConfigException {
        String problem = CssSelectors.problemOf(selector);
        if (problem == null) {
            return;
        }
        String hint = selector.contains("!") && !where.contains("title")
                ? " (the ' ! ' exclusion works only in 'title')" : "";
        throw source.error("selector '" + selector + "' in " + where + " is not valid CSS: " + problem + hint);
    }
}
