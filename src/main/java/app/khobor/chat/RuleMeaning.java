package app.khobor.chat;

import static app.khobor.chat.HtmlText.escape;

import app.khobor.text.SearchQuery;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a /follow rule means, in plain Bengali (HTML-escaped): "“রাশিয়া” ও “ইউক্রেন” দুটোই আছে এমন খবর",
 * "“ঢাকা” অথবা “চট্টগ্রাম” আছে এমন খবর", "“বাংলাদেশ” আছে কিন্তু “ক্রিকেট” নেই এমন খবর".
 */
final class RuleMeaning {
    private RuleMeaning() {}

    static String of(SearchQuery rule) {
        List<SearchQuery.Clause> required = rule.required();
        String wanted;
        if (required.size() == 1) {
            wanted = clause(required.get(0), false) + " আছে";
        } else {
            String parts = required.stream().limit(required.size() - 1).map(c -> clause(c, true))
                    .collect(Collectors.joining(", "));
            wanted = parts + " ও " + clause(required.get(required.size() - 1), true)
                    + (required.size() == 2 ? " দুটোই আছে" : " সবই আছে");
        }
        if (!rule.excluded().isEmpty()) {
            String excluded = rule.excluded().stream().map(RuleMeaning::term).collect(Collectors.joining(" বা "));
            wanted += " কিন্তু " + excluded + (rule.excluded().size() == 1 ? " নেই" : " কোনোটিই নেই");
        }
        return wanted + " এমন খবর";
    }

    private static String clause(SearchQuery.Clause clause, boolean inList) {
        String text = clause.alternatives().stream().map(RuleMeaning::term).collect(Collectors.joining(" অথবা "));
        return inList && clause.alternatives().size() > 1 ? "(" + text + ")" : text;
    }

    private static String term(SearchQuery.Term term) {
        return "“" + escape(term.shown()) + "”" + (term.isPhrase() ? " (পাশাপাশি, এই ক্রমে)" : "");
    }
}
