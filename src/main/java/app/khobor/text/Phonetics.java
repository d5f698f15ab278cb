package app.khobor.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Avro-style Latin letter groups and the Bengali they can stand for, ambiguities kept (d: \u09A6 or \u09A1). Each spelling is
 * stored as a search key; the first alternative of a group is the usual one and costs nothing, later ones cost one.
 */
final class Phonetics {
    /** What a piece of Bengali ends with: decides how the next vowel is written (sign or letter) and whether a consonant may join. */
    enum Kind { CONSONANT, VOWEL }

    record Spelling(String bengali, Kind kind, int cost) {}

    /** One Latin group: consonant spellings, or a vowel's independent letters and its signs after a consonant. */
    record Group(List<Spelling> alone, List<Spelling> afterConsonant) {}

    static final int LONGEST = 3;
    static final String VIRAMA = "\u09CD";
    static final String YA = BengaliText.searchKey("\u09AF\u09BC");
    private static final Map<String, Group> GROUPS = new HashMap<>();

    private Phonetics() {}

    static Group group(String latin) {
        return GROUPS.get(latin);
    }

    private static void consonant(String latin, String... bengali) {
        List<Spelling> list = new ArrayList<>();
        for (int i = 0; i < bengali.length; i++) {
            String b = BengaliText.searchKey(bengali[i]);
            Kind kind = b.endsWith("\u09CB") || b.equals("\u0993") ? Kind.VOWEL : Kind.CONSONANT;
            list.add(new Spelling(b, kind, Math.min(i, 2)));
        }
        GROUPS.put(latin, new Group(list, list));
    }

    /** {@code alone}: independent letters, '|' then the signs written after a consonant ("" is the inherent vowel). */
    private static void vowel(String latin, String spec) {
        String[] parts = spec.split("\\|", -1);
        GROUPS.put(latin, new Group(spellings(parts[0]), spellings(parts[1])));
    }

    private static List<Spelling> spellings(String spaced) {
        List<Spelling> list = new ArrayList<>();
        String[] items = spaced.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            list.add(new Spelling(BengaliText.searchKey(items[i]), Kind.VOWEL, i < 2 ? 0 : 1));
        }
        return list;
    }

    static {
        consonant("k", "\u0995");
        consonant("kh", "\u0996", "\u0995\u09CD\u09B7");
        consonant("kk", "\u0995\u09CD\u0995");
        consonant("kkh", "\u0995\u09CD\u09B7");
        consonant("ksh", "\u0995\u09CD\u09B7");
        consonant("ck", "\u0995");
        consonant("g", "\u0997", "\u099C");
        consonant("gh", "\u0998");
        consonant("ng", "\u0982", "\u0999\u09CD\u0997", "\u0999");
        consonant("ngh", "\u0982\u0998", "\u0999\u09CD\u0998"); // songhorsho: \u09B8\u0982\u0998\u09B0\u09CD\u09B7
        consonant("c", "\u0995", "\u099A", "\u09B8", "\u09B6");
        consonant("ch", "\u099A", "\u099B");
        consonant("chh", "\u099B");
        consonant("j", "\u099C", "\u09AF");
        consonant("jh", "\u099D");
        consonant("t", "\u09A4", "\u099F");
        consonant("th", "\u09A5", "\u09A0");
        consonant("tt", "\u099F\u09CD\u099F", "\u09A4\u09CD\u09A4", "\u09A4\u09CD\u09AF"); // mrittu: \u09AE\u09C3\u09A4\u09CD\u09AF\u09C1
        consonant("d", "\u09A6", "\u09A1");
        consonant("dh", "\u09A7", "\u09A2");
        consonant("n", "\u09A8", "\u09A3", "\u0981");
        consonant("nn", "\u09A8\u09CD\u09A8", "\u09A8\u09CD\u09AF", "\u09A3\u09CD\u09A3"); // bonna: \u09AC\u09A8\u09CD\u09AF\u09BE
        consonant("p", "\u09AA");
        consonant("ph", "\u09AB");
        consonant("f", "\u09AB");
        consonant("b", "\u09AC");
        consonant("bh", "\u09AD");
        consonant("v", "\u09AD");
        consonant("m", "\u09AE");
        consonant("z", "\u099C", "\u09AF");
        consonant("y", "\u09AF\u09BC", "\u09AF", "\u09CD\u09AF");
        consonant("r", "\u09B0", "\u09A1\u09BC", "\u09A2\u09BC");
        consonant("rh", "\u09A2\u09BC");
        consonant("l", "\u09B2");
        consonant("s", "\u09B8", "\u09B6", "\u09B7");
        consonant("sh", "\u09B6", "\u09B7", "\u09B8");
        consonant("h", "\u09B9", "\u0983");
        consonant("w", "\u0993", "\u0993\u09AF\u09BC", "\u09CD\u09AC", "\u09AF\u09BC");
        consonant("q", "\u0995");
        consonant("x", "\u0995\u09CD\u09B8");
        vowel("a", "\u0986,\u0985,\u098F|,\u09BE,\u09CD\u09AF\u09BE");
        vowel("aa", "\u0986|\u09BE");
        vowel("i", "\u0987,\u0988,\u09AF\u09BC\u09BF,\u09AF\u09BC\u09C0|\u09BF,\u09C0");
        vowel("ee", "\u0988,\u0987|\u09C0,\u09BF");
        vowel("u", "\u0989,\u098A,\u09AF\u09BC\u09C1|\u09C1,\u09C2,\u09BE");
        vowel("oo", "\u0989,\u098A|\u09C1,\u09C2");
        vowel("e", "\u098F,\u09AF\u09BC\u09C7,\u0985\u09CD\u09AF\u09BE|\u09C7,\u09CD\u09AF\u09BE,\u09BF");
        vowel("o", "\u0985,\u0993,\u09AF\u09BC|,\u09CB,\u09C1");
        vowel("oi", "\u0990,\u0993\u0987|\u09C8,\u09CB\u0987");
        vowel("ou", "\u0994,\u0993|\u09CC,\u09CB");
        vowel("ei", "\u098F\u0987,\u098F|\u09C7,\u09C7\u0987");
        vowel("yu", "\u0987\u0989,\u0987\u09AF\u09BC\u09C1|\u09BF\u0989,\u09CD\u09AF\u09C1");
        vowel("ri", "\u098B,\u09B0\u09BF|\u09C3,\u09CD\u09B0\u09BF");
    }
}
