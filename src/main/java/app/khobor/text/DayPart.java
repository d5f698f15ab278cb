package app.khobor.text;

import java.util.List;

/** Turns a 12-hour clock reading plus "PM"/"পিএম" or a Bengali time-of-day word (বিকাল ৩:১০) into a 24-hour hour. */
final class DayPart {
    /** Dawn, morning, noon, afternoon (two spellings), evening, night. */
    static final List<String> WORDS = List.of("ভোর", "সকাল", "দুপুর", "বিকাল", "বিকেল", "সন্ধ্যা", "রাত");

    private static final String NOON = BengaliText.searchKey("দুপুর");
    private static final String NIGHT = BengaliText.searchKey("রাত");
    private static final List<String> AFTERNOON_AND_EVENING = List.of(
            BengaliText.searchKey("বিকাল"), BengaliText.searchKey("বিকেল"), BengaliText.searchKey("সন্ধ্যা"));

    private DayPart() {}

    /**
     * @param hour     as printed
     * @param dayWord  a search key from {@link #WORDS}, or null
     * @param meridiem am/pm in any spelling the TIME pattern allows, or null
     */
    static int toTwentyFourHour(int hour, String dayWord, String meridiem) {
        if (hour > 12) {
            return hour; // already a 24-hour clock, whatever the words say
        }
        if (meridiem != null) {
            boolean pm = meridiem.startsWith("p") || meridiem.equals(BengaliText.searchKey("পিএম"));
            return hour % 12 + (pm ? 12 : 0);
        }
        if (dayWord == null) {
            return hour;
        }
        return fromDayWord(hour, dayWord);
    }

    private static int fromDayWord(int hour, String dayWord) {
        if (dayWord.equals(NOON)) {
            return hour <= 6 ? hour + 12 : hour; // দুপুর ১২:৩০ stays, দুপুর ১:৩০ is 13:30
        }
        if (AFTERNOON_AND_EVENING.contains(dayWord)) {
            return hour % 12 + 12;
        }
        if (dayWord.equals(NIGHT)) {
            if (hour == 12) {
                return 0;
            }
            return hour >= 6 ? hour + 12 : hour; // রাত ১০টা is 22:00, রাত ২টা is 02:00
        }
        return hour % 12; // ভোর, সকাল: morning
    }
}
