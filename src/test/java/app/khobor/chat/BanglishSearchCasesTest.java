package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.source.Headline;
import app.khobor.text.FixtureTitles;
import app.khobor.text.SearchQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Latin-script /search on every real fixture headline (src/test/resources/fixtures): places, parties, people and
 * common words as readers type them. Each case says which Bengali words the reply must say it searched ("“ঢাকা” দিয়ে
 * খোঁজা হলো") and how many fixture titles hold one of them; the reply must list exactly the newest ten of those
 * titles (found independently here by matching the Bengali words) and state their true count.
 */
class BanglishSearchCasesTest extends CommandsTestBase {
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\">");

    static Stream<Arguments> cases() {
        return Stream.of(
                // Places
                c("dhaka", 3, "ঢাকা"), c("bangladesh", 19, "বাংলাদেশ"), c("sylhet", 1, "সিলেট"),
                c("mymensingh", 1, "ময়মনসিংহ"), c("rajdhani", 1, "রাজধানী"), c("bharot", 2, "ভারত"),
                c("india", 2, "ভারত"), c("pakistan", 2, "পাকিস্তান"), c("china", 3, "চীন"), c("iran", 3, "ইরান"),
                c("israel", 4, "ইসরায়েল"), c("america", 2, "যুক্তরাষ্ট্র"),
                // Parties and people
                c("bnp", 10, "বিএনপি"), c("awami", 2, "আওয়ামী"), c("jamaat", 3, "জামায়াত"), c("ncp", 2, "এনসিপি"),
                c("chhatradal", 5, "ছাত্রদল"), c("hasina", 1, "হাসিনা"), c("trump", 10, "ট্রাম্প"),
                c("putin", 1, "পুতিন"), c("tarek", 2, "তারেক"), c("mirza", 5, "মির্জা"),
                // Common words
                c("nirbachon", 3, "নির্বাচন"), c("sorkar", 10, "সরকার"), c("police", 7, "পুলিশ"),
                c("mamla", 8, "মামলা"), c("nihoto", 4, "নিহত"), c("mrittu", 6, "মৃত্যু"), c("ahoto", 2, "আহত"),
                c("hamla", 3, "হামলা"), c("obhijan", 2, "অভিযান"), c("greptar", 2, "গ্রেপ্তার"), c("atok", 4, "আটক"),
                c("jamin", 3, "জামিন"), c("adalat", 3, "আদালত"), c("upodeshta", 2, "উপদেষ্টা"),
                c("prarthi", 4, "প্রার্থী"), c("boithok", 4, "বৈঠক"), c("chhatra", 6, "ছাত্র"), c("bank", 4, "ব্যাংক"),
                c("dollar", 3, "ডলার"), c("amdani", 4, "আমদানি"), c("karkhana", 3, "কারখানা"), c("taka", 5, "টাকা"),
                c("songhorsho", 1, "সংঘর্ষ"), c("cricket", 2, "ক্রিকেট"));
    }

    private static Arguments c(String latin, int titles, String... bengali) {
        return Arguments.of(latin, titles, List.of(bengali));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_latin_word_searches_the_bengali_words_meant_and_finds_exactly_their_titles(String latin, int titles,
            List<String> bengali) {
        List<Headline> all = FixtureTitles.headlines();
        for (Headline h : all) {
            f.headlines.add("prothomalo", h.title(), h.url(), h.publishedAt().toInstant());
        }
        SearchQuery meant = ((SearchQuery.Valid) SearchQuery.parse(String.join(" বা ", bengali))).query();
        List<Headline> truth = all.stream().filter(h -> meant.matchesText(h.title())).toList();

        String reply = f.ask(1, "/search " + latin);

        String searched = bengali.stream().map(w -> "“" + w + "”").collect(Collectors.joining(" বা "))
                + " দিয়ে খোঁজা হলো";
        assertThat(reply.lines().findFirst().orElseThrow()).as("the Bengali words searched").isEqualTo(searched);
        assertThat(truth).as("fixture titles holding " + bengali).hasSize(titles);
        assertThat(links(reply)).as("the first page: the newest ten of them, nothing else")
                .containsExactlyElementsOf(truth.stream().limit(NewsCommands.PAGE).map(Headline::url)
                        .map(HtmlText::escape).toList());
        assertThat(reply).contains(BengaliNumber.of(titles) + "টি খবর");
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    /** Bengali digits, as the reply writes the count. */
    private static final class BengaliNumber {
        static String of(int n) {
            return Arrays.stream(String.valueOf(n).split("")).map(d -> String.valueOf((char) ('০' + d.charAt(0) - '0')))
                    .collect(Collectors.joining());
        }
    }
}
