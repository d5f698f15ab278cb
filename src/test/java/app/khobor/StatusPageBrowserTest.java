package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.khobor.config.ConfigException;
import app.khobor.config.ConfigLoader;
import app.khobor.fakes.FakePortal;
import app.khobor.source.SourceStatus;
import app.khobor.telegram.FakeBotApi;
import app.khobor.text.BanglaCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real browser: Debian's Chromium, headless, loads the page of a running bot and prints the DOM it
 * rendered, which the test reads like an operator would. {@code .ci/run} installs Chromium when it is missing; on a
 * machine without it the test is skipped, not failed. With {@code -Dkhobor.screenshot=FILE} it also saves a PNG
 * (how docs/status-page.png was made).
 */
class StatusPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private FakeBotApi telegram;
    private FakePortal portal;
    private Khobor bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (telegram != null) {
            telegram.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void chromium_renders_each_source_the_delivery_figures_and_the_latest_headlines() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed (.ci/run installs it)");
        telegram = FakeBotApi.start();
        portal = new FakePortal(clock);
        portal.feed(BotConfig.path(OpsEndToEndTest.PROTHOMALO), madeUpFeed(24));
        portal.serve(BotConfig.path(OpsEndToEndTest.JAGONEWS), 503, "text/html",
                "<html><title>Service Unavailable</title></html>".getBytes(StandardCharsets.UTF_8));
        BotConfig config = new BotConfig(dir, telegram.apiUrl(), portal)
                .source(OpsEndToEndTest.PROTHOMALO, OpsEndToEndTest.PROTHOMALO_NAME)
                .source(OpsEndToEndTest.JAGONEWS, OpsEndToEndTest.JAGONEWS_NAME);
        try {
            bot = Khobor.start(ConfigLoader.load(config.write(config.yaml() + "ops: {listen: \"127.0.0.1:0\"}\n"),
                    Map.of()), telegram.token(), clock);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        await("both sources tried").atMost(WAIT).until(() -> {
            List<SourceStatus> all = bot.poller().sourceStatuses();
            return all.get(0).lastSuccess() != null && all.get(1).consecutiveFailures() > 0;
        });
        String url = "http://127.0.0.1:" + bot.opsPort().orElseThrow() + "/";

        String dom = chromium("--dump-dom", url);

        assertThat(dom).contains("<h1>Khobor status");
        assertThat(row(dom, OpsEndToEndTest.PROTHOMALO)).contains(OpsEndToEndTest.PROTHOMALO_NAME, ">ok<");
        assertThat(row(dom, OpsEndToEndTest.JAGONEWS)).contains(OpsEndToEndTest.JAGONEWS_NAME, ">failing<",
                "HTTP 503");
        assertThat(dom).contains("pending in the outbox", "Last 20 headlines");
        assertThat(dom.split("<tr><td>").length - 1).as("rows of the headline table").isEqualTo(20);
        String screenshot = System.getProperty("khobor.screenshot");
        if (screenshot != null) {
            chromium("--window-size=1200,1400", "--screenshot=" + Path.of(screenshot).toAbsolutePath(), url);
        }
    }

    /**
     * Made-up headlines, not a portal's: the page is also the README's screenshot, and the publishers' text stays in
     * the fixtures.
     */
    private static String madeUpFeed(int count) {
        String[] topics = {"ঢাকায় বৃষ্টি, জলাবদ্ধতায় ভোগান্তি", "নতুন সেতুর উদ্বোধন আগামী মাসে", "ক্রিকেট: সিরিজ জয়ের লক্ষ্যে দল",
            "বইমেলার প্রস্তুতি শুরু", "চালের দাম স্থিতিশীল, বলছে বাজার সমিতি", "শীতের আগমনী বার্তা উত্তরাঞ্চলে"};
        String[] items = new String[2 * count];
        for (int i = 0; i < count; i++) {
            items[2 * i] = "নমুনা শিরোনাম " + BanglaCalendar.number(i + 1) + ": " + topics[i % topics.length];
            items[2 * i + 1] = "https://news.example/sample/" + (i + 1);
        }
        return Feeds.rss(items);
    }

    /** The table row of one source, from the rendered DOM. */
    private static String row(String dom, String sourceId) {
        int start = dom.indexOf("<tr data-source=\"" + sourceId + "\"");
        assertThat(start).as("row of %s", sourceId).isNotNegative();
        return dom.substring(start, dom.indexOf("</tr>", start));
    }

    private String chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium")));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium-out.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("chromium-err.txt").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s");
        }
        assertThat(p.exitValue()).as("chromium's exit status; stderr: %s",
                Files.readString(dir.resolve("chromium-err.txt"))).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
