package app.khobor.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes YAML into a temporary config file and loads it, or returns the message it is refused with. */
final class ConfigFiles {
    static final String ONE_FEED = """
            sources:
              - {id: prothomalo, name: প্রথম আলো, type: feed, url: https://www.prothomalo.com/feed/}
            """;

    private final Path dir;

    ConfigFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String yaml) {
        try {
            return Files.writeString(dir.resolve("config.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KhoborConfig load(String yaml) throws ConfigException {
        return ConfigLoader.load(write(yaml), Map.of());
    }

    KhoborConfig load(String yaml, Map<String, String> env) throws ConfigException {
        return ConfigLoader.load(write(yaml), env);
    }

    /** The message of the ConfigException, failing the test when the file loads. */
    String errorOf(String yaml) {
        return errorOf(yaml, Map.of());
    }

    String errorOf(String yaml, Map<String, String> env) {
        Path file = write(yaml);
        String[] message = new String[1];
        assertThatThrownBy(() -> ConfigLoader.load(file, env))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> message[0] = e.getMessage());
        return message[0];
    }

    /** ONE_FEED's file with one more source appended. */
    String errorOfSource(String source) {
        return errorOf(ONE_FEED + source.indent(2));
    }
}
