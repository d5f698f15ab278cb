package app.khobor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.source.SourceStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** /stats is for admins only. */
class StatsCommandTest extends CommandsTestBase {
    @Test
    void others_are_politely_refused() {
        assertThat(f.ask(1, "/stats")).isEqualTo(Messages.NOT_ADMIN);
    }

    @Test
    void an_admin_sees_chats_subscribers_todays_headlines_sources_and_deliveries() {
        f.say(1, "/start");
        f.say(2, "/start");
        f.say(2, "/stop");
        f.say(3, "/help");
        // Clock: 10:24 in Dhaka on 13 August; the day there began at 2026-08-12T18:00Z.
        f.headlines.add("prothomalo", "yesterday", "https://x.test/1", Instant.parse("2026-08-12T17:59:59Z"));
        f.headlines.add("prothomalo", "today 1", "https://x.test/2", Instant.parse("2026-08-12T18:00:00Z"));
        f.headlines.add("prothomalo", "today 2", "https://x.test/3", Instant.parse("2026-08-13T04:00:00Z"));
        f.statuses.add(new SourceStatus("prothomalo", CommandsFixture.PROTHOM_ALO, Instant.parse("2026-08-13T04:24:00Z"),
                null, null, 0, false));
        f.statuses.add(new SourceStatus("samakal", CommandsFixture.SAMAKAL, null, Instant.parse("2026-08-13T04:20:00Z"),
                "blocked: <title>Just a moment...</title> & more", 3, true));
        f.counters.put("sent", 1234L);

        String html = f.ask(CommandsFixture.ADMIN, "/stats");

        // চ্যাট: ৪ (three users and the admin's own chat), সক্রিয় গ্রাহক: ১ (ব্যক্তিগত ১, গ্রুপ ০, চ্যানেল ০),
        // নিষ্ক্রিয় চ্যাট: ৩, আজ আসা নতুন খবর: ২
        assertThat(html).contains("\u099A\u09CD\u09AF\u09BE\u099F: \u09EA\n",
                "\u09B8\u0995\u09CD\u09B0\u09BF\u09AF\u09BC \u0997\u09CD\u09B0\u09BE\u09B9\u0995: \u09E7 "
                        + "(\u09AC\u09CD\u09AF\u0995\u09CD\u09A4\u09BF\u0997\u09A4 \u09E7, \u0997\u09CD\u09B0\u09C1\u09AA \u09E6, "
                        + "\u099A\u09CD\u09AF\u09BE\u09A8\u09C7\u09B2 \u09E6)\n",
                "\u09A8\u09BF\u09B7\u09CD\u0995\u09CD\u09B0\u09BF\u09AF\u09BC \u099A\u09CD\u09AF\u09BE\u099F: \u09E9\n",
                "\u0986\u099C \u0986\u09B8\u09BE \u09A8\u09A4\u09C1\u09A8 \u0996\u09AC\u09B0: \u09E8");
        // সফল আজ ১০:২৪
        assertThat(html).contains(CommandsFixture.PROTHOM_ALO + ": \u09B8\u09AB\u09B2 \u0986\u099C \u09E7\u09E6:\u09E8\u09EA")
                .contains("&lt;title&gt;Just a moment...&lt;/title&gt; &amp; more")
                .contains("sent: \u09E7\u09E8\u09E9\u09EA");
    }
}
