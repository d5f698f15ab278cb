package app.khobor.chat;

import app.khobor.news.HeadlineHistory;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BengaliText;
import java.util.List;

/** /latest and /search: reading the history on demand. */
final class NewsCommands {
    static final int DEFAULT_LATEST = 10;
    static final int MAX_LATEST = 20;
    static final int MAX_RESULTS = 10;
    static final int MAX_QUERY = 200;

    private final HeadlineHistory headlines;
    private final HeadlineFormat format;

    NewsCommands(HeadlineHistory headlines, HeadlineFormat format) {
        this.headlines = headlines;
        this.format = format;
    }

    /** More than 20 is quietly cut to 20: the reader clearly wants "many". */
    Answer latest(String args) {
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
        List<StoredHeadline> found = headlines.latest(count);
        if (found.isEmpty()) {
            return Answer.text(Messages.NO_NEWS_YET);
        }
        return Answer.text(format.list(Messages.latestHeader(found.size()), found));
    }

    Answer search(String args) {
        String query = KeywordCommands.asTyped(args);
        if (query.codePointCount(0, query.length()) > MAX_QUERY) {
            return Answer.text(Messages.SEARCH_TOO_LONG);
        }
        List<String> words = BengaliText.words(query);
        if (words.isEmpty()) {
            return Answer.text(Messages.SEARCH_USAGE);
        }
        List<StoredHeadline> found = headlines.search(words, MAX_RESULTS);
        if (found.isEmpty()) {
            return Answer.text(Messages.searchNothing(query));
        }
        return Answer.text(format.list(Messages.searchHeader(query, found.size()), found));
    }
}
