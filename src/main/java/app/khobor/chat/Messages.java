package app.khobor.chat;

import static app.khobor.text.BanglaCalendar.number;
import static app.khobor.chat.HtmlText.escape;

import java.util.List;
import java.util.stream.Collectors;

/** Every text readers see, in short everyday Bengali, as Telegram HTML. User strings are escaped here. */
final class Messages {
    static final String COMMANDS = """
            /latest — সর্বশেষ খবর
            /search শব্দ — খবর খুঁজুন
            /follow শব্দ — শুধু এই শব্দের খবর পান
            /unfollow শব্দ — শব্দ বাদ দিন
            /keywords — আপনার শব্দের তালিকা
            /all — আবার সব খবর
            /sources — কোন কোন সূত্রের খবর পাবেন
            /stop — খবর পাঠানো বন্ধ
            /help — এই তালিকা""";
    static final String WELCOME = "<b>স্বাগতম!</b> নতুন খবর এলেই এখানে পাঠিয়ে দেব।\n\n" + COMMANDS;
    static final String HELP = "<b>যা যা করতে পারেন</b>\n\n" + COMMANDS;
    static final String STOPPED = "ঠিক আছে, আর খবর পাঠাব না। আপনার শব্দ আর সূত্রের বাছাই রেখে দিলাম — আবার পেতে /start দিন।";
    static final String NOT_SUBSCRIBED = "এখন আপনাকে খবর পাঠানো হচ্ছে না। পেতে চাইলে /start দিন।";
    static final String LATEST_BAD_COUNT = "১ থেকে ২০-এর মধ্যে একটি সংখ্যা দিন, যেমন: /latest ৫";
    static final String NO_NEWS_YET = "এখনও কোনো খবর আসেনি। একটু পরে আবার দেখুন।";
    static final String SEARCH_USAGE = "কী খুঁজবেন লিখুন, যেমন: /search ঢাকা";
    static final String SEARCH_TOO_LONG = "খোঁজার লেখাটি অনেক লম্বা। ২০০ অক্ষরের মধ্যে লিখুন।";
    static final String FOLLOW_USAGE = "কোন শব্দের খবর চান লিখুন, যেমন: /follow নির্বাচন";
    static final String FOLLOW_BAD_LENGTH = "শব্দটি ২ থেকে ৬৪ অক্ষরের মধ্যে হতে হবে।";
    static final String FOLLOW_NO_LETTERS = "শব্দে অন্তত একটি অক্ষর বা সংখ্যা থাকতে হবে।";
    static final String FOLLOW_TOO_MANY = "সর্বোচ্চ ৫০টি শব্দ রাখা যায়। আগে /unfollow দিয়ে কিছু বাদ দিন।";
    static final String UNFOLLOW_USAGE = "কোন শব্দ বাদ দেবেন লিখুন, যেমন: /unfollow নির্বাচন";
    static final String NO_KEYWORDS = "আপনি কোনো শব্দ বেছে নেননি, তাই সব খবর পাচ্ছেন। শব্দ যোগ করতে: /follow শব্দ";
    static final String ALREADY_ALL = "আপনি আগে থেকেই সব খবর পাচ্ছেন।";
    static final String SOURCES_HEADER = "কোন কোন সূত্রের খবর পাবেন? বোতাম চেপে চালু (✅) বা বন্ধ (❌) করুন।";
    static final String NO_SOURCES = "এখন কোনো সূত্র চালু নেই।";
    static final String STALE_BUTTON = "এই বোতামটি আর কাজ করে না। আবার /sources দিন।";
    static final String NOT_ADMIN = "দুঃখিত, এই কমান্ডটি শুধু পরিচালকদের জন্য।";
    static final String UNKNOWN_COMMAND = "এই কমান্ডটি চিনি না। সব কমান্ড দেখতে /help দিন।";
    static final String PLAIN_TEXT_HINT = "খবর খুঁজতে লিখুন /search শব্দ। সব কমান্ড দেখতে /help দিন।";
    static final String BUSY = "দুঃখিত, এই মুহূর্তে তথ্যভান্ডার ব্যস্ত, তাই আপনার পরিবর্তনটি রাখা যায়নি। একটু পরে আবার চেষ্টা করুন।";
    static final String FAILED = "দুঃখিত, কিছু একটা সমস্যা হয়েছে। একটু পরে আবার চেষ্টা করুন।";

    private Messages() {}

    static String welcomeBack(int keywordCount) {
        return WELCOME + "\n\nআপনার আগের " + number(keywordCount)
                + "টি শব্দ চালু আছে, তাই শুধু সেগুলোর খবর পাবেন (/keywords)। সব খবর পেতে /all দিন।";
    }

    static String latestHeader(int count) {
        return "<b>সর্বশেষ " + number(count) + "টি খবর</b>";
    }

    static String digestHeader(int count) {
        return "<b>নতুন " + number(count) + "টি খবর</b>";
    }

    static String searchHeader(String query, int count) {
        return "<b>“" + escape(query) + "”</b> — " + number(count) + "টি খবর পাওয়া গেছে";
    }

    static String searchNothing(String query) {
        return "“" + escape(query) + "” — কিছু পাওয়া যায়নি।";
    }

    static String alreadyFollowing(String keyword) {
        return "“" + escape(keyword) + "” আগে থেকেই আপনার তালিকায় আছে।";
    }

    static String followed(String keyword, boolean first, boolean subscribed) {
        String text = "ঠিক আছে! “" + escape(keyword) + "” আছে এমন খবর পাঠাব।";
        if (first) {
            text += " এখন থেকে শুধু আপনার শব্দগুলোর খবর পাবেন; সব খবর পেতে /all দিন।";
        }
        return subscribed ? text : text + " খবর পেতে /start দিন।";
    }

    static String unfollowed(String keyword, int remaining) {
        String text = "“" + escape(keyword) + "” বাদ দিলাম।";
        return remaining == 0 ? text + " এখন থেকে আবার সব খবর পাবেন।" : text;
    }

    static String notFollowing(String keyword) {
        return "“" + escape(keyword) + "” আপনার তালিকায় নেই। /keywords দেখুন।";
    }

    static String keywordList(List<String> keywords) {
        return "<b>আপনার শব্দ (" + number(keywords.size()) + "টি)</b>\n"
                + keywords.stream().map(k -> "• " + escape(k)).collect(Collectors.joining("\n"))
                + "\n\nএর যেকোনো একটি থাকলেই খবর পাবেন। সব খবর পেতে /all দিন।";
    }

    static String allNews(List<String> removed) {
        return "এখন থেকে সব খবর পাবেন। এই শব্দগুলো মুছে দিলাম: "
                + removed.stream().map(HtmlText::escape).collect(Collectors.joining(", "));
    }

    /** Plain text: callback answers are not parsed as HTML. */
    static String sourceToggled(String sourceName, boolean enabled) {
        return sourceName + (enabled ? " — চালু ✅" : " — বন্ধ ❌");
    }
}
