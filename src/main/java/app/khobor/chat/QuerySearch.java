package app.khobor.chat;

import app.khobor.news.HeadlineHistory;
import app.khobor.news.HeadlineHistory.SearchPage;
import app.khobor.text.BanglishQuery;
import app.khobor.text.SearchQuery;
import app.khobor.text.Vocabulary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one search path of /search and inline mode: Latin (Banglish) words become the Bengali words of the stored
 * headlines' vocabulary, then the history is searched newest published first. Each page expands the query text
 * again, so every page of one search means the same words while the vocabulary holds.
 */
final class QuerySearch {
    private final HeadlineHistory headlines;
    private final Supplier<Vocabulary> vocabulary;

    /**
     * @param searched the reply's line naming the Bengali words searched, "" when no Latin word was rewritten
     * @param query    the query as searched, Latin words with their Bengali alternatives (what matched, for bold)
     */
    record Found(String searched, SearchQuery query, SearchPage page) {}

    QuerySearch(HeadlineHistory headlines, Supplier<Vocabulary> vocabulary) {
        this.headlines = headlines;
        this.vocabulary = vocabulary;
    }

    Found page(SearchQuery query, Set<String> offSources, Map<String, Set<String>> sections, int offset, int limit) {
        Map<String, List<String>> expansion = new BanglishQuery(vocabulary.get()).expand(query.wordKeys());
        SearchQuery searched = query.withAlternatives(expansion);
        SearchPage page = headlines.searchPublished(searched, offSources, sections, offset, limit);
        return new Found(BanglishQuery.searchedPhrase(expansion), searched, page);
    }

    Vocabulary vocabulary() {
        return vocabulary.get();
    }
}
