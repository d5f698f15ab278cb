package app.khobor.text;

import java.util.Map;

/**
 * English names of places (and a few people) whose Bengali spelling the phonetic rules would miss (Chittagong:
 * \u099A\u099F\u09CD\u099F\u0997\u09CD\u09B0\u09BE\u09AE), and English words Bengali news writes in Bengali letters or translates (bank: ব্যাংক,
 * election: নির্বাচন), as search keys. Used only when the vocabulary has the Bengali word; an English word in the
 * headlines still matches as itself.
 */
final class Exonyms {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("chittagong", "\u099A\u099F\u09CD\u099F\u0997\u09CD\u09B0\u09BE\u09AE"), Map.entry("chattogram", "\u099A\u099F\u09CD\u099F\u0997\u09CD\u09B0\u09BE\u09AE"), Map.entry("ctg", "\u099A\u099F\u09CD\u099F\u0997\u09CD\u09B0\u09BE\u09AE"),
            Map.entry("dacca", "\u09A2\u09BE\u0995\u09BE"), Map.entry("sylhet", "\u09B8\u09BF\u09B2\u09C7\u099F"),
            Map.entry("calcutta", "\u0995\u09B2\u0995\u09BE\u09A4\u09BE"), Map.entry("kolkata", "\u0995\u09B2\u0995\u09BE\u09A4\u09BE"), Map.entry("barisal", "\u09AC\u09B0\u09BF\u09B6\u09BE\u09B2"),
            Map.entry("barishal", "\u09AC\u09B0\u09BF\u09B6\u09BE\u09B2"), Map.entry("comilla", "\u0995\u09C1\u09AE\u09BF\u09B2\u09CD\u09B2\u09BE"), Map.entry("cumilla", "\u0995\u09C1\u09AE\u09BF\u09B2\u09CD\u09B2\u09BE"),
            Map.entry("jessore", "\u09AF\u09B6\u09CB\u09B0"), Map.entry("jashore", "\u09AF\u09B6\u09CB\u09B0"), Map.entry("bogra", "\u09AC\u0997\u09C1\u09A1\u09BC\u09BE"),
            Map.entry("bogura", "\u09AC\u0997\u09C1\u09A1\u09BC\u09BE"), Map.entry("india", "\u09AD\u09BE\u09B0\u09A4"), Map.entry("america", "\u09AF\u09C1\u0995\u09CD\u09A4\u09B0\u09BE\u09B7\u09CD\u099F\u09CD\u09B0"),
            Map.entry("usa", "\u09AF\u09C1\u0995\u09CD\u09A4\u09B0\u09BE\u09B7\u09CD\u099F\u09CD\u09B0"), Map.entry("us", "\u09AF\u09C1\u0995\u09CD\u09A4\u09B0\u09BE\u09B7\u09CD\u099F\u09CD\u09B0"), Map.entry("uk", "\u09AF\u09C1\u0995\u09CD\u09A4\u09B0\u09BE\u099C\u09CD\u09AF"),
            Map.entry("britain", "\u09AF\u09C1\u0995\u09CD\u09A4\u09B0\u09BE\u099C\u09CD\u09AF"), Map.entry("england", "\u0987\u0982\u09B2\u09CD\u09AF\u09BE\u09A8\u09CD\u09A1"), Map.entry("china", "\u099A\u09C0\u09A8"),
            Map.entry("japan", "\u099C\u09BE\u09AA\u09BE\u09A8"), Map.entry("russia", "\u09B0\u09BE\u09B6\u09BF\u09AF\u09BC\u09BE"), Map.entry("pakistan", "\u09AA\u09BE\u0995\u09BF\u09B8\u09CD\u09A4\u09BE\u09A8"),
            Map.entry("myanmar", "\u09AE\u09BF\u09AF\u09BC\u09BE\u09A8\u09AE\u09BE\u09B0"), Map.entry("burma", "\u09AE\u09BF\u09AF\u09BC\u09BE\u09A8\u09AE\u09BE\u09B0"), Map.entry("iran", "\u0987\u09B0\u09BE\u09A8"),
            Map.entry("ukraine", "\u0987\u0989\u0995\u09CD\u09B0\u09C7\u09A8"),
            Map.entry("rajshahi", "\u09B0\u09BE\u099C\u09B6\u09BE\u09B9\u09C0"), Map.entry("khulna", "\u0996\u09C1\u09B2\u09A8\u09BE"), Map.entry("rangpur", "\u09B0\u0982\u09AA\u09C1\u09B0"),
            Map.entry("mymensingh", "\u09AE\u09AF\u09BC\u09AE\u09A8\u09B8\u09BF\u0982\u09B9"), Map.entry("narayanganj", "\u09A8\u09BE\u09B0\u09BE\u09AF\u09BC\u09A3\u0997\u099E\u09CD\u099C"),
            Map.entry("gazipur", "\u0997\u09BE\u099C\u09C0\u09AA\u09C1\u09B0"), Map.entry("coxsbazar", "\u0995\u0995\u09CD\u09B8\u09AC\u09BE\u099C\u09BE\u09B0"),
            Map.entry("coxbazar", "\u0995\u0995\u09CD\u09B8\u09AC\u09BE\u099C\u09BE\u09B0"), Map.entry("cox", "\u0995\u0995\u09CD\u09B8\u09AC\u09BE\u099C\u09BE\u09B0"),
            Map.entry("gaza", "গাজা"), Map.entry("delhi", "দিল্লি"), Map.entry("washington", "ওয়াশিংটন"),
            Map.entry("saudi", "সৌদি"), Map.entry("nepal", "নেপাল"),
            // People the news names often, spelled as Bengali papers spell them.
            Map.entry("yunus", "ইউনূস"), Map.entry("khaleda", "খালেদা"), Map.entry("modi", "মোদি"),
            Map.entry("netanyahu", "নেতানিয়াহু"), Map.entry("shakib", "সাকিব"), Map.entry("biden", "বাইডেন"),
            Map.entry("tarique", "তারেক"), Map.entry("mamata", "মমতা"),
            // English words Bengali news writes in Bengali letters (loanwords): their sound is not their spelling.
            Map.entry("bank", "ব্যাংক"), Map.entry("train", "ট্রেন"), Map.entry("rail", "রেল"),
            Map.entry("dollar", "ডলার"), Map.entry("vote", "ভোট"), Map.entry("reserve", "রিজার্ভ"),
            Map.entry("goal", "গোল"), Map.entry("jail", "জেল"), Map.entry("july", "জুলাই"),
            Map.entry("worldcup", "বিশ্বকাপ"), Map.entry("football", "ফুটবল"), Map.entry("hospital", "হাসপাতাল"),
            Map.entry("doctor", "চিকিৎসক"), Map.entry("army", "সেনাবাহিনী"), Map.entry("metro", "মেট্রো"),
            Map.entry("court", "আদালত"), Map.entry("election", "নির্বাচন"), Map.entry("government", "সরকার"),
            Map.entry("budget", "বাজেট"), Map.entry("university", "বিশ্ববিদ্যালয়"), Map.entry("school", "স্কুল"),
            Map.entry("share", "শেয়ার"), Map.entry("gold", "সোনা"), Map.entry("rice", "চাল"),
            Map.entry("league", "লীগ"));

    private Exonyms() {}

    /** The Bengali search key for this lower-case Latin name, or null. */
    static String bengali(String latin) {
        String name = NAMES.get(latin);
        return name == null ? null : BengaliText.searchKey(name);
    }
}
