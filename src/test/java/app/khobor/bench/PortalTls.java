package app.khobor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away P-256 certificate for the loopback portals (made with the JDK's keytool), and this JVM told to trust
 * it, so HttpFetcher's HttpClient (built on the default SSLContext) talks HTTPS to them unchanged.
 */
final class PortalTls {
    private static final String PASSWORD = "bench-only";

    private PortalTls() {}

    /** Must run before the first HttpClient or SSLContext of this JVM is made. */
    static SSLContext serverContextTrustedByThisJvm(Path dir, int hosts) {
        Path store = dir.resolve("portal.p12");
        String names = IntStream.rangeClosed(1, hosts).mapToObj(i -> "ip:127.0.0." + i).collect(Collectors.joining(","));
        keytool(List.of("-genkeypair", "-alias", "portal", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=bench",
                "-ext", "SAN=" + names, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        System.setProperty("javax.net.ssl.trustStore", store.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the portal certificate", e);
        }
    }

    private static void keytool(List<String> args) {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow(() ->
                new IllegalStateException("cannot tell where this JVM lives, so where keytool is")));
        List<String> command = new ArrayList<>(List.of(java.resolveSibling("keytool").toString()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the certificate", e);
        }
    }
}
