package app.khobor.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.khobor.chat.ChatKind;
import app.khobor.chat.Incoming;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramUpdatesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final List<Incoming> received = new CopyOnWriteArrayList<>();
    private FakeBotApi telegram;
    private TelegramUpdates updates;
    private Set<Thread> threadsBefore;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start();
        threadsBefore = liveNonDaemonThreads();
        updates = new TelegramUpdates(telegram.token(), telegram.apiUrl());
        updates.start(received::add);
    }

    @AfterEach
    void stop() {
        updates.close();
        telegram.close();
    }

    @Test
    void start_command_reaches_the_handler_as_private_text() {
        long id = telegram.userSends(42, ChatKind.PRIVATE, 42, "/start");

        await().atMost(DEADLINE).until(() -> !received.isEmpty());
        assertThat(received).containsExactly(new Incoming.Text(42, ChatKind.PRIVATE, 42, "/start", false, id));
    }

    @Test
    void group_messages_keep_the_sender_and_chat_kind() {
        long id = telegram.userSends(-100777L, "supergroup", 9, "/latest@khobor_test_bot");

        await().atMost(DEADLINE).until(() -> !received.isEmpty());
        assertThat(received).containsExactly(
                new Incoming.Text(-100777L, ChatKind.SUPERGROUP, 9, "/latest@khobor_test_bot", false, id));
    }

    @Test
    void a_channel_post_and_an_anonymous_admin_speak_as_the_chat() {
        long post = telegram.channelPost(-100555L, "/start");
        long anonymous = telegram.anonymousAdminSends(-100666L, ChatKind.SUPERGROUP, "/stop");

        await().atMost(DEADLINE).until(() -> received.size() == 2);
        assertThat(received).containsExactlyInAnyOrder(
                new Incoming.Text(-100555L, ChatKind.CHANNEL, 0, "/start", true, post),
                new Incoming.Text(-100666L, ChatKind.SUPERGROUP, FakeBotApi.ANONYMOUS_ADMIN_BOT, "/stop", true, anonymous));
    }

    @Test
    void button_press_arrives_with_message_and_callback_ids() {
        String callbackId = telegram.userPresses(42, 1001, 7, "src:prothomalo");

        await().atMost(DEADLINE).until(() -> !received.isEmpty());
        assertThat(received).containsExactly(
                new Incoming.Button(42, ChatKind.PRIVATE, 1001, 7, callbackId, "src:prothomalo", List.of()));
    }

    @Test
    void an_inline_query_arrives_with_its_user_id_text_and_offset() {
        String queryId = telegram.userTypesInline(7, "dhaka \"জাতীয় সংসদ\"", "50");

        await().atMost(DEADLINE).until(() -> !received.isEmpty());
        assertThat(received).containsExactly(new Incoming.InlineQuery(7, queryId, "dhaka \"জাতীয় সংসদ\"", "50"));
        assertThat(received.get(0).chatId()).as("one user's queries share their private chat's lane").isEqualTo(7);
    }

    @Test
    void removal_from_a_group_and_re_adding_arrive_as_membership() {
        telegram.botRemovedFrom(-500);
        telegram.botAddedTo(-500, ChatKind.GROUP);

        await().atMost(DEADLINE).until(() -> received.size() == 2);
        assertThat(received).containsExactly(
                new Incoming.Membership(-500, ChatKind.GROUP, false),
                new Incoming.Membership(-500, ChatKind.GROUP, true));
    }

    @Test
    void updates_are_confirmed_and_not_delivered_twice() {
        for (int i = 0; i < 5; i++) {
            telegram.userSends(42, "msg " + i);
        }

        await().atMost(DEADLINE).until(() -> received.size() == 5 && telegram.pendingUpdates() == 0);
        assertThat(received).extracting(update -> ((Incoming.Text) update).text())
                .containsExactly("msg 0", "msg 1", "msg 2", "msg 3", "msg 4");
    }

    @Test
    void a_failing_handler_does_not_stop_polling() {
        updates.close();
        updates = new TelegramUpdates(telegram.token(), telegram.apiUrl());
        updates.start(update -> {
            if (update instanceof Incoming.Text text && text.text().equals("boom")) {
                throw new IllegalStateException("handler bug");
            }
            received.add(update);
        });

        try (LogCapture logs = new LogCapture()) {
            telegram.userSends(42, "boom");
            telegram.userSends(42, "after");

            await().atMost(DEADLINE).until(() -> received.size() == 1);
            assertThat(((Incoming.Text) received.get(0)).text()).isEqualTo("after");
            assertThat(logs.lines()).anyMatch(line -> line.contains("handler bug"))
                    .noneMatch(line -> line.contains(telegram.token()));
        }
    }

    @Test
    void close_returns_promptly_and_leaves_no_threads_behind() {
        telegram.userSends(42, "/start");
        await().atMost(DEADLINE).until(() -> !received.isEmpty());

        long started = System.nanoTime();
        updates.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(newThreadsNamed(TelegramUpdates.THREAD_PREFIX)).isEmpty();
            assertThat(liveNonDaemonThreads()).isSubsetOf(threadsBefore);
        });
    }

    @Test
    void a_start_that_failed_once_can_be_retried_and_then_receives_updates() {
        updates.close();
        telegram.failNextDeleteWebhook(1);
        TelegramUpdates retried = new TelegramUpdates(telegram.token(), telegram.apiUrl());
        try {
            assertThatThrownBy(() -> retried.start(received::add)).isInstanceOf(IllegalStateException.class);

            retried.start(received::add);
            telegram.userSends(42, ChatKind.PRIVATE, 42, "/start");

            await().atMost(DEADLINE).until(() -> !received.isEmpty());
        } finally {
            retried.close();
        }
    }

    @Test
    void start_against_an_unreachable_server_fails_without_the_token_and_leaves_no_threads() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TelegramUpdates offline = new TelegramUpdates(telegram.token(), "http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> offline.start(received::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(telegram.token());
        updates.close();
        await().atMost(DEADLINE).untilAsserted(
                () -> assertThat(newThreadsNamed(TelegramUpdates.THREAD_PREFIX)).isEmpty());
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .filter(thread -> !thread.getName().startsWith("awaitility"))
                .collect(Collectors.toSet());
    }

    private static List<String> newThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix))
                .map(Thread::getName)
                .toList();
    }
}
