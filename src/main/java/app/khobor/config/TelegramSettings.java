package app.khobor.config;

import java.util.List;

/**
 * @param apiUrl        Bot API base URL; requests go to {@code <apiUrl>/bot<token>/<method>}
 * @param admins        Telegram user ids allowed to use /stats
 * @param paidBroadcast sets allow_paid_broadcast and lifts the global limit up to 1000/s
 */
public record TelegramSettings(String apiUrl, List<Long> admins, RateLimitSettings rateLimit, boolean paidBroadcast) {
    public static final String DEFAULT_API_URL = "https://api.telegram.org";
}
