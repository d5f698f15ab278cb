package app.khobor;

import app.khobor.config.ConfigException;
import app.khobor.config.ConfigLoader;
import app.khobor.config.KhoborConfig;
import app.khobor.config.PollingSettings;
import app.khobor.infra.DaemonThreads;
import app.khobor.telegram.TokenMask;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code khobor [run|scan|discover URL] [--config FILE]}. Exit codes: 0 ok, 1 a fatal runtime failure, 2 bad config or
 * usage, 3 scan read some sources but not all.
 */
public final class Main {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;
    static final String DEFAULT_CONFIG = "config/khobor.yaml";
    static final String USAGE = """
            usage: java -jar khobor.jar [run|scan|discover URL] [--config FILE]
              run    poll the sources and run the Telegram bot (needs env TELEGRAM_BOT_TOKEN)
              scan   read every enabled source once and print its headlines as JSON lines (a dry run)
              discover URL   list a portal's feeds, sitemaps and latest page as a YAML snippet, each read once
              --config FILE   default: env KHOBOR_CONFIG, else config/khobor.yaml""";

    private Main() {}

    public static void main(String[] args) {
        // UTF-8 whatever the locale: under LANG=C (systemd, cron) Java would print Bengali titles as "?????".
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = execute(args, System.getenv(), out, err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Everything main does, minus System.exit, so tests can run it. Blocks for {@code run} until shut down. */
    static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("khobor: " + e.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        }
        if (line.help()) {
            out.println(USAGE);
            return 0;
        }
        if (line.command().equals("discover")) {
            // needs no configuration: a portal is looked at before it is configured
            System.setProperty("KHOBOR_LOG_LEVEL", env.getOrDefault("KHOBOR_LOG_LEVEL", "WARN"));
            return new DiscoverCommand(PollingSettings.DEFAULTS, Clock.systemUTC()).run(line.target(), out, err);
        }
        if (line.command().equals("scan") && !env.containsKey("KHOBOR_LOG_LEVEL")) {
            // The operator reads the per-source lines on stderr; routine INFO logs would drown them.
            System.setProperty("KHOBOR_LOG_LEVEL", "WARN");
        }
        KhoborConfig config;
        try {
            config = ConfigLoader.load(line.config(), env);
        } catch (ConfigException e) {
            err.println("khobor: " + e.getMessage());
            return EXIT_USAGE;
        }
        return line.command().equals("scan") ? new ScanCommand().run(config, out, err) : runBot(config, env, err);
    }

    private static int runBot(KhoborConfig config, Map<String, String> env, PrintStream err) {
        String token = env.getOrDefault("TELEGRAM_BOT_TOKEN", "").trim();
        if (token.isEmpty()) {
            err.println("khobor: TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export its token");
            return EXIT_USAGE;
        }
        Khobor khobor;
        try {
            khobor = Khobor.start(config, token, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            err.println("khobor: " + new TokenMask(token).mask(e.getMessage()));
            return EXIT_USAGE;
        } catch (RuntimeException e) {
            err.println("khobor: cannot start: " + new TokenMask(token).mask(e.getMessage()));
            return EXIT_FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(DaemonThreads.create("khobor-shutdown", () -> {
            khobor.close();
            stopped.countDown();
        }));
        StopSignals.install();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Parsed arguments. */
    record CommandLine(String command, Path config, boolean help, URI target) {
        static CommandLine parse(String[] args, Map<String, String> env) {
            String command = null;
            String fromEnv = env.get("KHOBOR_CONFIG");
            // an empty KHOBOR_CONFIG= (as compose files write it) means unset, not the current folder
            String config = fromEnv == null || fromEnv.isBlank() ? DEFAULT_CONFIG : fromEnv.strip();
            boolean help = false;
            URI target = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help") || arg.equals("help")) {
                    help = true;
                } else if (arg.equals("--config") || arg.equals("-c")) {
                    config = fileName(i + 1 < args.length ? args[++i] : "");
                } else if (arg.startsWith("--config=")) {
                    config = fileName(arg.substring("--config=".length()));
                } else if ((arg.equals("run") || arg.equals("scan") || arg.equals("discover")) && command == null) {
                    command = arg;
                } else if ("discover".equals(command) && target == null) {
                    target = portalUrl(arg);
                } else {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
            if ("discover".equals(command) && target == null && !help) {
                throw new IllegalArgumentException("discover needs the portal's address, e.g. discover https://www.prothomalo.com/");
            }
            return new CommandLine(command == null ? "run" : command, Path.of(config), help, target);
        }

        private static URI portalUrl(String arg) {
            try {
                URI url = new URI(arg.strip());
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                    return url.getPath() == null || url.getPath().isEmpty() ? url.resolve("/") : url;
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            throw new IllegalArgumentException("discover: '" + arg + "' is not an http(s) address");
        }

        private static String fileName(String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException("--config needs a file name");
            }
            return value;
        }
    }
}
