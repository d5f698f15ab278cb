package app.khobor.chat;

import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.text.Normalizer;
import java.util.List;

/** /follow, /unfollow, /keywords and /all: which headlines a chat gets. */
final class KeywordCommands {
    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 200;
    static final int MAX_KEYWORDS = 50;

    private final ChatStore chats;

    KeywordCommands(ChatStore chats) {
        this.chats = chats;
    }

    Answer follow(long chatId, String args) {
        String keyword = asTyped(args);
        String problem = problemWith(keyword);
        if (problem != null) {
            return Answer.text(problem);
        }
        int count = chats.keywords(chatId).size();
        if (count >= MAX_KEYWORDS) {
            return Answer.text(Messages.FOLLOW_TOO_MANY);
        }
        if (!chats.addKeyword(chatId, keyword)) {
            return Answer.text(Messages.alreadyFollowing(keyword));
        }
        Chat chat = chats.find(chatId);
        return Answer.text(Messages.followed(keyword, count == 0, chat != null && chat.receivesPushes()));
    }

    /** Null when fine; lengths are code points, so a Bengali letter with its vowel sign counts as what it is. */
    private static String problemWith(String keyword) {
        if (keyword.isEmpty()) {
            return Messages.FOLLOW_USAGE;
        }
        int length = keyword.codePointCount(0, keyword.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Messages.FOLLOW_BAD_LENGTH;
        }
        // A keyword without words would match every headline.
        if (BengaliText.words(keyword).isEmpty()) {
            return Messages.FOLLOW_NO_LETTERS;
        }
        return SearchQuery.parse(keyword) instanceof SearchQuery.Invalid invalid ? HtmlText.escape(invalid.message()) : null;
    }

    Answer unfollow(long chatId, String args) {
        String keyword = asTyped(args);
        if (keyword.isEmpty()) {
            return Answer.text(Messages.UNFOLLOW_USAGE);
        }
        if (keyword.codePointCount(0, keyword.length()) > MAX_LENGTH) {
            // Cannot be on the list, and echoing 5,000 characters back helps nobody.
            return Answer.text(Messages.FOLLOW_BAD_LENGTH);
        }
        if (!chats.removeKeyword(chatId, keyword)) {
            return Answer.text(Messages.notFollowing(keyword));
        }
        return Answer.text(Messages.unfollowed(keyword, chats.keywords(chatId).size()));
    }

    Answer list(long chatId) {
        List<String> keywords = chats.keywords(chatId);
        return Answer.text(keywords.isEmpty() ? Messages.NO_KEYWORDS : Messages.keywordList(keywords));
    }

    Answer all(long chatId) {
        List<String> removed = chats.clearKeywords(chatId);
        return Answer.text(removed.isEmpty() ? Messages.ALREADY_ALL : Messages.allNews(removed));
    }

    /** As the reader typed it (HTML and all), only NFC and with whitespace runs made single spaces. */
    static String asTyped(String args) {
        return Normalizer.normalize(args, Normalizer.Form.NFC).replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
