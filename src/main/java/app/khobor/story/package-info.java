/**
 * Stories: the same event reported by several portals, so a reader gets it once. Below {@code news}, which hands each
 * new headline to a {@link app.khobor.story.StoryIndex} and stores the story it joined; imports only {@code text} and
 * {@code infra} of Khobor.
 */
package app.khobor.story;
