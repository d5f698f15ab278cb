package app.khobor.chat;

import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import app.khobor.delivery.Replies;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.HeadlineHistory.SearchPage;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import app.khobor.text.Vocabulary;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /latest and /search: reading the history on demand, newest published first, in the chat's time zone and from the
 * sources the chat kept on. /search pages through every match with an "আরও" button that edits the message in place.
 */
final class NewsCommands {
    private static final Logger log = LoggerFactory.getLogger(NewsCommands.class);
    static final int DEFAULT_LATEST = 10;
    static final int MAX_LATEST = 20;
    static final int PAGE = 10;
    static final int MAX_QUERY = 200;
    /** Under "nothing found" when nearby words are offered as buttons. */
    static final String NEARBY_HINT = "কাছাকাছি শব্দ দিয়ে খুঁজবেন?";

    private final HeadlineHistory headlines;
    private final HeadlineFormat format;
    private final ChatStore chats;
    private final Set<String> offerable;
    private final LongFunction<ZoneId> zones;
    private final QuerySearch search;
    private final SearchPages pages = new SearchPages();
    private final NearbyWords nearbyWords = new NearbyWords();

    /**
     * @param offerable the sources a chat can switch on or off (/sources); all of them off gets a warning
     * @param zones     the time zone each chat chose
     * @param vocabulary the words of the stored headlines, to search Latin (Banglish) words as Bengali ones
     */
    NewsCommands(HeadlineHistory headlines, HeadlineFormat format, ChatStore chats, Set<String> offerable,
            LongFunction<ZoneId> zones, Supplier<Vocabulary> vocabulary) {
        this.search = new QuerySearch(headlines, vocabulary);
        this.headlines = headlines;
        this.format = format;
        this.chats = chats;
        this.offerable = Set.copyOf(offerable);
        this.zones = zones;
    }

    /** More than 20 is quietly cut to 20: the reader clearly wants "many". */
    Answer latest(long chatId, String args) {
        int count;
        try {
            // parseInt reads Bengali digits too: /latest ৫ works.
            count = args.isEmpty() ? DEFAULT_LATEST : Math.min(Integer.parseInt(args), MAX_LATEST);
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1) {
            return Answer.text(Messages.LATEST_BAD_COUNT);
        }
        Set<String> off = chats.disabledSources(chatId);
        if (allOff(off)) {
            return Answer.text(Messages.ALL_SOURCES_OFF);
        }
        // Fetched with room for other portals' copies, which fold into their story's line (StoryLines).
        List<StoredHeadline> found = StoryLines.firstStories(
                headlines.latestPublished(count * 2, off, chats.chosenSections(chatId)), count);
        if (found.isEmpty()) {
            return Answer.text(Messages.NO_NEWS_YET);
        }
        return Answer.text(format(chatId).list(Messages.latestHeader(StoryLines.fold(found).size()), found));
    }

    Answer search(long chatId, String args) {
        String query = KeywordCommands.asTyped(args);
        if (query.codePointCount(0, query.length()) > MAX_QUERY) {
            return Answer.text(Messages.SEARCH_TOO_LONG);
        }
        if (BengaliText.words(query).isEmpty()) {
            return Answer.text(Messages.SEARCH_USAGE);
        }
        if (SearchQuery.parse(query) instanceof SearchQuery.Invalid invalid) {
            return Answer.text(HtmlText.escape(invalid.message()));
        }
        if (allOff(chats.disabledSources(chatId))) {
            return Answer.text(Messages.ALL_SOURCES_OFF);
        }
        return page(chatId, pages.remember(query), query, 0);
    }

    /**
     * An "আরও" press: the next page, edited into the message pressed. Only on a search result the bot sent in this
     * chat (the data must be the one button that message shows); a forged, malformed or forgotten one (the bot
     * restarted) gets an alert and changes nothing.
     */
    void more(Incoming.Button button, Replies replies) {
        SearchPages.More more = SearchPages.parse(button.data());
        String query = more == null ? null : pages.query(more.searchId());
        if (more == null || !button.shownData().equals(List.of(button.data()))) {
            log.debug("chat {}: refused search page data on message {}", button.chatId(), button.messageId());
            replies.alert(button.callbackId(), Messages.STALE_BUTTON_SEARCH);
            return;
        }
        if (query == null) {
            replies.alert(button.callbackId(), Messages.SEARCH_FORGOTTEN);
            return;
        }
        Answer next = page(button.chatId(), more.searchId(), query, more.offset());
        replies.edit(button.chatId(), button.chatKind().isGroup(), button.messageId(), next.html(), next.keyboard());
        replies.answerCallback(button.callbackId(), "");
    }

