package app.khobor.news;

import app.khobor.source.Headline;

/**
 * A headline ready to be stored: with its de-duplication identity and search key computed.
 *
 * @param canonicalUrl {@code CanonicalUrl.of(headline.url())}
 * @param key          {@code BengaliText.searchKey(headline.title())}
 */
public record NewHeadline(Headline headline, String canonicalUrl, String key) {}
