package app.khobor.config;

/** How a source publishes its headlines: a syndication feed, or an HTML page read with CSS selectors. */
public enum SourceType { FEED, HTML }
