package app.khobor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bot in a child JVM ({@link DeliveryBot}, or {@link IdleBot} for the whole wired bot): same java binary and
 * classpath as this one. Its stdout lines are echoed with a prefix and can be awaited; its stderr (logs) goes straight
 * to ours. {@link #os()} reads its CPU time and resident memory from outside.
 */
final class BotProcess {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private BotProcess(Process process, String name) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println("    " + name + "| " + line);
                    lines.add(line);
                }
            } catch (IOException e) {
                // The child died (killed on purpose): nothing more to read.
            }
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code DeliveryBot} with these JVM options and program arguments. */
    static BotProcess start(String name, List<String> jvmOptions, Object... args) {
        return start(name, jvmOptions, DeliveryBot.class, args);
    }

    /** Starts {@code mainClass} with these JVM options and program arguments. */
    static BotProcess start(String name, List<String> jvmOptions, Class<?> mainClass, Object... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new BotProcess(p, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bot JVM", e);
        }
    }

    /** The next line starting with {@code key} (earlier lines are kept for {@link #line}). */
    String await(String key, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("bot did not say " + key + " within " + timeout + (process.isAlive() ? "" : " (it exited)"));
            }
            seen.add(line);
            if (line.startsWith(key + " ") || line.equals(key)) {
                return line;
            }
        }
    }

    /** When the bot started publishing (its PUBLISH line, epoch microseconds). */
    Instant awaitPublish(Duration timeout) throws InterruptedException {
        long micros = Long.parseLong(await("PUBLISH", timeout).split(" ")[1]);
        return Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000);
    }

    /** Waits for a normal exit; fails on a timeout or a non-zero exit code. */
    void awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("bot still running after " + timeout);
        }
        Thread.sleep(100); // let the reader echo the last lines
        lines.drainTo(seen);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("bot exited with " + process.exitValue());
        }
    }

    /** The child's CPU time and resident memory, as the kernel counts them. */
    LinuxProcess os() {
        return LinuxProcess.of(process.pid());
    }

    /** Ends a bot that runs until stopped (SIGTERM: shutdown hooks run) and waits for it. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGKILL on Linux (kill -9): no shutdown hooks, no finally blocks, no last commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A value from a {@code KEY a=1 b=2} line already read, e.g. {@code value("ENQUEUED", "added")}. */
    String value(String key, String name) {
        for (String line : seen) {
            if (line.startsWith(key + " ")) {
                for (String part : line.split(" ")) {
                    if (part.startsWith(name + "=")) {
                        return part.substring(name.length() + 1);
                    }
                }
            }
        }
        throw new IllegalStateException("no " + key + " " + name + " in " + seen);
    }
}
