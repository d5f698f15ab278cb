package app.khobor.delivery;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one inline query ({@code @bot words} typed in any chat): the articles the user may send into that chat,
 * and where the next page starts. Telegram takes at most 50 results per answer, ids unique and at most 64 bytes, and a
 * next offset of at most 64 bytes; the constructor holds to that so a bug shows here, not as a 400 from Telegram.
 *
 * @param nextOffset   what Telegram sends back as the query's offset when the user scrolls on; "" for the last page
 * @param cacheSeconds how long Telegram may serve this answer to the same query again without asking
 * @param personal     the answer depends on who asks (Telegram caches it per user)
 */
public record InlineAnswer(String queryId, List<Article> articles, String nextOffset, int cacheSeconds,
        boolean personal) {
    public static final int MAX_RESULTS = 50;
    public static final int MAX_ID_BYTES = 64;
    public static final int MAX_OFFSET_BYTES = 64;

    /**
     * One result: what the user sees in the list, and the message that goes into the chat when it is chosen.
     *
     * @param id          unique within the answer, at most 64 bytes
     * @param description the line under the title (source and time)
     * @param html        the message sent (Telegram HTML, escaped)
     */
    public record Article(String id, String title, String description, String html) {
        public Article {
            Objects.requireNonNull(title);
            Objects.requireNonNull(html);
            if (id == null || id.isEmpty() || bytes(id) > MAX_ID_BYTES) {
                throw new IllegalArgumentException("inline result id must be 1-64 bytes: " + id);
            }
        }
    }

    public InlineAnswer {
        Objects.requireNonNull(queryId);
        articles = List.copyOf(articles);
        nextOffset = nextOffset == null ? "" : nextOffset;
        if (articles.size() > MAX_RESULTS) {
            throw new IllegalArgumentException("at most 50 inline results, not " + articles.size());
        }
        if (articles.stream().map(Article::id).distinct().count() != articles.size()) {
            throw new IllegalArgumentException("inline result ids must be unique");
        }
        if (bytes(nextOffset) > MAX_OFFSET_BYTES) {
            throw new IllegalArgumentException("next offset must be at most 64 bytes: " + nextOffset);
        }
    }

    private static int bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
