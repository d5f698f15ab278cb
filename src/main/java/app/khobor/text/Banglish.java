package app.khobor.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Latin-script words ("dhaka", "nirbachon", "bnp") to the Bengali words they stand for, kept only when the
 * vocabulary of stored headlines has them, most frequent first. Spellings are generated Avro-style with the
 * ambiguous letters expanded ({@link Phonetics}); a spelling is dropped as soon as no vocabulary word starts with
 * it, and the walk stops after {@link #MAX_STEPS} steps, so a long word costs milliseconds, not an explosion.
 * Acronyms are read as Bengali letter names (bnp: \u09AC\u09BF\u098F\u09A8\u09AA\u09BF) and a few exonyms are listed (Chittagong: \u099A\u099F\u09CD\u099F\u0997\u09CD\u09B0\u09BE\u09AE).
 * An English word that occurs as itself in the vocabulary stays as itself. Results are search keys.
 */
public final class Banglish {
    static final int MAX_STEPS = 20_000;
    /** A candidate must be found this often relative to the best one (prefix occurrences) to be kept. */
    private static final double SHARE_OF_BEST = 0.15;

    /** Inflections (code points) a found word may add to a spelling: \u09A2\u09BE\u0995\u09BE finds \u09A2\u09BE\u0995\u09BE\u09AF\u09BC, not \u0997\u099C\u09BE \u0997\u099C\u09BE\u09B0\u09BF\u09AF\u09BC\u09BE\u09AF\u09BC. */
    static final int MAX_SUFFIX = 4;

    private final Vocabulary vocabulary;

    public Banglish(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** True for words this class rewrites: ASCII letters only. */
    public static boolean isLatinWord(String word) {
        return word != null && !word.isEmpty() && word.chars().allMatch(c -> c < 128 && Character.isLetter(c));
    }

    /** Up to {@code max} Bengali search keys for one Latin word, the most frequent first; empty when none is known. */
    public List<String> candidates(String latinWord, int max) {
        String latin = latinWord.toLowerCase(Locale.ROOT);
        if (!isLatinWord(latin) || max <= 0) {
            return List.of();
        }
        Map<String, Integer> costs = new HashMap<>();
        String exonym = Exonyms.bengali(latin);
        if (exonym != null && vocabulary.hasPrefix(exonym)) {
            costs.put(exonym, 0);
        }
        String acronym = Acronyms.bengali(latin);
        if (acronym != null && vocabulary.hasPrefix(acronym)) {
            costs.merge(acronym, Acronyms.looksLikeAcronym(latin) ? 0 : 2, Math::min);
        }
        if (vocabulary.count(latin) > 0) {
            costs.put(latin, 0);
        }
        if (exonym == null) {
            Map<String, Integer> fallback = new HashMap<>();
            new Walk(latin, costs, fallback, 0).run();
            if (latin.length() > 3 && latin.endsWith("e")) {
                new Walk(latin.substring(0, latin.length() - 1), costs, fallback, 1).run(); // silent e: police, office
            }
            if (costs.isEmpty()) {
                costs.putAll(fallback);
            }
        }
        return choose(costs, max);
    }

    private List<String> choose(Map<String, Integer> costs, int max) {
        List<String> found = new ArrayList<>(costs.keySet());
        // A candidate another one starts with adds nothing to a prefix search: keep the shorter.
        found.removeIf(c -> found.stream().anyMatch(o -> !o.equals(c) && c.startsWith(o)));
        if (found.isEmpty()) {
            return List.of();
        }
        int bestCost = found.stream().mapToInt(costs::get).min().orElse(0);
        found.removeIf(c -> costs.get(c) > bestCost + 1);
        found.sort(Comparator.comparingInt((String c) -> -score(c, costs.get(c) - bestCost)).thenComparing(c -> c));
        int best = score(found.get(0), costs.get(found.get(0)) - bestCost);
        List<String> chosen = new ArrayList<>();
        for (String c : found) {
            if (chosen.size() < max && score(c, costs.get(c) - bestCost) >= best * SHARE_OF_BEST) {
                chosen.add(c);
            }
        }
        return List.copyOf(chosen);
    }

    /** Prefix occurrences, exact words counted twice, halved for each extra unusual letter choice. */
    private int score(String candidate, int extraCost) {
        int s = vocabulary.inflectedCount(candidate, MAX_SUFFIX) + vocabulary.count(candidate);
        return s >> Math.min(extraCost, 8);
    }

    /** Depth-first over Latin letter groups, pruned by the vocabulary's prefixes. */
    private final class Walk {
        private final String latin;
        private final Map<String, Integer> found;
        private final Set<String> visited = new HashSet<>();
        private final Map<String, Integer> fallback;
        private final int startCost;
        private int steps;

        Walk(String latin, Map<String, Integer> found, Map<String, Integer> fallback, int startCost) {
            this.latin = latin;
            this.found = found;
            this.fallback = fallback;
            this.startCost = startCost;
        }

        void run() {
            step(0, "", null, startCost);
        }

        private void step(int at, String bengali, Phonetics.Kind last, int cost) {
            if (++steps > MAX_STEPS || cost > 6 || !visited.add(at + "|" + bengali + "|" + last + "|" + cost)) {
                return;
            }
            if (at == latin.length()) {
                if (acceptable(bengali, last)) {
                    found.merge(bengali, cost, Math::min);
                }
                return;
            }
            for (int len = Math.min(Phonetics.LONGEST, latin.length() - at); len >= 1; len--) {
                Phonetics.Group group = Phonetics.group(latin.substring(at, at + len));
                if (group == null) {
                    continue;
                }
                boolean vowelGroup = group.alone() != group.afterConsonant();
                List<Phonetics.Spelling> options = last == Phonetics.Kind.CONSONANT ? group.afterConsonant() : group.alone();
                if (vowelGroup && last == Phonetics.Kind.VOWEL) {
                    for (Phonetics.Spelling s : group.afterConsonant()) { // israel: \u0987\u09B8\u09B0\u09BE\u09AF\u09BC\u09C7\u09B2, jamaat: \u099C\u09BE\u09AE\u09BE\u09AF\u09BC\u09BE\u09A4
                        if (!s.bengali().isEmpty()) {
                            next(at + len, bengali + Phonetics.YA + s.bengali(), Phonetics.Kind.VOWEL, cost + s.cost());
                        }
                    }
                }
                for (Phonetics.Spelling s : options) {
                    if (vowelGroup) {
                        next(at + len, bengali + s.bengali(), Phonetics.Kind.VOWEL, cost + s.cost());
                    } else if (last == Phonetics.Kind.CONSONANT && !s.bengali().startsWith(Phonetics.VIRAMA)) {
                        next(at + len, bengali + s.bengali(), s.kind(), cost + s.cost());
                        next(at + len, bengali + Phonetics.VIRAMA + s.bengali(), s.kind(), cost + s.cost());
                    } else if (last != null || !s.bengali().startsWith(Phonetics.VIRAMA)) {
                        next(at + len, bengali + s.bengali(), s.kind(), cost + s.cost());
                    }
                }
            }
        }

        private void next(int at, String bengali, Phonetics.Kind kind, int cost) {
            if (vocabulary.hasPrefix(bengali)) {
                step(at, bengali, kind, cost);
            }
        }

        /**
         * A Latin word ending in a vowel written as the inherent one ("gaza" as \u0997\u09BE\u099C) must be a whole word, or it
         * would find \u0997\u09BE\u099C\u09C0\u09AA\u09C1\u09B0; so must very short spellings.
         */
        private boolean acceptable(String bengali, Phonetics.Kind last) {
            if (bengali.isEmpty()) {
                return false;
            }
            boolean endsInherent = last == Phonetics.Kind.VOWEL && isConsonantLetter(bengali.charAt(bengali.length() - 1));
            if (endsInherent && afterConjunct(bengali) && vocabulary.count(bengali) == 0
                    && vocabulary.inflectedCount(bengali, MAX_SUFFIX) > 0) {
                // After a conjunct the inherent vowel is really spoken (chhatra: ছাত্র, found as ছাত্রদের): a
                // fallback for when no spelling is a word (shikkha: শিক্ষা, not the wider শিক্ষ).
                fallback.merge(bengali, 0, Math::min);
                return false;
            }
            if (endsInherent || bengali.codePointCount(0, bengali.length()) <= 2) {
                return vocabulary.count(bengali) > 0;
            }
            return vocabulary.inflectedCount(bengali, MAX_SUFFIX) > 0;
        }
    }

    private static boolean afterConjunct(String bengali) {
        return bengali.length() > 2 && bengali.charAt(bengali.length() - 2) == '\u09CD';
    }

    private static boolean isConsonantLetter(char c) {
        return (c >= '\u0995' && c <= '\u09B9') || c == '\u09BC' || c == '\u09CE';
    }
}