    private Answer page(long chatId, long searchId, String query, int offset) {
        if (!(SearchQuery.parse(query) instanceof SearchQuery.Valid valid)) {
            return Answer.text(Messages.searchNothing(query));
        }
        // Latin words also search their Bengali spellings; every page expands the same query text again.
        QuerySearch.Found found = search.page(valid.query(), chats.disabledSources(chatId),
                chats.chosenSections(chatId), offset, PAGE);
        String lead = found.searched().isEmpty() ? "" : HtmlText.escape(found.searched()) + "\n";
        SearchPage page = found.page();
        if (page.headlines().isEmpty()) {
            return nothingFound(lead + Messages.searchNothing(query), offset == 0 ? query : "");
        }
        // One message: a page that would not fit (ten 300-character titles) keeps what fits and offers the rest.
        List<StoredHeadline> shown = page.headlines();
        String html;
        int shownTo;
        while (true) {
            shownTo = offset + shown.size();
            String header = lead + (offset == 0 && shownTo == page.total() ? Messages.searchHeader(query, page.total())
                    : Messages.searchPageHeader(query, page.total(), offset + 1, shownTo));
            html = format(chatId).list(header, shown, offset + 1, found.query());
            if (shown.size() == 1 || HtmlText.split(html).size() == 1) {
                break;
            }
            shown = shown.subList(0, shown.size() - 1);
        }
        Keyboard more = shownTo < page.total()
                ? new Keyboard(List.of(List.of(new Button(Messages.MORE, SearchPages.data(searchId, shownTo)))))
                : null;
        return new Answer(html, more);
    }

    /**
     * "Nothing found", with up to three searches for the nearest indexed words as buttons when a word of the query
     * is in no headline (a typo, a rare spelling). Each button carries only an id: Bengali words are three bytes a
     * letter, too long for 64 bytes of callback data.
     */
    private Answer nothingFound(String html, String query) {
        Map<String, String> nearby = query.isEmpty() ? Map.of() : nearbyWords.searches(query, search.vocabulary());
        if (nearby.isEmpty()) {
            return Answer.text(html);
        }
        List<Button> buttons = new ArrayList<>();
        nearby.forEach((word, instead) -> buttons.add(new Button(word, SearchPages.nearData(pages.remember(instead)))));
        return new Answer(html + "\n" + NEARBY_HINT, new Keyboard(List.of(buttons)));
    }

    /**
     * A nearby word's press: that search, edited into the "nothing found" message. Refused with an alert, changing
     * nothing, unless the data is one of the buttons that message shows; a forgotten search (restart) says so.
     */
    void nearby(Incoming.Button button, Replies replies) {
        Long searchId = SearchPages.parseNear(button.data());
        if (searchId == null || !button.shownData().contains(button.data())) {
            log.debug("chat {}: refused nearby word data on message {}", button.chatId(), button.messageId());
            replies.alert(button.callbackId(), Messages.STALE_BUTTON_SEARCH);
            return;
        }
        String query = pages.query(searchId);
        if (query == null) {
            replies.alert(button.callbackId(), Messages.SEARCH_FORGOTTEN);
            return;
        }
        Answer found = page(button.chatId(), searchId, query, 0);
        replies.edit(button.chatId(), button.chatKind().isGroup(), button.messageId(), found.html(), found.keyboard());
        replies.answerCallback(button.callbackId(), "");
    }

    private HeadlineFormat format(long chatId) {
        return format.inZone(zones.apply(chatId));
    }

    private boolean allOff(Set<String> off) {
        return !offerable.isEmpty() && off.containsAll(offerable);
    }
}
