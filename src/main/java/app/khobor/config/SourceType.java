package app.khobor.config;

/**
 * How a source publishes its headlines: a syndication feed, an HTML page read with CSS selectors, or a Google News
 * sitemap (a sitemap index leads to its newest child sitemaps).
 */
public enum SourceType { FEED, HTML, SITEMAP }
