package app.khobor.chat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a section reads on a button: the Bengali name of a common English URL word, else the category as stored. */
final class SectionNames {
    private static final Map<String, String> BENGALI = Map.ofEntries(
            Map.entry("sports", "খেলা"), Map.entry("sport", "খেলা"),
            Map.entry("world", "বিশ্ব"), Map.entry("international", "বিশ্ব"),
            Map.entry("politics", "রাজনীতি"),
            Map.entry("business", "অর্থনীতি"), Map.entry("economy", "অর্থনীতি"),
            Map.entry("entertainment", "বিনোদন"),
            Map.entry("country", "দেশ"), Map.entry("bangladesh", "দেশ"), Map.entry("national", "দেশ"),
            Map.entry("opinion", "মতামত"),
            Map.entry("tech", "প্রযুক্তি"), Map.entry("technology", "প্রযুক্তি"),
            Map.entry("lifestyle", "জীবনধারা"),
            Map.entry("education", "শিক্ষা"),
            Map.entry("health", "স্বাস্থ্য"));

    private SectionNames() {}

    static String label(String section) {
        return BENGALI.getOrDefault(section.toLowerCase(Locale.ROOT), section);
    }

    /** Each section's label; two that read the same (world, international) show the stored word too, to tell them apart. */
    static Map<String, String> labels(List<String> sections) {
        Map<String, Integer> uses = new HashMap<>();
        sections.forEach(s -> uses.merge(label(s), 1, Integer::sum));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String s : sections) {
            String label = label(s);
            labels.put(s, uses.get(label) > 1 && !label.equals(s) ? label + " (" + s + ")" : label);
        }
        return labels;
    }
}
