package app.khobor.bench;

import app.khobor.fakes.FixtureFiles;
import app.khobor.source.BodyDecoder;
import app.khobor.source.FeedParser;
import app.khobor.source.Headline;
import app.khobor.source.PageParser;
import app.khobor.source.ParseException;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Decode (bytes to text, as SourceReader does) plus parse of each saved feed and page, one document per call.
 * SampleTime times every call, so the summary gives the median, not a mean. Not a test: run {@code bench/run parse}
 * (extra arguments are JMH options, e.g. {@code bench/run parse -f 1 -p fixture=prothomalo/opinion.html}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class ParseBench {
    /** The goal for the 3 MB Prothom Alo page. */
    private static final double PAGE_GOAL_MS = 100;
    private static final String BIG_PAGE = "prothomalo/opinion.html";
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-08-13T11:00:00+06:00[Asia/Dhaka]");

    @Param({
        "prothomalo/rss-5dcfbf4/prothomalo.xml", "prothomalo/rss-3fa4716/prothomalo.xml",
        "jagonews24/rss-5dcfbf4/jagonews.xml", "jagonews24/rss-3fa4716/jagonews.xml",
        "ittefaq/ittefaq.xml", "banglatribune/banglatribune.xml",
        "prothomalo/opinion.html", "samakal/opinion.html", "dhakapost/opinion.html",
        "bd-pratidin/snap-9da81d7/opinion.html", "bd-pratidin/snap-749e0d7/opinion.html",
        "banglanews24/snap-d5ade59/opinion.html"})
    public String fixture;

    private FixtureDocument document;
    private byte[] body;
    private final FeedParser feedParser = new FeedParser();
    private final PageParser pageParser = new PageParser();

    @Setup(Level.Trial)
    public void load() throws ParseException {
        document = FixtureDocument.named(fixture);
        body = FixtureFiles.bytes(fixture);
        if (decodeAndParse().isEmpty()) {
            throw new IllegalStateException(fixture + " gave no headlines: the benchmark would time a failure");
        }
    }

    @Benchmark
    public List<Headline> decodeAndParse() throws ParseException {
        String text = BodyDecoder.decode(body, document.contentType());
        return document.isFeed()
                ? feedParser.parse(document.source().id(), text, document.url(), NOW)
                : pageParser.parse(document.source(), text, document.url(), NOW);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, ParseException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(ParseBench.class.getName() + ".decodeAndParse")
                .build()).run();
        printSummary(results);
    }

    private static void printSummary(Collection<RunResult> results) throws ParseException {
        System.out.println();
        System.out.println("## Parse: decode + parse per document (JMH SampleTime, every call timed)");
        System.out.println();
        System.out.println("| fixture | kind | KB | headlines | median ms | p90 ms | pages/s (1/median) | calls |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        double bigPageMedian = Double.NaN;
        for (RunResult result : results) {
            String name = result.getParams().getParam("fixture");
            Statistics stats = result.getPrimaryResult().getStatistics();
            double median = stats.getPercentile(50);
            ParseBench probe = new ParseBench();
            probe.fixture = name;
            probe.load();
            FixtureDocument document = probe.document;
            System.out.printf("| %s | %s | %d | %d | %.2f | %.2f | %.0f | %d |%n", name, document.isFeed() ? "feed" : "page",
                    probe.body.length / 1024, probe.decodeAndParse().size(), median, stats.getPercentile(90),
                    1000 / median, stats.getN());
            if (name.equals(BIG_PAGE)) {
                bigPageMedian = median;
            }
        }
        if (!Double.isNaN(bigPageMedian)) {
            System.out.printf("%nGoal: %s (3 MB) in < %.0f ms: median %.1f ms = %.2f x the budget -> %s%n", BIG_PAGE,
                    PAGE_GOAL_MS, bigPageMedian, bigPageMedian / PAGE_GOAL_MS, bigPageMedian < PAGE_GOAL_MS ? "MET" : "MISSED");
        }
    }
}
