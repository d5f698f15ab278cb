package app.khobor.news;

import app.khobor.text.Vocabulary;

/**
 * The words of the stored headlines, for turning Latin-script query words into Bengali ones
 * ({@link app.khobor.text.BanglishQuery}). Built from the newest titles; rebuild it now and then (after a poll cycle),
 * not per query.
 */
public final class HeadlineVocabulary {
    /** Titles read for one vocabulary: a few weeks of all sources. */
    public static final int TITLES = 50_000;

    private HeadlineVocabulary() {}

    /** The vocabulary of the newest {@code limit} stored titles. */
    public static Vocabulary of(HeadlineHistory history, int limit) {
        return Vocabulary.fromTitles(history.latest(limit).stream().map(StoredHeadline::title).toList());
    }
}
