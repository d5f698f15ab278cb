package app.khobor.chat;

import app.khobor.delivery.BotApi;
import app.khobor.delivery.InlineAnswer;
import app.khobor.delivery.SendResult;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.HeadlineHistory.SearchPage;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import app.khobor.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inline mode: {@code @bot ঢাকা} typed in any chat lists the newest matching headlines, each an article the user can
 * send into that chat; nothing typed lists the newest headlines. Same query language and Banglish as /search (the
 * same {@link QuerySearch}), over every source: the answer goes to whoever asks, in chats the bot may not be in.
 * Everything else goes on to the next handler.
 *
 * <p>Answered at once with answerInlineQuery, outside the reply queue: Telegram counts inline answers against no
 * chat's send limit, and a query answered after some seconds is refused ("query is too old"). It runs on the update
 * workers, never on the polling thread.
 */
public final class InlineSearch implements IncomingHandler {
    private static final Logger log = LoggerFactory.getLogger(InlineSearch.class);
    /** Telegram's most per answer; the client asks for the next page (next_offset) as the user scrolls. */
    static final int PAGE = InlineAnswer.MAX_RESULTS;
    /** How far the newest headlines page on with nothing typed: the search is there for anything older. */
    static final int MAX_NEWEST = 200;
    /** Short: the newest headlines change every few minutes. */
    static final int CACHE_SECONDS = 30;
    static final String BAD_QUERY_TITLE = "এভাবে খোঁজা যায় না";
    static final String TOO_LONG = "খোঁজার লেখাটি অনেক লম্বা। ২০০ অক্ষরের মধ্যে লিখুন।";

    private final IncomingHandler next;
    private final HeadlineHistory headlines;
    private final HeadlineFormat format;
    private final QuerySearch search;
    private final BotApi api;

    /**
     * @param next       handles every update that is not an inline query
     * @param vocabulary the words of the stored headlines, for Latin (Banglish) words
     * @param api        answers the queries
     */
    public InlineSearch(IncomingHandler next, HeadlineHistory headlines, HeadlineFormat format,
            Supplier<Vocabulary> vocabulary, BotApi api) {
        this.next = next;
        this.headlines = headlines;
        this.format = format;
        this.search = new QuerySearch(headlines, vocabulary);
        this.api = api;
    }

    @Override
    public List<MenuEntry> menu() {
        return next.menu();
    }

    @Override
    public void handle(Incoming update) {
        if (!(update instanceof Incoming.InlineQuery query)) {
            next.handle(update);
            return;
        }
        try {
            InlineAnswer answer = answer(query);
            SendResult result = api.answerInline(answer);
            if (!(result instanceof SendResult.Sent)) {
                // Mostly a query answered too late (the user typed on): nothing to retry, the next one is coming.
                log.debug("user {}: inline answer refused: {}", query.fromUserId(), result);
            }
        } catch (RuntimeException e) {
            log.warn("user {}: inline query failed", query.fromUserId(), e);
        }
    }

    InlineAnswer answer(Incoming.InlineQuery query) {
        String text = query.query().strip();
        int offset = offset(query.offset());
        if (text.codePointCount(0, text.length()) > NewsCommands.MAX_QUERY) {
            return explanation(query.queryId(), TOO_LONG);
        }
        if (BengaliText.words(text).isEmpty()) {
            return newest(query.queryId(), offset);
        }
        SearchQuery.Parsed parsed = SearchQuery.parse(text);
        if (parsed instanceof SearchQuery.Invalid invalid) {
            return explanation(query.queryId(), invalid.message());
        }
        SearchQuery valid = ((SearchQuery.Valid) parsed).query();
        SearchPage page = search.page(valid, Set.of(), Map.of(), offset, PAGE).page();
        int shownTo = offset + page.headlines().size();
        return answer(query.queryId(), page.headlines(), shownTo < page.total() ? String.valueOf(shownTo) : "");
    }

    /** One page of the newest headlines, up to {@link #MAX_NEWEST} deep. */
    private InlineAnswer newest(String queryId, int offset) {
        int upTo = Math.min(offset + PAGE, MAX_NEWEST);
        List<StoredHeadline> newest = headlines.latestPublished(upTo + 1, Set.of());
        List<StoredHeadline> page = offset >= Math.min(newest.size(), upTo)
                ? List.of() : newest.subList(offset, Math.min(newest.size(), upTo));
        boolean more = newest.size() > upTo && upTo < MAX_NEWEST;
        return answer(queryId, page, more ? String.valueOf(upTo) : "");
    }

    private InlineAnswer answer(String queryId, List<StoredHeadline> found, String nextOffset) {
        List<InlineAnswer.Article> articles = new ArrayList<>();
        for (StoredHeadline h : found) {
            if (h.title() == null || h.title().isBlank()) {
                continue; // Telegram refuses a whole answer for one article without a title
            }
            String description = format.sourceName(h.sourceId()) + " · " + format.time(h.listedAt());
            articles.add(new InlineAnswer.Article("h" + h.id(), h.title(), description, format.single(h)));
        }
        return new InlineAnswer(queryId, articles, nextOffset, CACHE_SECONDS, false);
    }

    /**
     * A query the language refuses gets one result that says why (Telegram shows no text for an empty answer);
     * choosing it sends the explanation, which harms nobody.
     */
    private static InlineAnswer explanation(String queryId, String why) {
        InlineAnswer.Article article = new InlineAnswer.Article("bad", BAD_QUERY_TITLE, why, HtmlText.escape(why));
        return new InlineAnswer(queryId, List.of(article), "", CACHE_SECONDS, false);
    }

    /** The client sends back our own next_offset; anything else (forged, or from an old version) starts over. */
    static int offset(String offset) {
        if (offset.isEmpty() || offset.length() > 6 || !offset.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        return Integer.parseInt(offset);
    }
}
