package app.khobor.config;

/** Telegram's sending limits, as the operator configures them. */
public record RateLimitSettings(int globalPerSecond, int perChatPerSecond, int perGroupPerMinute) {
    public static final RateLimitSettings TELEGRAM_DEFAULTS = new RateLimitSettings(30, 1, 20);
}
