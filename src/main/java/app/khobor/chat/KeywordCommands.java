package app.khobor.chat;

import app.khobor.text.BanglishQuery;
import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import app.khobor.text.Vocabulary;
import app.khobor.delivery.Button;
import app.khobor.delivery.Keyboard;
import app.khobor.delivery.Replies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /follow, /unfollow, /keywords (with a remove button per rule) and /all: which headlines a chat gets. */
final class KeywordCommands {
    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 200;
    static final int MAX_KEYWORDS = 50;
    /** Every remove button's data starts so. */
    static final String PREFIX = "kw-";
    private static final int BUTTON_TEXT = 40;
    private static final Logger log = LoggerFactory.getLogger(KeywordCommands.class);

    /** A word of Latin letters only, not part of a longer word (covid19, ঢাকাdhaka stay as typed). */
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}])[A-Za-z]+(?![\\p{L}\\p{M}\\p{N}])");

    private final ChatStore chats;
    private final Supplier<Vocabulary> vocabulary;

    KeywordCommands(ChatStore chats, Supplier<Vocabulary> vocabulary) {
        this.chats = chats;
        this.vocabulary = vocabulary;
    }

    Answer follow(long chatId, String args) {
        String typed = asTyped(args);
        String problem = problemWith(typed);
        if (problem != null) {
            return Answer.text(problem);
        }
        // The rule is stored with the Bengali words written in, so /keywords and the pushes mean the same thing.
        String keyword = resolved(typed, vocabulary.get());
        problem = problemWith(keyword);
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

    /**
     * The rule with each Latin (Banglish) word replaced by its most frequent Bengali spelling in the headlines (one
     * word, so it fits phrases, exclusions and alternatives alike, and matches the inflected forms as a prefix); a word
     * without one (an English word) and the operator OR stay as typed.
     */
    static String resolved(String rule, Vocabulary vocabulary) {
        BanglishQuery banglish = new BanglishQuery(vocabulary);
        Matcher m = LATIN_WORD.matcher(rule);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String key = word.toLowerCase(Locale.ROOT);
            String bengali = word.equals("OR") ? null : banglish.expand(List.of(key)).get(key).stream()
                    .filter(c -> !c.equals(key)).findFirst().orElse(null);
            m.appendReplacement(out, Matcher.quoteReplacement(bengali == null ? word : bengali));
        }
        m.appendTail(out);
        return out.toString();
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
        return keywords.isEmpty() ? Answer.text(Messages.NO_KEYWORDS)
                : new Answer(Messages.keywordList(keywords), removeButtons(keywords));
    }

    /**
     * A remove button under /keywords: removes that rule of the chat the pressed message belongs to, only when that
     * message shows the button and all its buttons are remove buttons (callback data is the client's to choose), and
     * redraws the list in place. Anything else (forged, old, a rule already gone) changes nothing and gets an alert.
     * In a group only an admin's press gets here ({@link Commands}).
     */
    void press(Incoming.Button button, Replies replies) {
        String data = button.data();
        List<String> shown = button.shownData();
        boolean onList = !shown.isEmpty() && shown.stream().allMatch(d -> d.startsWith(PREFIX));
        String rule = !onList || !shown.contains(data) ? null : chats.keywords(button.chatId()).stream()
                .filter(k -> data.equals(removeData(k))).findFirst().orElse(null);
        if (rule == null || !chats.removeKeyword(button.chatId(), rule)) {
            log.debug("chat {}: refused keyword button data on message {}", button.chatId(), button.messageId());
            replies.alert(button.callbackId(), Messages.STALE_BUTTON_KEYWORDS);
            return;
        }
        Answer now = list(button.chatId());
        replies.edit(button.chatId(), button.chatKind().isGroup(), button.messageId(), now.html(), now.keyboard());
        replies.answerCallback(button.callbackId(), Messages.removedRule(rule));
    }

    private static Keyboard removeButtons(List<String> keywords) {
        List<List<Button>> rows = new ArrayList<>();
        for (String keyword : keywords) {
            rows.add(List.of(new Button("✖ " + shortened(keyword), removeData(keyword))));
        }
        return new Keyboard(rows);
    }

    /** "kw-" and 16 hex digits of the rule's search key: short enough for 64 bytes, and the same in either encoding. */
    static String removeData(String keyword) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(BengaliText.searchKey(keyword).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String shortened(String keyword) {
        int points = keyword.codePointCount(0, keyword.length());
        return points <= BUTTON_TEXT ? keyword
                : keyword.substring(0, keyword.offsetByCodePoints(0, BUTTON_TEXT - 1)) + "…";
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
