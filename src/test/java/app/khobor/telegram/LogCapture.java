package app.khobor.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records every log event (all loggers, DEBUG and up) while open, rendered with messages of causes and frames. */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previousLevel = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
    }

    /** Each event as one string: message with arguments, then every throwable in the chain. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        synchronized (appender.list) {
            for (ILoggingEvent event : new ArrayList<>(appender.list)) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getFormattedMessage());
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
                    for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                        line.append(' ').append(frame.getSTEAsString());
                    }
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
        appender.stop();
    }
}
