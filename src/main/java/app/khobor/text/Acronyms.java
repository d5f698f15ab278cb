package app.khobor.text;

import java.util.Map;

/** English acronyms read as Bengali letter names, the way the papers write them: bnp -> \u09AC\u09BF\u098F\u09A8\u09AA\u09BF, ssc -> \u098F\u09B8\u098F\u09B8\u09B8\u09BF. */
final class Acronyms {
    private static final Map<Character, String> NAMES = Map.ofEntries(
            Map.entry('a', "\u098F"), Map.entry('b', "\u09AC\u09BF"), Map.entry('c', "\u09B8\u09BF"), Map.entry('d', "\u09A1\u09BF"),
            Map.entry('e', "\u0987"), Map.entry('f', "\u098F\u09AB"), Map.entry('g', "\u099C\u09BF"), Map.entry('h', "\u098F\u0987\u099A"),
            Map.entry('i', "\u0986\u0987"), Map.entry('j', "\u099C\u09C7"), Map.entry('k', "\u0995\u09C7"), Map.entry('l', "\u098F\u09B2"),
            Map.entry('m', "\u098F\u09AE"), Map.entry('n', "\u098F\u09A8"), Map.entry('o', "\u0993"), Map.entry('p', "\u09AA\u09BF"),
            Map.entry('q', "\u0995\u09BF\u0989"), Map.entry('r', "\u0986\u09B0"), Map.entry('s', "\u098F\u09B8"), Map.entry('t', "\u099F\u09BF"),
            Map.entry('u', "\u0987\u0989"), Map.entry('v', "\u09AD\u09BF"), Map.entry('w', "\u09A1\u09AC\u09CD\u09B2\u09BF\u0989"), Map.entry('x', "\u098F\u0995\u09CD\u09B8"),
            Map.entry('y', "\u0993\u09AF\u09BC\u09BE\u0987"), Map.entry('z', "\u099C\u09C7\u09A1"));

    private Acronyms() {}

    /** The letter names joined, as a search key; null for words longer than six letters. */
    static String bengali(String latin) {
        if (latin.length() < 2 || latin.length() > 6) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (char c : latin.toCharArray()) {
            out.append(NAMES.get(c));
        }
        return BengaliText.searchKey(out.toString());
    }

    /** No vowel letters at all (bnp, ssc, hsc): nothing else it could be. */
    static boolean looksLikeAcronym(String latin) {
        return latin.chars().noneMatch(c -> "aeiou".indexOf(c) >= 0);
    }
}
