package app.khobor.chat;

import static app.khobor.text.BanglaCalendar.number;
import static app.khobor.chat.HtmlText.escape;

import app.khobor.text.BanglaCalendar;
import app.khobor.text.BengaliText;
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
            /settings — সময় অঞ্চল, লিংকের প্রিভিউ, নীরব সময়, ঘণ্টায় একবার বা দিনে দুবার
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
    static final String FOLLOW_BAD_LENGTH = "শব্দ বা নিয়মটি ২ থেকে ২০০ অক্ষরের মধ্যে হতে হবে।";
    static final String FOLLOW_NO_LETTERS = "শব্দে অন্তত একটি অক্ষর বা সংখ্যা থাকতে হবে।";
    static final String FOLLOW_TOO_MANY = "সর্বোচ্চ ৫০টি শব্দ বা নিয়ম রাখা যায়। আগে /keywords থেকে কিছু বাদ দিন।";
    static final String UNFOLLOW_USAGE = "কোন শব্দ বাদ দেবেন লিখুন, যেমন: /unfollow নির্বাচন";
    static final String NO_KEYWORDS = "আপনি কোনো শব্দ বেছে নেননি, তাই সব খবর পাচ্ছেন। শব্দ যোগ করতে: /follow শব্দ";
    static final String ALREADY_ALL = "আপনি আগে থেকেই সব খবর পাচ্ছেন।";
    static final String SOURCES_HEADER = "কোন কোন সূত্রের খবর পাবেন? বোতাম চেপে চালু (✅) বা বন্ধ (❌) করুন।";
    static final String NO_SOURCES = "এখন কোনো সূত্র চালু নেই।";
    static final String STALE_BUTTON = "এই বোতামটি আর কাজ করে না। আবার /sources দিন।";
    static final String ALL_SOURCES_OFF = "সব সূত্রই বন্ধ করে রাখা আছে, তাই কোনো খবর দেখানোর নেই। /sources দিয়ে অন্তত একটি চালু করুন।";
    /** Plain text (a callback alert): the last source was just switched off. */
    static final String ALL_SOURCES_OFF_NOW = "সাবধান: সব সূত্র বন্ধ করে দিলেন, তাই এখন কোনো খবর আসবে না। অন্তত একটি আবার চালু করুন।";
    static final String MORE = "আরও ▶";
    static final String SECTIONS_BUTTON = "বিভাগ ›";
    static final String ALL_SECTIONS = "সব বিভাগ";
    static final String BACK_TO_SOURCES = "‹ সব সূত্র";
    /** Plain text (a callback answer): the source is no longer narrowed. */
    static final String ALL_SECTIONS_NOW = "সব বিভাগের খবর আসবে ✅";
    static final String STALE_BUTTON_SEARCH = "এই বোতামটি আর কাজ করে না। আবার /search দিন।";
    static final String STALE_BUTTON_KEYWORDS = "এই বোতামটি আর কাজ করে না। আবার /keywords দিন।";
    static final String SEARCH_FORGOTTEN = "এই খোঁজটি পুরোনো হয়ে গেছে। আবার /search দিন।";
    static final String STALE_SETTINGS = "এই বোতামটি আর কাজ করে না। আবার /settings দিন।";
    static final String SETTINGS_SAVED = "ঠিক আছে, রাখা হলো ✅";
    static final String ZONE_BD = "বাংলাদেশের সময়";
    static final String ZONE_IN = "ভারতের সময়";
    static final String PREVIEW_TURN_ON = "লিংকের প্রিভিউ চালু করুন";
    static final String PREVIEW_TURN_OFF = "লিংকের প্রিভিউ বন্ধ করুন";
    static final String QUIET_TURN_ON = "নীরব সময় (রাত ১১টা-সকাল ৭টা) চালু করুন";
    static final String QUIET_TURN_OFF = "নীরব সময় বন্ধ করুন";
    static final String HOURLY_TURN_ON = "ঘণ্টায় একবার, সব খবর একসাথে";
    static final String HOURLY_TURN_OFF = "নতুন খবর সঙ্গে সঙ্গে পাঠান";
    static final String QUIET_SILENT = "নীরব সময়ে শব্দ ছাড়া";
    static final String QUIET_HOLD = "নীরব সময়ের খবর সকালে একসাথে";

    /** The button for twice-daily digests at {@code morningHour} and twelve hours later. */
    static String twiceAt(int morningHour) {
        return "দিনে দুবার: " + BengaliText.bengaliDigits(String.format("%02d:00", morningHour)) + " ও "
                + BengaliText.bengaliDigits(String.format("%02d:00", morningHour + 12));
    }
    /** A member (not an admin) tried to change what the group receives. Plain text: also a callback alert. */
    static final String GROUP_ADMINS_ONLY = "শুধু এই গ্রুপের অ্যাডমিনরা এটি বদলাতে পারেন।";
    static final String NOT_ADMIN = "দুঃখিত, এই কমান্ডটি শুধু পরিচালকদের জন্য।";
    static final String UNKNOWN_COMMAND = "এই কমান্ডটি চিনি না। সব কমান্ড দেখতে /help দিন।";
    static final String PLAIN_TEXT_HINT = "খবর খুঁজতে লিখুন /search শব্দ। সব কমান্ড দেখতে /help দিন।";
    static final String BUSY = "দুঃখিত, এই মুহূর্তে তথ্যভান্ডার ব্যস্ত, তাই আপনার পরিবর্তনটি রাখা যায়নি। একটু পরে আবার চেষ্টা করুন।";
    static final String FAILED = "দুঃখিত, কিছু একটা সমস্যা হয়েছে। একটু পরে আবার চেষ্টা করুন।";

    private Messages() {}

    static String settings(ChatSettings s) {
        boolean india = s.zone().equals(BanglaCalendar.INDIA);
        return "<b>সেটিংস</b>\n"
                + "সময়: " + (india ? "ভারত (কলকাতা)" : "বাংলাদেশ (ঢাকা)") + "\n"
                + "লিংকের প্রিভিউ: " + (s.linkPreview() ? "চালু" : "বন্ধ") + "\n"
                + "নীরব সময় (রাত ১১টা থেকে সকাল ৭টা): " + (!s.quiet() ? "বন্ধ"
                        : s.quietHold() ? "চালু, খবর জমিয়ে সকাল ৭টায় একসাথে" : "চালু, শব্দ ছাড়া খবর") + "\n"
                + "খবর পাঠানো: " + delivery(s) + "\n"
                + StoryMessages.settingLine(s) + "\n\n"
                + "বদলাতে নিচের বোতাম চাপুন।";
    }

    private static String delivery(ChatSettings s) {
        if (s.twiceAt() != 0) {
            return twiceAt(s.twiceAt()) + ", একসাথে";
        }
        return s.hourly() ? "ঘণ্টায় একবার, একসাথে" : "সঙ্গে সঙ্গে";
    }

    /** The same text spoken to a group: "এই গ্রুপ" where a private chat reads "আপনার". */
    static String forGroup(String html) {
        String text = html;
        for (String[] pair : GROUP_WORDING) {
            text = text.replace(pair[0], pair[1]);
        }
        return text;
    }

    private static final String[][] GROUP_WORDING = {
        {"আপনার শব্দ আর সূত্রের বাছাই", "এই গ্রুপের শব্দ আর সূত্রের বাছাই"},
        {"এখন আপনাকে খবর পাঠানো হচ্ছে না", "এখন এই গ্রুপে খবর পাঠানো হচ্ছে না"},
        {"আপনি কোনো শব্দ বেছে নেননি, তাই সব খবর পাচ্ছেন", "এই গ্রুপ কোনো শব্দ বেছে নেয়নি, তাই সব খবর পাচ্ছে"},
        {"আপনি আগে থেকেই সব খবর পাচ্ছেন", "এই গ্রুপ আগে থেকেই সব খবর পাচ্ছে"},
        {"আপনার শব্দের তালিকা", "এই গ্রুপের শব্দের তালিকা"},
        {"আপনার শব্দগুলোর", "এই গ্রুপের শব্দগুলোর"},
        {"আপনার শব্দ (", "এই গ্রুপের শব্দ ("},
        {"আপনার তালিকায়", "এই গ্রুপের তালিকায়"},
        {"আপনার আগের", "এই গ্রুপের আগের"},
    };

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

    /** "“ঢাকা” — ১১টি খবর, ১-১০ দেখানো হলো" */
    static String searchPageHeader(String query, int total, int from, int to) {
        return "<b>“" + escape(query) + "”</b> — " + number(total) + "টি খবর, " + number(from) + "-" + number(to)
                + " দেখানো হলো";
    }

    static String searchNothing(String query) {
        return "“" + escape(query) + "” — কিছু পাওয়া যায়নি।";
    }

    static String alreadyFollowing(String keyword) {
        return "“" + escape(keyword) + "” আগে থেকেই আপনার তালিকায় আছে।";
    }

    static String followed(String keyword, boolean first, boolean subscribed) {
        String text = "ঠিক আছে! " + RuleMeaning.of(Subscriber.rule(keyword)) + " পাঠাব।";
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

    static String removedRule(String keyword) {
        String text = "“" + keyword + "” বাদ দিলাম।";
        return text.length() <= 200 ? text : "বাদ দিলাম।";
    }

    static String keywordList(List<String> keywords) {
        return "<b>আপনার শব্দ (" + number(keywords.size()) + "টি)</b>\n"
                + keywords.stream().map(k -> "• " + escape(k)).collect(Collectors.joining("\n"))
                + "\n\nএর যেকোনো একটি মিললেই খবর পাবেন। বাদ দিতে নিচের বোতাম চাপুন; সব খবর পেতে /all দিন।";
    }

    static String allNews(List<String> removed) {
        return "এখন থেকে সব খবর পাবেন। এই শব্দগুলো মুছে দিলাম: "
                + removed.stream().map(HtmlText::escape).collect(Collectors.joining(", "));
    }

    /** Plain text: callback answers are not parsed as HTML. */
    /** Above a source's sections keyboard. */
    static String sectionsHeader(String sourceName) {
        return HtmlText.escape(sourceName) + ": কোন কোন বিভাগের খবর পাবেন? বোতাম চেপে বেছে নিন (✅)।"
                + " কিছু বেছে না নিলে সব বিভাগের খবর আসবে, পরে নতুন বিভাগ এলে সেগুলোও।";
    }

    static String sourceToggled(String sourceName, boolean enabled) {
        return sourceName + (enabled ? " — চালু ✅" : " — বন্ধ ❌");
    }
}
