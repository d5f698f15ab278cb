package app.khobor.story;

import app.khobor.text.BengaliText;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a title and a summary into the terms story matching compares. A term is a word's stem: Bengali inflects by
 * suffix (ঢাকায়, ঢাকার and ঢাকা are one place; ট্রাম্পের, ট্রাম্পকে one man), so case and plural endings come off,
 * repeatedly, until none is left; then spellings the portals mix for one word are folded together (গ্রেফতার and
 * গ্রেপ্তার, যমজ and জমজ, ী and ি). Words every story uses (ও, নিয়ে, করেছে, বৃহস্পতিবার) are dropped: they say
 * nothing about which event a headline reports. The fold makes terms unfit for display or search: they are only ever
 * compared with each other.
 */
final class StoryWords {
    /** How much of a summary counts: its first words say what happened; the rest is background that other stories share. */
    static final int SUMMARY_WORDS = 30;
    /** A stem keeps at least this many characters: stripping বাবার to বা would make it every word's neighbour. */
    private static final int SHORTEST_STEM = 2;

    private static final char VIRAMA = '\u09CD';
    private static final char NUKTA = '\u09BC';
    private static final char YA = '\u09AF';
    private static final char JA = '\u099C';

    /** Case and plural endings, longest first so গুলোর comes off whole; every entry is in search-key form. */
    private static final List<String> SUFFIXES = keys(
            "গুলোর গুলোকে গুলোতে গুলো গুলি দেরকে দের েরা ের কে তে টির টিকে টি টার টা খানা রা য় র ে ও ই েই ি ী")
            .stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();

    /** Function words, common verbs, days and times of day: present in any story, evidence for none. */
    private static final Set<String> STOPWORDS = Set.copyOf(keys(""
            + "ও এ না নিয়ে থেকে করে করা হয় হলো হল হচ্ছে হয়েছে হবে পর আগে জন জনের বলে এক দুই তিন জন্য "
            + "সঙ্গে সাথে মধ্যে আজ কী কি কেন যা যে সেই এই তার তাঁর করল করলো করেছে করলেন দিল দিলেন বললেন "
            + "বলেন বলল নেই আরও শুরু বছর দিন মাস হাজার লাখ কোটি বিরুদ্ধে আর বা এবং কোন কোনো যেভাবে যেসব "
            + "কবে কত এখন এবার নতুন দেশের দেশে পারে গেছে হতে দিয়ে তবে সব দেখল দেখা দেখলো "
            + "দেখতে দেখুন গেল গেলো গিয়ে যাবে যাচ্ছে যায় যাওয়ার যাওয়া হলেন হলে হওয়ার হয়নি হয়ে হবেন "
            + "করবে করবেন করতে করার করেন করছে করছেন দেবে দেওয়া দিতে দিচ্ছে দিলো নিলেন নিল নেওয়া "
            + "নিতে পেলেন পেল পেয়ে পারবে পারলেন পারেন বলছে বলেছেন জানালেন জানাল জানিয়েছে জানা চায় চান "
            + "চাইলেন রয়েছে আছে ছিল ছিলেন থাকবে থাকছে উঠল উঠেছে মতো প্রতি কাছে ওপর নিচে সময় বার কারণে "
            + "ঘিরে দিকে পরই পরে আবার আবারও শুধু মাত্র প্রায় অন্তত বেশি কম বড় ছোট সেরা প্রথম শেষ একই "
            + "অন্য সবাই কেউ কিছু কিছুই তো যখন তখন যদি তাহলে কারা কে কার কোথায় কীভাবে কেমন হঠাৎ ফের "
            + "বুধবার বৃহস্পতিবার শুক্রবার শনিবার রবিবার সোমবার মঙ্গলবার সকালে রাতে বিকেলে সন্ধ্যায় গত চলতি"));

