package app.khobor;

import app.khobor.config.ConfigException;
import app.khobor.config.ConfigLoader;
import app.khobor.config.KhoborConfig;
import app.khobor.config.PollingSettings;
import app.khobor.infra.DaemonThreads;
import app.khobor.ops.Backup;
import app.khobor.telegram.TokenMask;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Command line: {@code khobor [run|scan [--stories]|discover URL|backup FILE] [--config FILE]}. Exit codes: 0 ok, 1 a fatal runtime
 * failure, 2 bad config or usage (a token Telegram rejects at start-up included), 3 scan or discover read some sources
 * but not all, 4 the process lost its lease to another (PostgreSQL, active/standby): restart it, and it stands by.
 */
public final class Main {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;
    /** Lost the lease (active/standby): the supervisor's restart makes this process a standby again. */
    static final int EXIT_LEASE_LOST = 4;
    /** What @BotFather hands out: the bot's numeric id, a colon, the secret. */
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d+:[A-Za-z0-9_-]+");
    static final String DEFAULT_CONFIG = "config/khobor.yaml";
    static final String USAGE = """
            usage: java -jar khobor.jar [run|scan [--stories]|discover URL|backup FILE] [--config FILE]
              run    poll the sources and run the Telegram bot (needs env TELEGRAM_BOT_TOKEN)
              scan   read every enabled source once and print its headlines as JSON lines (a dry run)
                     --stories: print instead the stories those headlines make, one JSON line each
              discover URL   list a portal's feeds, sitemaps and latest page as a YAML snippet, each read once
              backup FILE   copy the database to FILE (a new file), also while the bot runs
              migrate --from URL --to URL   copy everything into an empty database, e.g. SQLite to PostgreSQL
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
        if (args.length > 0 && args[0].equals("migrate")) { // needs no configuration: both databases are named
            System.setProperty("KHOBOR_LOG_LEVEL", env.getOrDefault("KHOBOR_LOG_LEVEL", "WARN"));
            return new MigrateCommand().run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
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
            return new DiscoverCommand(PollingSettings.DEFAULTS, Clock.systemUTC()).run(line.portal(), out, err);
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
        return switch (line.command()) {
            case "scan" -> new ScanCommand().run(config, line.stories(), out, err);
            case "backup" -> backup(config, line.backupFile(), out, err);
            default -> runBot(config, env, err);
        };
    }

    private static int backup(KhoborConfig config, Path target, PrintStream out, PrintStream err) {
        try {
            long bytes = Backup.copy(config.storage().url(), target);
            out.println("khobor: database copied to " + target + " (" + bytes + " bytes)");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("khobor: backup: " + e.getMessage());
            return EXIT_USAGE;
        } catch (IOException | SQLException e) {
            err.println("khobor: backup failed: " + e.getMessage());
            return EXIT_FAILURE;
        }
    }

    private static int runBot(KhoborConfig config, Map<String, String> env, PrintStream err) {
        String token = env.getOrDefault("TELEGRAM_BOT_TOKEN", "").trim();
        if (token.isEmpty()) {
            err.println("khobor: TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export its token");
            return EXIT_USAGE;
        }
        if (!BOT_TOKEN.matcher(token).matches()) {
            // Refused before any request: a mistyped token would only earn a 401 later.
            err.println("khobor: TELEGRAM_BOT_TOKEN is not a bot token: expected <digits>:<characters> as @BotFather"
                    + " gives it, e.g. 123456:ABC-def");
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
        Thread hook = DaemonThreads.create("khobor-shutdown", () -> {
            khobor.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        AtomicReference<String> fatal = new AtomicReference<>();
        khobor.fatal().thenAccept(reason -> {
            fatal.set(reason);
            stopped.countDown();
        });
        AtomicReference<String> leaseLost = new AtomicReference<>();
        khobor.leaseLost().thenAccept(reason -> {
            leaseLost.set(reason);
            stopped.countDown();
        });
        StopSignals.install();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (fatal.get() != null) {
            Runtime.getRuntime().removeShutdownHook(hook);
            khobor.close();
            err.println("khobor: " + fatal.get());
            return EXIT_USAGE;
        }
        if (leaseLost.get() != null) {
            Runtime.getRuntime().removeShutdownHook(hook);
            closeWithin(khobor, StopSignals.CLOSE_LIMIT);
            err.println("khobor: " + leaseLost.get() + "; exiting with status " + EXIT_LEASE_LOST
                    + " to be restarted as a standby");
            return EXIT_LEASE_LOST;
        }
        return 0;
    }

    /** Sends are already stopped; a close that hangs (a dead database) must not keep the process from restarting. */
    private static void closeWithin(Khobor khobor, java.time.Duration limit) {
        Thread closing = DaemonThreads.create("khobor-close", khobor::close);
        closing.start();
        try {
            closing.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parsed arguments. */
    record CommandLine(String command, Path config, boolean help, Path backupFile, URI portal, boolean stories) {
        static CommandLine parse(String[] args, Map<String, String> env) {
            String command = null;
            String fromEnv = env.get("KHOBOR_CONFIG");
            // an empty KHOBOR_CONFIG= (as compose files write it) means unset, not the current folder
            String config = fromEnv == null || fromEnv.isBlank() ? DEFAULT_CONFIG : fromEnv.strip();
            boolean help = false;
            boolean stories = false;
            Path backupFile = null;
            URI portal = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help") || arg.equals("help")) {
                    help = true;
                } else if (arg.equals("--config") || arg.equals("-c")) {
                    config = fileName(i + 1 < args.length ? args[++i] : "");
                } else if (arg.startsWith("--config=")) {
                    config = fileName(arg.substring("--config=".length()));
                } else if (arg.equals("--stories") && "scan".equals(command)) {
                    stories = true;
                } else if ((arg.equals("run") || arg.equals("scan") || arg.equals("discover")) && command == null) {
                    command = arg;
                } else if (arg.equals("backup") && command == null) {
                    command = arg;
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                        throw new IllegalArgumentException("backup needs the file to copy the database to");
                    }
                    backupFile = Path.of(args[++i]);
                } else if ("discover".equals(command) && portal == null) {
                    portal = portalUrl(arg);
                } else {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
            if ("discover".equals(command) && portal == null && !help) {
                throw new IllegalArgumentException("discover needs the portal's address, e.g. discover https://www.prothomalo.com/");
            }
            return new CommandLine(command == null ? "run" : command, Path.of(config), help, backupFile, portal, stories);
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
