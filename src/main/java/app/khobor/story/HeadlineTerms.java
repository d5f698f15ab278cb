package app.khobor.story;

import java.util.Set;

/**
 * A headline as the matcher compares it: the terms (stems, see {@link StoryWords}) of its title, those of the title and
 * the start of its summary together, and the numbers its title carries.
 *
 * @param title   terms of the title
 * @param all     terms of the title and of the summary's first words (a superset of {@code title})
 * @param numbers the numbers written in the title, ASCII digits ("২৬৫" is "265")
 */
record HeadlineTerms(Set<String> title, Set<String> all, Set<String> numbers) {
    HeadlineTerms {
        title = Set.copyOf(title);
        all = Set.copyOf(all);
        numbers = Set.copyOf(numbers);
    }
}
