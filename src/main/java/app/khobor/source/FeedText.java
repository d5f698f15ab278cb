package app.khobor.source;

import app.khobor.text.BengaliText;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Display text of a feed element such as a title. The XML parser already decoded entities in plain text, but not
 * inside CDATA, where portals still write {@code &lsquo;} and {@code &amp;}: those are decoded exactly once here.
 * Markup inside a title (CDATA or escaped HTML, Atom type="html") is reduced to its text.
 */
final class FeedText {
    private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^>]*>");

    private FeedText() {}

    static String of(Element element) {
        return element == null ? "" : BengaliText.display(raw(element));
    }

    private static String raw(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node : element.childNodes()) {
            if (node instanceof CDataNode cdata) {
                text.append(decodeCdata(cdata.getWholeText()));
            } else if (node instanceof TextNode plain) {
                text.append(decodeEscapedMarkup(plain.getWholeText()));
            } else if (node instanceof Element child) {
                text.append(' ').append(raw(child)).append(' ');
            }
        }
        return text.toString();
    }

    /** CDATA holds raw HTML: one HTML parse strips tags and decodes entities once; without tags, just decode. */
    private static String decodeCdata(String cdata) {
        return MARKUP.matcher(cdata).find() ? Jsoup.parseBodyFragment(cdata).text() : Parser.unescapeEntities(cdata, false);
    }

    /** Plain text is already decoded; only escaped markup (&amp;lt;b&amp;gt;) is a second HTML layer to read. */
    private static String decodeEscapedMarkup(String text) {
        return MARKUP.matcher(text).find() ? Jsoup.parseBodyFragment(text).text() : text;
    }
}
