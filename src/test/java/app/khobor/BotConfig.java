package app.khobor;

import app.khobor.config.ConfigException;
import app.khobor.config.ConfigLoader;
import app.khobor.config.KhoborConfig;
import app.khobor.fakes.FakePortal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the bot's YAML configuration into a temporary folder, the way an operator would, and loads it with the real
 * {@link ConfigLoader}: the fake Bot API, an SQLite file in the folder, a 1 s polling interval, feeds on the portal.
 */
final class BotConfig {
    static final long ADMIN = 999;

    private final Path dir;
    private final String apiUrl;
    private final FakePortal portal;
    private final Map<String, String> sources = new LinkedHashMap<>();
    /** Null: the SQLite file {@link #database()}. */
    private String storageUrl;

    BotConfig(Path dir, String apiUrl, FakePortal portal) {
        this.dir = dir;
        this.apiUrl = apiUrl;
        this.portal = portal;
    }

    /** The bot's database at {@code url} (a PostgreSQL schema) instead of the SQLite file; null keeps the file. */
    BotConfig storage(String url) {
        this.storageUrl = url;
        return this;
    }

    /** Adds a feed source served by the portal at {@code /<id>.xml}. */
    BotConfig source(String id, String name) {
        sources.put(id, name);
        return this;
    }

    static String path(String sourceId) {
        return "/" + sourceId + ".xml";
    }

    String yaml() {
        StringBuilder b = new StringBuilder()
                .append("telegram:\n")
                .append("  apiUrl: ").append(apiUrl).append('\n')
                .append("  admins: [").append(ADMIN).append("]\n")
                .append("storage:\n")
                .append("  url: ").append(storageUrl != null ? '"' + storageUrl + '"' : "jdbc:sqlite:" + database()).append('\n')
                .append("polling:\n")
                .append("  interval: 1s\n")
                .append("  minInterval: 1s\n")     // a fixed 1 s: no pacing by publication history
                .append("  maxInterval: 1s\n")
                .append("  maxPerHostPerMinute: 600\n") // every feed is on the one portal
                .append("  maxBackoff: 2s\n")
                .append("  timeout: 5s\n")
                .append("sources:\n");
        sources.forEach((id, name) -> b.append("  - {id: ").append(id).append(", name: ").append(name)
                .append(", type: feed, url: \"").append(portal.url(path(id))).append("\"}\n"));
        return b.toString();
    }

    Path database() {
        return dir.resolve("khobor.db");
    }

    Path write() {
        return write(yaml());
    }

    Path write(String yaml) {
        try {
            return Files.writeString(dir.resolve("khobor.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KhoborConfig load() {
        try {
            return ConfigLoader.load(write(), Map.of());
        } catch (ConfigException e) {
            throw new AssertionError("the test's config does not load: " + e.getMessage(), e);
        }
    }
}
