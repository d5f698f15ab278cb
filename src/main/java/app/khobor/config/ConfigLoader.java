package app.khobor.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads the YAML configuration. The file is read into a plain tree and checked by hand, not bound to classes, so that
 * every mistake gives one message naming the section, the source and the key, never a parser stack trace.
 */
public final class ConfigLoader {
    static final List<String> SECTIONS = List.of("telegram", "storage", "polling", "delivery", "sources", "ops", "stories",
            "standby");

    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);
    // A repeated key would otherwise silently win over the first one. YAML 1.1 reads on/off/yes/no as booleans, which
    // would turn `id: on` into "true"; they stay text here and ConfigSection.bool accepts them where a flag is expected.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");

    private ConfigLoader() {
    }

    /**
     * @param env the process environment (System.getenv() in production): KHOBOR_DB_URL overrides storage.url and
     *            TELEGRAM_API_URL overrides telegram.apiUrl, KHOBOR_OPS_LISTEN ops.listen
     * @throws ConfigException with a message for the operator; the caller exits with code 2
     */
    public static KhoborConfig load(Path file, Map<String, String> env) throws ConfigException {
        String name = file.toString();
        ConfigSection root = new ConfigSection(name, "", parse(name, read(file)));
        root.requireOnlyKeys(SECTIONS);
        KhoborConfig config = new KhoborConfig(
                SettingsReader.telegram(root.section("telegram"), env),
                SettingsReader.storage(root.section("storage"), env),
                SettingsReader.polling(root.section("polling")),
                SettingsReader.delivery(root.section("delivery")),
                new SourceConfigReader(name).read(root),
                OpsSettingsReader.ops(root.section("ops"), env),
                SettingsReader.stories(root.section("stories")),
                StandbySettingsReader.standby(root.section("standby")));
        if (config.enabledSources().isEmpty()) {
            log.warn("{}: every source has enabled: false, so no headlines will be fetched", name);
        }
        return config;
    }

    private static String read(Path file) throws ConfigException {
        if (!Files.exists(file)) {
            throw new ConfigException("config file " + file + " not found");
        }
        if (Files.isDirectory(file)) {
            throw new ConfigException("config file " + file + " is a directory, not a file");
        }
        try {
            String text = Files.readString(file);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ConfigException("config file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e);
        }
    }

    private static JsonNode parse(String name, String text) throws ConfigException {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ": " + syntaxProblem(e));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigException("config file " + name + " is empty (it needs at least a 'sources' list)");
        }
        if (!tree.isObject()) {
            throw new ConfigException(name + ": must be a map with the sections " + String.join(", ", SECTIONS)
                    + " (got " + ConfigSection.describe(tree) + ")");
        }
        return tree;
    }

    /** SnakeYAML's own words without its multi-line excerpt; Jackson's only for repeated keys. */
    private static String syntaxProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
            return "YAML syntax error at line " + (yaml.getProblemMark().getLine() + 1) + ", column "
                    + (yaml.getProblemMark().getColumn() + 1) + ": " + context + yaml.getProblem();
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr();
        Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return "key '" + duplicate.group(1) + "'" + where + " appears twice in the same map";
        }
        String firstLine = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        return "YAML syntax error" + where + ": " + firstLine;
    }
}
