package app.khobor.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CancelledPollFilterTest {
    private final LoggerContext context = new LoggerContext();
    private final Logger session = context.getLogger("org.telegram.telegrambots.longpolling.BotSession");
    private final CancelledPollFilter filter = new CancelledPollFilter();

    @Test
    void the_cancelled_get_updates_of_a_clean_shutdown_is_dropped() {
        RuntimeException wrapped = new RuntimeException(null, new IOException("Canceled"));

        assertThat(filter.decide(null, session, Level.ERROR, "Error received", new Object[] {1, wrapped}, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, session, Level.WARN, "interrupted", null, new InterruptedException()))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void real_polling_problems_and_other_loggers_still_get_through() {
        RuntimeException conflict = new RuntimeException("Conflict: terminated by other getUpdates request");

        assertThat(filter.decide(null, session, Level.ERROR, "Error received", new Object[] {conflict}, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("app.khobor.X"), Level.WARN, "x", null,
                new InterruptedException())).isEqualTo(FilterReply.NEUTRAL);
    }
}
