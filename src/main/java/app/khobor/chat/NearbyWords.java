package app.khobor.chat;

import app.khobor.text.Banglish;
import app.khobor.text.BanglishQuery;
import app.khobor.text.BengaliText;
import app.khobor.text.NearestWords;
import app.khobor.text.Vocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For a search that found nothing: the same search with its first unknown word (one no indexed word starts with, and
 * not a Latin word that stands for Bengali ones) replaced by each of the nearest indexed words, at most three. The
 * index of words is built once per vocabulary (the vocabulary is rebuilt every few minutes).
 */
final class NearbyWords {
    static final int MAX = 3;
    private static final List<String> OR = List.of("বা", "OR", "|");

    private Vocabulary builtFrom;
    private NearestWords nearest;

    /** Suggested word to the whole query text to search instead; empty when no word is unknown or none is near. */
    synchronized Map<String, String> searches(String query, Vocabulary vocabulary) {
        if (vocabulary != builtFrom) {
            nearest = NearestWords.of(vocabulary);
            builtFrom = vocabulary;
        }
        String[] tokens = query.strip().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String unknown = unknownWord(tokens[i], vocabulary);
            if (unknown == null) {
                continue;
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (String word : nearest.nearest(unknown, MAX)) {
                String[] changed = tokens.clone();
                changed[i] = quotesBefore(tokens[i]) + word + quotesAfter(tokens[i]);
                out.put(word, String.join(" ", changed));
            }
            return out;
        }
        return Map.of();
    }

    /** The token's one word when it is unknown; null for exclusions, OR, known words and several-word tokens. */
    private static String unknownWord(String token, Vocabulary vocabulary) {
        if (token.startsWith("-") || OR.contains(token)) {
            return null;
        }
        List<String> words = BengaliText.words(token);
        if (words.size() != 1) {
            return null;
        }
        String word = words.get(0);
        if (vocabulary.hasPrefix(word)) {
            return null;
        }
        if (Banglish.isLatinWord(word)
                && !new BanglishQuery(vocabulary).expand(List.of(word)).get(word).equals(List.of(word))) {
            return null;
        }
        return word;
    }

    private static String quotesBefore(String token) {
        return token.startsWith("\"") ? "\"" : "";
    }

    private static String quotesAfter(String token) {
        return token.length() > 1 && token.endsWith("\"") ? "\"" : "";
    }
}
