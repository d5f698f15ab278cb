package app.khobor;

import app.khobor.config.KhoborConfig;
import app.khobor.config.SourceConfig;
import app.khobor.source.FailureKind;
import app.khobor.source.Headline;
import app.khobor.source.HostGate;
import app.khobor.source.HttpFetcher;
import app.khobor.source.ReadOutcome;
import app.khobor.source.SourceReader;
import app.khobor.source.Validators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The dry run: reads every enabled source once and prints one JSON object per headline per line, in page order.
 * Needs no token, talks to no Telegram server and writes nothing: this is how an operator checks a new portal.
 */
final class ScanCommand {
    static final int OK = 0;
    static final int SOME_FAILED = 3;

    private final ObjectMapper json = new ObjectMapper();
    private final HostGate hosts = new HostGate();

    int run(KhoborConfig config, PrintStream out, PrintStream err) {
        return run(config, false, out, err);
    }

    /** With {@code stories}, prints the stories of the pass (see {@link ScanStories}) instead of the headlines. */
    int run(KhoborConfig config, boolean stories, PrintStream out, PrintStream err) {
        HttpFetcher fetcher = new HttpFetcher(config.polling());
        SourceReader reader = new SourceReader(fetcher, Clock.systemUTC());
        List<SourceConfig> sources = config.enabledSources();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, sources.size())));
        try {
            List<Future<ReadOutcome>> reads = new ArrayList<>();
            for (SourceConfig source : sources) {
                reads.add(pool.submit(() -> hosts.read(reader, source, Validators.NONE)));
            }
            boolean allRead = true;
            List<Headline> pass = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                ReadOutcome outcome = await(reads.get(i));
                allRead &= print(sources.get(i), outcome, stories ? null : out, err);
                if (outcome instanceof ReadOutcome.Read read) {
                    pass.addAll(read.headlines());
                }
            }
            if (stories) {
                new ScanStories(json).print(pass, out);
            }
            out.flush();
            return allRead ? OK : SOME_FAILED;
        } finally {
            pool.shutdownNow();
            fetcher.close();
        }
    }

    private static ReadOutcome await(Future<ReadOutcome> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReadOutcome.Failed(FailureKind.NETWORK, "interrupted");
        } catch (ExecutionException e) {
            return new ReadOutcome.Failed(FailureKind.BAD_CONTENT, "internal error: " + e.getCause());
        }
    }

    /** Reports a failed or empty source on {@code err}; prints the headlines on {@code out} unless it is null. */
    private boolean print(SourceConfig source, ReadOutcome outcome, PrintStream out, PrintStream err) {
        if (outcome instanceof ReadOutcome.Failed failed) {
            err.println("source '" + source.id() + "': " + failed.message());
            return false;
        }
        if (outcome instanceof ReadOutcome.Read read) {
            if (read.headlines().isEmpty()) {
                err.println("source '" + source.id() + "': the feed has no items");
            }
            for (Headline headline : read.headlines()) {
                if (out != null) {
                    out.println(toJson(headline));
                }
            }
        }
        return true;
    }

    private String toJson(Headline headline) {
        ObjectNode node = json.createObjectNode();
        node.put("source", headline.sourceId());
        node.put("title", headline.title());
        node.put("url", headline.url());
        if (headline.publishedAt() == null) {
            node.putNull("publishedAt");
        } else {
            node.put("publishedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(headline.publishedAt()));
        }
        return node.toString();
    }
}
