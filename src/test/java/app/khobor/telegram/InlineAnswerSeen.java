package app.khobor.telegram;

import java.util.List;

/**
 * An answerInlineQuery the fake Bot API accepted.
 *
 * @param nextOffset "" when the answer said there is no next page
 */
public record InlineAnswerSeen(String queryId, List<Result> results, String nextOffset, int cacheTime,
        boolean personal) {
    /**
     * One article as the user would see it and, once chosen, send it.
     *
     * @param text   the message's text after parsing its HTML (what the chat would show)
     * @param source the message_text as the bot sent it (HTML)
     */
    public record Result(String id, String title, String description, String text, String source) {}

    public List<String> titles() {
        return results.stream().map(Result::title).toList();
    }
}
