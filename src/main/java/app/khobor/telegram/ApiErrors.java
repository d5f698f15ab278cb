package app.khobor.telegram;

import app.khobor.delivery.SendResult;
import java.time.Duration;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/** Reduces a failed Bot API call to what the sender must do next. Every description is token-masked. */
final class ApiErrors {
    /** Telegram sometimes omits retry_after; waiting a second is the gentlest guess. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final TokenMask mask;

    ApiErrors(TokenMask mask) {
        this.mask = mask;
    }

    SendResult classify(TelegramApiException error) {
        if (error instanceof TelegramApiValidationException) {
            // The library refused to send it (empty text, bad button): resending the same request cannot help.
            return new SendResult.Rejected(mask.describe(error));
        }
        if (error instanceof TelegramApiRequestException request && isBotApiError(request)) {
            return classifyAnswer(request);
        }
        // IO failure, timeout, or an answer that was not Bot API JSON: a proxy's HTML 502 page, a text 404, a 200 with
        // a body that is no JSON. TelegramBots reports the last ones as "Unable to deserialize response" with error
        // code 0. Nothing says Telegram refused the message, so it is kept and sent again.
        return new SendResult.TransientFailure(firstLine(mask.describe(error)));
    }

    /** Jackson's parse errors span lines (the offending body, the source position): one log line is enough. */
    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    /** A well-formed Telegram error: {"ok":false,"error_code":4xx/5xx,...}. Anything else is no answer from Telegram. */
    private static boolean isBotApiError(TelegramApiRequestException error) {
        Integer code = error.getErrorCode();
        return code != null && code >= 400 && code <= 599;
    }

    /** True when Telegram said the edit would change nothing, which is success for us. */
    static boolean isNotModified(TelegramApiException error) {
        return error instanceof TelegramApiRequestException request
                && Integer.valueOf(400).equals(request.getErrorCode())
                && lower(request.getApiResponse()).contains("message is not modified");
    }

    private SendResult classifyAnswer(TelegramApiRequestException error) {
        int code = error.getErrorCode();
        String description = mask.mask(error.getApiResponse());
        ResponseParameters parameters = error.getParameters();
        if (code == 429) {
            return new SendResult.RetryAfter(retryAfter(parameters));
        }
        if (parameters != null && parameters.getMigrateToChatId() != null) {
            return new SendResult.Migrated(parameters.getMigrateToChatId());
        }
        if (code == 403) {
            return new SendResult.ChatGone(description);
        }
        if (code == 400) {
            return classifyBadRequest(description);
        }
        if (code >= 500 || code == 401 || code == 404) {
            // 401/404 answer every request when the token was revoked or mistyped: a bot-wide problem, not this
            // message's. Keep the deliveries queued (the dispatcher pauses on repeated failures) instead of failing them.
            return new SendResult.TransientFailure(code >= 500 ? description
                    : description + " (is TELEGRAM_BOT_TOKEN still valid?)");
        }
        return new SendResult.Rejected(description);
    }

    private static SendResult classifyBadRequest(String description) {
        String lower = lower(description);
        if (lower.contains("chat not found") || lower.contains("peer_id_invalid")
                || lower.contains("group chat was deactivated") || lower.contains("user is deactivated")) {
            return new SendResult.ChatGone(description);
        }
        if (lower.contains("can't parse entities")) {
            return new SendResult.BadMarkup(description);
        }
        return new SendResult.Rejected(description);
    }

    private static Duration retryAfter(ResponseParameters parameters) {
        if (parameters == null || parameters.getRetryAfter() == null || parameters.getRetryAfter() <= 0) {
            return DEFAULT_RETRY_AFTER;
        }
        return Duration.ofSeconds(parameters.getRetryAfter());
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