    /** Words portals use for one thing (arrested, killed, gold, body): each group meets at its first word. */
    private static final Map<String, String> SYNONYMS = synonyms(
            "গ্রেপ্তার গ্রেফতার আটক", "হত্যা খুন", "নিহত মৃত মৃত্যু প্রাণহানি", "স্বর্ণ সোনা", "মরদেহ লাশ",
            "রাজধানী ঢাকা");

    private StoryWords() {}

    /** The terms of a headline; a null or empty summary adds nothing. */
    static HeadlineTerms of(String title, String summary) {
        Set<String> titleTerms = terms(BengaliText.words(title), Integer.MAX_VALUE);
        Set<String> all = new HashSet<>(titleTerms);
        all.addAll(terms(BengaliText.words(summary), SUMMARY_WORDS));
        return new HeadlineTerms(titleTerms, all, numbers(title));
    }

    /**
     * The term of one search-key word: endings stripped until none matches (so ঢাকায় and ঢাকার both end at ঢাকা,
     * সরকার and সরকারের both at সরকা), then synonyms and spelling variants folded.
     */
    static String term(String word) {
        String stem = stripEndings(word);
        return fold(SYNONYMS.getOrDefault(stem, stem));
    }

    /** The numbers of a title: each word's leading digits, so "২৪টি" gives 24 and "৫০তম" gives 50. */
    static Set<String> numbers(String title) {
        Set<String> numbers = new HashSet<>();
        for (String word : BengaliText.words(title)) {
            int end = 0;
            while (end < word.length() && word.charAt(end) >= '0' && word.charAt(end) <= '9') {
                end++;
            }
            if (end > 0) {
                numbers.add(word.substring(0, end));
            }
        }
        return numbers;
    }

    private static Set<String> terms(List<String> words, int limit) {
        Set<String> terms = new HashSet<>();
        int counted = 0;
        for (String word : words) {
            if (STOPWORDS.contains(word) || isNumber(word)) {
                continue;
            }
            if (++counted > limit) {
                break;
            }
            String term = term(word);
            if (term.length() >= SHORTEST_STEM) {
                terms.add(term);
            }
        }
        return terms;
    }

    private static String stripEndings(String word) {
        String stem = word;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : SUFFIXES) {
                int keep = stem.length() - suffix.length();
                if (keep >= SHORTEST_STEM && stem.endsWith(suffix) && stem.charAt(keep - 1) != VIRAMA) {
                    stem = stem.substring(0, keep);
                    stripped = true;
                    break;
                }
            }
        }
        return stem;
    }

    /**
     * Spellings the portals mix for one word meet: ী/ি, ূ/ু, শ/ষ/স, ণ/ন, ফ/প, ৎ/ত, ং/ঙ, য/জ (but not য়), and the
     * virama and chandrabindu go (গ্রেপ্তার and গ্রেফতার both become গ্রেপতার).
     */
    private static String fold(String stem) {
        StringBuilder out = new StringBuilder(stem.length());
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            switch (c) {
                case '\u09C0' -> out.append('\u09BF');
                case '\u09C2' -> out.append('\u09C1');
                case '\u09B6', '\u09B7' -> out.append('\u09B8');
                case '\u09A3' -> out.append('\u09A8');
                case '\u09AB' -> out.append('\u09AA');
                case '\u09CE' -> out.append('\u09A4');
                case '\u0982' -> out.append('\u0999');
                case VIRAMA, '\u0981' -> { }
                case YA -> out.append(i + 1 < stem.length() && stem.charAt(i + 1) == NUKTA ? YA : JA);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Literals go through the one normaliser, so whichever encoding of য় this file was saved with, they match keys. */
    private static List<String> keys(String spaced) {
        return Arrays.stream(spaced.trim().split(" +")).map(BengaliText::searchKey).toList();
    }

    private static Map<String, String> synonyms(String... groups) {
        Map<String, String> map = new HashMap<>();
        for (String group : groups) {
            List<String> words = keys(group).stream().map(StoryWords::stripEndings).toList();
            words.forEach(w -> map.put(w, words.get(0)));
        }
        return Map.copyOf(map);
    }
}
