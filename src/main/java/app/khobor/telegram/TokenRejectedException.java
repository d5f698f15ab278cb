package app.khobor.telegram;

/**
 * Telegram answered 401 Unauthorized: the token is wrong or revoked. At start-up this is no outage to wait out, so the
 * bot stops and says so instead of retrying for ever.
 */
public final class TokenRejectedException extends RuntimeException {
    public static final String MESSAGE =
            "Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token from @BotFather";

    TokenRejectedException() {
        super(MESSAGE, null, false, false);
    }
}
