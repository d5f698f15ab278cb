package app.khobor.source;

import app.khobor.config.CssSelectors;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A title selector with optional exclusions, written in configuration as {@code "<css> ! <css>"}:
 * the text of the first element matching the left part, with every descendant matching the right part removed.
 * Example for Samakal, whose headings start with a kicker: {@code "h1, h3 ! span.subHeading"}.
 * Only a {@code !} outside quotes, brackets and parentheses separates the parts (CSS itself never uses one there);
 * quote the whole value in YAML.
 */
record TitleSelector(Evaluator select, Evaluator exclude) {

    /** @throws IllegalArgumentException (jsoup's SelectorParseException) when a part is empty or not valid CSS */
    static TitleSelector parse(String spec) {
        int bang = CssSelectors.exclusionMark(spec);
        if (bang < 0) {
            return new TitleSelector(QueryParser.parse(spec), null);
        }
        String select = spec.substring(0, bang).trim();
        String exclude = spec.substring(bang + 1).trim();
        if (select.isEmpty() || exclude.isEmpty() || CssSelectors.exclusionMark(exclude) >= 0) {
            throw new IllegalArgumentException("title selector '" + spec
                    + "' must look like '<css> ! <css to leave out>' with one '!'");
        }
        return new TitleSelector(QueryParser.parse(select), QueryParser.parse(exclude));
    }

    /** The title text inside {@code scope}, or "" when nothing matches. Leaves the page untouched. */
    String textOf(Element scope) {
        Element found = scope.selectFirst(select);
        if (found == null) {
            return "";
        }
        if (exclude == null) {
            return found.text();
        }
        Element copy = found.clone();
        for (Element unwanted : copy.select(exclude)) {
            if (unwanted != copy) {
                unwanted.remove();
            }
        }
        return copy.text();
    }
}
