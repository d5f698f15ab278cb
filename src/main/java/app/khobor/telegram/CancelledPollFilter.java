package app.khobor.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the two log events TelegramBots writes, with stack traces, every time long polling is stopped on purpose: an
 * ERROR for the cancelled getUpdates call ("IOException: Canceled") and a WARN for the interrupted backoff sleep.
 * Operators would read them as a crash on every clean shutdown. Every other event of the library (409 Conflict,
 * network errors, 5xx) still gets through. Installed from logback.xml.
 */
public final class CancelledPollFilter extends TurboFilter {
    private static final String SESSION_LOGGER = "org.telegram.telegrambots.longpolling.BotSession";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !SESSION_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        // With SLF4J's parameterised calls the exception arrives as the last parameter, not as t.
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        return thrown != null && causedByStopping(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static boolean causedByStopping(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException
                    || (cause instanceof java.io.IOException && "Canceled".equals(cause.getMessage()))) {
                return true;
            }
        }
        return false;
    }
}
