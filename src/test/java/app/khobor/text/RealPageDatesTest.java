package app.khobor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every date string (counted, so a selector that stops matching fails loudly) found in the saved real pages and feeds parses, and lands near when the page was captured. */
final class RealPageDatesTest {
    private static final ZonedDateTime PAGES_CAPTURED = ZonedDateTime.of(2026, 8, 22, 23, 30, 0, 0, BanglaCalendar.ZONE);
    private static final ZonedDateTime FEEDS_CAPTURED = ZonedDateTime.of(2026, 8, 13, 15, 30, 0, 0, BanglaCalendar.ZONE);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "samakal/opinion.html, span.publishTime, 15",
            "prothomalo/opinion.html, time, 14",
            "bd-pratidin/snap-749e0d7/opinion.html, p.card-text:has(i.bi-stopwatch), 60"})
    void every_date_printed_on_a_page_parses(String fixture, String selector, int count) {
        List<String> texts = new ArrayList<>();
        for (Element element : html(fixture).select(selector)) {
            texts.add(element.text());
        }
        assertThat(texts).hasSize(count);
        assertAllParseNear(texts, PAGES_CAPTURED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "prothomalo/rss-5dcfbf4/prothomalo.xml, 89", "jagonews24/rss-5dcfbf4/jagonews.xml, 51",
            "ittefaq/ittefaq.xml, 101", "banglatribune/banglatribune.xml, 101"})
    void every_feed_date_parses(String fixture, int count) {
        List<String> texts = new ArrayList<>();
        for (Element element : xml(fixture).select("pubDate, lastBuildDate, atom|updated, dc|date, updated, published")) {
            texts.add(element.text());
        }
        assertThat(texts).hasSize(count);
        assertAllParseNear(texts, FEEDS_CAPTURED);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "dhakapost/opinion.html, CreatedAtBangla, 2026-02-21T12:00+06:00, 11",
            "banglanews24/snap-d5ade59/opinion.html, date_at, 2026-07-16T01:00+06:00, 20"})
    void dates_inside_embedded_json_parse(String fixture, String field, String captured, int count) {
        Matcher m = Pattern.compile("\\\\?\"" + field + "\\\\?\":\\\\?\"([^\"\\\\]+)").matcher(read(fixture));
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            texts.add(m.group(1));
        }
        assertThat(texts).hasSize(count);
        assertAllParseNear(texts, ZonedDateTime.parse(captured));
    }

    private static void assertAllParseNear(List<String> texts, ZonedDateTime captured) {
        assertThat(texts).isNotEmpty();
        for (String text : texts) {
            OffsetDateTime parsed = NewsDates.parse(text, captured);
            assertThat(parsed).as(text).isNotNull();
            assertThat(parsed.toInstant()).as(text)
                    .isBetween(captured.minusMonths(1).toInstant(), captured.plusDays(1).toInstant());
        }
    }

    private static Document html(String fixture) {
        return Jsoup.parse(read(fixture));
    }

    private static Document xml(String fixture) {
        try (InputStream in = open(fixture)) {
            // From bytes: Bangla Tribune's feed starts with a byte-order mark.
            return Jsoup.parse(in, "UTF-8", "", Parser.xmlParser());
        } catch (IOException e) {
            throw new UncheckedIOException(fixture, e);
        }
    }

    private static String read(String fixture) {
        try (InputStream in = open(fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(fixture, e);
        }
    }

    private static InputStream open(String fixture) {
        InputStream in = RealPageDatesTest.class.getResourceAsStream("/fixtures/" + fixture);
        assertThat(in).as("fixture " + fixture).isNotNull();
        return in;
    }
}
