package app.khobor.chat;

/**
 * How a chat gets an event several portals report (chat_settings.stories, V12; the numbers are delivery's StoryRule
 * codes): once, with the other portals added to the message; every portal's copy, as before stories; or only top
 * stories, once enough portals carry them.
 */
public enum StoryChoice {
    ONCE(0), EVERY_COPY(1), TOP(2);

    /** The top-stories thresholds /settings offers: a story counts once this many portals carry it. */
    public static final java.util.List<Integer> TOP_PORTALS = java.util.List.of(2, 3, 4, 5);
    public static final int DEFAULT_TOP_PORTALS = 3;

    private final int code;

    StoryChoice(int code) {
        this.code = code;
    }

    /** The stored number. */
    public int code() {
        return code;
    }

    /** A number written by hand that no choice has means the default. */
    static StoryChoice of(int code) {
        for (StoryChoice c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return ONCE;
    }
}
