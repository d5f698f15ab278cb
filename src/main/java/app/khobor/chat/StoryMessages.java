package app.khobor.chat;

import app.khobor.text.BengaliText;

/** The Bengali words of stories in /settings: the line that says the chat's choice, and its buttons. */
final class StoryMessages {
    static final String ONCE = "একই খবর একবার";
    static final String EVERY_COPY = "প্রতিটি সূত্রের খবর";
    static final String TOP = "শীর্ষ খবর";

    private StoryMessages() {}

    /** The settings line: "একই ঘটনার খবর: ...". */
    static String settingLine(ChatSettings s) {
        return "একই ঘটনার খবর: " + switch (s.stories()) {
            case ONCE -> "একবার, অন্য সূত্রগুলো সেই বার্তায় যোগ হয়";
            case EVERY_COPY -> "প্রতিটি সূত্র থেকে আলাদা";
            case TOP -> "শুধু শীর্ষ খবর: ২ ঘণ্টার মধ্যে অন্তত " + portals(s.topPortals()) + " এলে, সব সূত্রের লিংকসহ";
        };
    }

    /** "৩টি সূত্রে". */
    static String portals(int n) {
        return BengaliText.bengaliDigits(Integer.toString(n)) + "টি সূত্রে";
    }

    /** A threshold button: "৩+ সূত্র". */
    static String atLeast(int n) {
        return BengaliText.bengaliDigits(Integer.toString(n)) + "+ সূত্র";
    }
}
