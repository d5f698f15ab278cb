package app.khobor.source;

import app.khobor.config.SourceConfig;
import java.util.Objects;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/** One source's selectors, parsed once: parsing CSS on every poll would dominate the cost of reading a page. */
record PageSelectors(SourceConfig source, Evaluator item, TitleSelector title, Evaluator link, Evaluator time) {

    /** @throws IllegalArgumentException naming the source and the selector that is missing or not valid CSS */
    static PageSelectors compile(SourceConfig source) {
        if (source.itemSelector() == null || source.itemSelector().isBlank()) {
            throw new IllegalArgumentException("source '" + source.id() + "': item selector is required for html sources");
        }
        return new PageSelectors(source,
                css(source, "item", source.itemSelector()),
                source.titleSelector() == null ? null : title(source),
                source.linkSelector() == null ? null : css(source, "link", source.linkSelector()),
                source.timeSelector() == null ? null : css(source, "time", source.timeSelector()));
    }

    /** True when these were compiled from the same selectors (a reloaded config may change them under the same id). */
    boolean compiledFrom(SourceConfig other) {
        return Objects.equals(source.itemSelector(), other.itemSelector())
                && Objects.equals(source.titleSelector(), other.titleSelector())
                && Objects.equals(source.linkSelector(), other.linkSelector())
                && Objects.equals(source.timeSelector(), other.timeSelector());
    }

    private static TitleSelector title(SourceConfig source) {
        try {
            return TitleSelector.parse(source.titleSelector());
        } catch (IllegalArgumentException e) {
            throw invalid(source, "title", source.titleSelector(), e);
        }
    }

    private static Evaluator css(SourceConfig source, String role, String selector) {
        try {
            return QueryParser.parse(selector);
        } catch (Selector.SelectorParseException e) {
            throw invalid(source, role, selector, e);
        }
    }

    private static IllegalArgumentException invalid(SourceConfig source, String role, String selector, Exception e) {
        return new IllegalArgumentException("source '" + source.id() + "': " + role + " selector '" + selector
                + "' is not valid: " + e.getMessage(), e);
    }
}
