package app.khobor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Saved real responses under src/test/resources/fixtures, as the raw bytes a server would send. */
final class FixtureBytes {
    private FixtureBytes() {}

    static byte[] read(String path) {
        try (InputStream in = FixtureBytes.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path + " on the class path (run from target/test-classes)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
