package app.khobor.bench;

import app.khobor.text.Banglish;
import app.khobor.text.BengaliText;
import app.khobor.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How long one Latin word takes to resolve against a vocabulary of made-up Bengali words (a real index has tens of
 * thousands). Run: java -cp target/classes:target/test-classes app.khobor.bench.BanglishBench
 */
public final class BanglishBench {
    public static void main(String[] args) {
        String letters = "\u0995\u0996\u0997\u0998\u099A\u099B\u099C\u099D\u099F\u09A0\u09A1\u09A2\u09A4\u09A5\u09A6\u09A7\u09A8\u09AA\u09AB\u09AC\u09AD\u09AE\u09AF\u09B0\u09B2\u09B6\u09B7\u09B8\u09B9";
        String signs = "\u09BE\u09BF\u09C0\u09C1\u09C2\u09C7\u09CB";
        Random random = new Random(7);
        List<String> titles = new ArrayList<>();
        for (int t = 0; t < 20_000; t++) {
            StringBuilder title = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                for (int l = 0; l < 2 + random.nextInt(5); l++) {
                    title.append(letters.charAt(random.nextInt(letters.length())));
                    if (random.nextBoolean()) {
                        title.append(signs.charAt(random.nextInt(signs.length())));
                    }
                }
                title.append(' ');
            }
            titles.add(title.toString());
        }
        titles.add("\u09AA\u09CD\u09B0\u09A7\u09BE\u09A8\u09AE\u09A8\u09CD\u09A4\u09CD\u09B0\u09C0 \u09B8\u09BE\u0982\u09AC\u09BE\u09A6\u09BF\u0995\u09B0\u09BE \u09A8\u09BF\u09B0\u09CD\u09AC\u09BE\u099A\u09A8\u09C7 \u09AC\u09BF\u09B6\u09CD\u09AC\u09AC\u09BF\u09A6\u09CD\u09AF\u09BE\u09B2\u09AF\u09BC");
        Vocabulary vocabulary = Vocabulary.fromTitles(titles);
        Banglish banglish = new Banglish(vocabulary);
        List<String> words = List.of("prodhanmontri", "shangbadikra", "bishwabidyaly", "nirbachone", "dhaka", "bnp");
        for (int i = 0; i < 200; i++) {
            words.forEach(w -> banglish.candidates(w, 3));
        }
        for (String word : words) {
            long start = System.nanoTime();
            int runs = 500;
            List<String> found = List.of();
            for (int i = 0; i < runs; i++) {
                found = banglish.candidates(word, 3);
            }
            System.out.printf("%-14s %3d letters %8.3f ms  %s (vocabulary %d words)%n", word, word.length(),
                    (System.nanoTime() - start) / 1e6 / runs, found, vocabulary.size());
        }
    }
}
