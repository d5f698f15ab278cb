package app.khobor.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Saved real responses under src/test/resources/fixtures (see SOURCES.txt there), read whole, nothing stripped. */
public final class FixtureFiles {
    private FixtureFiles() {}

    public static byte[] bytes(String path) {
        try (InputStream in = FixtureFiles.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decoded as UTF-8, a BOM kept. */
    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
