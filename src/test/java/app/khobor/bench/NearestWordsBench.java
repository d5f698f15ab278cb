package app.khobor.bench;

import app.khobor.text.NearestWords;
import app.khobor.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How long "no result" takes to find the nearest indexed words of a mistyped word, on a vocabulary of 100,000 made-up
 * Bengali words (a few weeks of headlines hold tens of thousands): the index build once, then per lookup, median and
 * p99. Run: bench/run nearest
 */
public final class NearestWordsBench {
    private static final String LETTERS = "কখগঘচছজঝটঠডঢতথদধনপফবভমযরলশষসহ";
    private static final String SIGNS = "ািীুূেো";

    public static void main(String[] args) {
        Random random = new Random(11);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            words.add(word(random));
        }
        Vocabulary vocabulary = Vocabulary.fromTitles(words);
        long start = System.nanoTime();
        NearestWords nearest = NearestWords.of(vocabulary);
        double buildMs = (System.nanoTime() - start) / 1e6;

        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            probes.add(typo(words.get(random.nextInt(words.size())), random));
        }
        for (String probe : probes.subList(0, 500)) {
            nearest.nearest(probe, 3); // warm-up
        }
        List<Double> samples = new ArrayList<>();
        int found = 0;
        for (String probe : probes) {
            long t = System.nanoTime();
            found += nearest.nearest(probe, 3).isEmpty() ? 0 : 1;
            samples.add((System.nanoTime() - t) / 1e6);
        }
        Percentiles p = new Percentiles(samples);
        System.out.printf("vocabulary %d words, index built in %.0f ms%n", vocabulary.size(), buildMs);
        System.out.printf("nearest 3 of a typo: median %.3f ms, p99 %.3f ms over %d lookups (%d with suggestions)%n",
                p.median(), p.at(99), p.count(), found);
    }

    private static String word(Random random) {
        StringBuilder b = new StringBuilder();
        int letters = 2 + random.nextInt(6);
        for (int l = 0; l < letters; l++) {
            b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            if (random.nextBoolean()) {
                b.append(SIGNS.charAt(random.nextInt(SIGNS.length())));
            }
        }
        return b.toString();
    }

    /** One code point changed, added or dropped. */
    private static String typo(String word, Random random) {
        int at = random.nextInt(word.length());
        String letter = String.valueOf(LETTERS.charAt(random.nextInt(LETTERS.length())));
        return switch (random.nextInt(3)) {
            case 0 -> word.substring(0, at) + letter + word.substring(at + 1);
            case 1 -> word.substring(0, at) + letter + word.substring(at);
            default -> word.length() > 3 ? word.substring(0, at) + word.substring(at + 1) : word + letter;
        };
    }
}
