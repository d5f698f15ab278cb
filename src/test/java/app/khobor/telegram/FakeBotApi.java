package app.khobor.telegram;

import app.khobor.chat.ChatKind;
import app.khobor.fakes.TelegramHtml;
import app.khobor.infra.DaemonThreads;
import app.khobor.telegram.SentMessage.SentButton;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * An in-process fake of the Telegram Bot API, as strict as the real one, for end-to-end tests and benchmarks.
 *
 * <p>Point the bot at {@link #apiUrl()} with {@link #token()}. It serves {@code /bot<token>/<method>} (method names
 * case-insensitive; JSON or form-urlencoded bodies): getMe, deleteWebhook, setMyCommands, getUpdates (real long
 * polling), sendMessage (reply_parameters checked, disable_notification recorded), editMessageText,
 * answerCallbackQuery, answerInlineQuery (see {@link FakeInline}), getChatMember and getChatAdministrators (admins set
 * with {@link #makeAdmin}); users can type inline queries ({@link #userTypesInline}),
 * write in chats, post in channels ({@link #channelPost}) and write as an anonymous group admin. It enforces what Telegram enforces: strict
 * parse_mode HTML ({@link TelegramHtml}), 1-4096 characters of text after parsing, 1-64 bytes of callback_data, and
 * the sending limits ({@link Limits}); rate-limit breaches answer 429 and are counted in {@link #violations()}.
 *
 * <pre>{@code
 * try (FakeBotApi telegram = FakeBotApi.start()) {
 *     BotApi api = new TelegramBotApi(telegram.token(), telegram.apiUrl());
 *     telegram.userSends(42, ChatKind.PRIVATE, 42, "/start");
 *     List<SentMessage> replies = telegram.awaitMessagesTo(42, 1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe. No logging per request. Its threads are daemon threads named {@code fake-bot-api-*}.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final String DEFAULT_TOKEN = "123456789:AAFakeTokenForKhoborTests_abcdefghijk";
    public static final String BOT_USERNAME = "khobor_test_bot";
    /** The longest hold Telegram allows for getUpdates. */
    public static final Duration MAX_POLL_HOLD = Duration.ofSeconds(50);

    private static final int MAX_TEXT = 4096;
    private static final int MAX_CALLBACK_DATA_BYTES = 64;
    private static final int MAX_CALLBACK_ANSWER = 200;
    private static final Pattern COMMAND_NAME = Pattern.compile("^[a-z0-9_]{1,32}$");

    static {
        // Without TCP_NODELAY the JDK server's two writes per answer meet delayed ACKs: ~40 ms per request.
        // Read once per JVM, when the JDK's HTTP server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /**
     * Sending limits. Telegram's: 30 messages per second overall (1000 with allow_paid_broadcast), 1 per second per
     * chat, 20 per minute per group.
     */
    public record Limits(boolean enabled, int perSecond, int paidPerSecond, int perChatPerSecond,
            int perGroupPerMinute) {
        public static final Limits TELEGRAM = new Limits(true, 30, 1000, 1, 20);
        public static final Limits OFF = new Limits(false, 0, 0, 0, 0);

        /** Same limits but allowing short bursts of {@code perSecond} messages to one chat. */
        public Limits withPerChatPerSecond(int perSecond) {
            return new Limits(enabled, this.perSecond, paidPerSecond, perSecond, perGroupPerMinute);
        }

        public Limits withPerSecond(int perSecond) {
            return new Limits(enabled, perSecond, paidPerSecond, perChatPerSecond, perGroupPerMinute);
        }
    }

    private final String token;
    private final long botId;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService pool;
    private final FakeUpdates updates = new FakeUpdates();
    private final FakeInline inline = new FakeInline();
    private final FakeRateLimiter limiter = new FakeRateLimiter(Limits.TELEGRAM);

    private final Map<Long, FakeApiError> chatFailures = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<Long, String> chatTypes = new ConcurrentHashMap<>();
    private final Map<Long, List<SentMessage>> byChat = new ConcurrentHashMap<>();
    private final Map<Long, SentMessage> current = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<SentMessage> all = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SentMessage> edits = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CallbackAnswer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, Boolean> openCallbacks = new ConcurrentHashMap<>();
    private volatile Map<String, String> commands = Map.of();
    /** Per chat: user id to status ("creator", "administrator"); anyone else in a known chat is a "member". */
    private final Map<Long, Map<Long, String>> chatAdmins = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> silent = new ConcurrentHashMap<>();
    private final Map<Long, Long> replyTargets = new ConcurrentHashMap<>();
    private final Map<Long, Long> userMessageChats = new ConcurrentHashMap<>();
    /** Per accepted message: the address of the listener it came in on (see {@link #alsoListenOn}). */
    private final Map<Long, String> via = new ConcurrentHashMap<>();
    private final List<HttpServer> moreServers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicInteger memberLookups = new AtomicInteger();
    /** Telegram's GroupAnonymousBot: the sender shown for an anonymous group admin. */
    public static final long ANONYMOUS_ADMIN_BOT = 1087968824L;

    private final AtomicLong messageIds = new AtomicLong(1000);
    private final AtomicLong callbackIds = new AtomicLong(1);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicInteger failNext = new AtomicInteger();
    private final ConcurrentLinkedQueue<NotJson> notJson = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failDeleteWebhook = new AtomicInteger();
    private final AtomicInteger forcedRetries = new AtomicInteger();
    private volatile int failStatus = 500;
    private volatile long forcedRetrySeconds = 1;
    private volatile long latencyNanos;
    private volatile java.util.function.LongSupplier rateClock = System::nanoTime;
    private volatile Duration maxPollHold = MAX_POLL_HOLD;
    private final Object sentSignal = new Object();

    private FakeBotApi(String token) throws IOException {
        this.token = token;
        this.botId = Long.parseLong(token.substring(0, token.indexOf(':')));
        this.pool = Executors.newCachedThreadPool(DaemonThreads.numbered("fake-bot-api"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** Starts a fake on a free port of 127.0.0.1 with {@link #DEFAULT_TOKEN}. */
    public static FakeBotApi start() {
        return start(DEFAULT_TOKEN);
    }

    /** @param token must look like a bot token: {@code <numeric bot id>:<secret>} */
    public static FakeBotApi start(String token) {
        if (!token.matches("\\d+:[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("token must look like 123456:ABC-def");
        }
        try {
            return new FakeBotApi(token);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake Bot API", e);
        }
    }

    // ---- Where it is

    public String token() {
        return token;
    }

    /** Base URL for the bot, e.g. {@code http://127.0.0.1:54321}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Serves the same bot on another loopback address too (e.g. 127.0.0.2; Linux routes all of 127/8 to lo), and
     * returns that listener's base URL. Two bot processes given different addresses can then be told apart:
     * {@link #via} names the address each message came in on.
     */
    public String alsoListenOn(String host) {
        try {
            HttpServer more = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 256);
            more.createContext("/", this::handle);
            more.setExecutor(pool);
            more.start();
            moreServers.add(more);
            return "http://" + host + ":" + more.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + host, e);
        }
    }

    // ---- Behaviour

    /** Replaces the sending limits (and forgets the sends counted so far); {@link Limits#OFF} for benchmarks. */
    /**
     * Replaces the clock the rate limits are measured with (nanoseconds), so a test can freeze time instead of
     * racing a loaded machine to fit 30 requests into one real second.
     */
    public FakeBotApi rateClock(java.util.function.LongSupplier nanos) {
        this.rateClock = nanos;
        return this;
    }

    public FakeBotApi limits(Limits limits) {
        limiter.limits(limits);
        return this;
    }

    /** Adds this delay to every request except getUpdates, like the network to Telegram (~5 ms in benchmarks). */
    public FakeBotApi latency(Duration latency) {
        this.latencyNanos = latency.toNanos();
        return this;
    }

    /** Caps how long getUpdates is held (Telegram: the request's timeout, at most 50 s). */
    public FakeBotApi maxPollHold(Duration hold) {
        this.maxPollHold = hold;
        return this;
    }

    // ---- Programmed failures (sendMessage and editMessageText to the chat)

    /** 403 "Forbidden: bot was blocked by the user". */
    public void blockChat(long chatId) {
        chatFailures.put(chatId, FakeApiError.of(403, "Forbidden: bot was blocked by the user"));
    }

    /** 403 "Forbidden: bot was kicked from the group chat". */
    public void kickFromGroup(long chatId) {
        chatFailures.put(chatId, FakeApiError.of(403, "Forbidden: bot was kicked from the group chat"));
    }

    /** 400 "Bad Request: chat not found". */
    public void chatNotFound(long chatId) {
        chatFailures.put(chatId, FakeApiError.badRequest("chat not found"));
    }

    /** 400 "group chat was upgraded to a supergroup chat" with parameters.migrate_to_chat_id = newChatId. */
    public void migrate(long oldChatId, long newChatId) {
        chatFailures.put(oldChatId, FakeApiError.migrated(newChatId));
        chatTypes.put(newChatId, "supergroup");
    }

    /** Undoes blockChat, kickFromGroup, chatNotFound and migrate for this chat. */
    public void restoreChat(long chatId) {
        chatFailures.remove(chatId);
    }

    /** The next {@code count} sendMessage/editMessageText/answerCallbackQuery calls fail with this 5xx status. */
    public void failNext(int count, int status) {
        this.failStatus = status;
        failNext.set(count);
    }

    /**
     * The next {@code count} sendMessage/editMessageText/answerCallbackQuery calls get this answer instead of Bot API
     * JSON, as a proxy in front of Telegram (an HTML 502 page), a misrouted URL (a text 404) or a broken self-hosted
     * server (a 200 with a body that is no JSON) would give; nothing is sent. Queued after earlier such answers.
     */
    public void answerNotJson(int count, int status, String contentType, String body) {
        for (int i = 0; i < count; i++) {
            notJson.add(new NotJson(status, contentType, body));
        }
    }

    /** The next {@code count} deleteWebhook calls fail with 502, as a Telegram hiccup at the bot's start-up would. */
    public void failNextDeleteWebhook(int count) {
        failDeleteWebhook.set(count);
    }

    /** The next {@code count} sendMessage/editMessageText calls answer 429 retry after {@code seconds}. */
    public void forceRetryAfter(long seconds, int count) {
        this.forcedRetrySeconds = seconds;
        forcedRetries.set(count);
    }

    // ---- What users do (delivered through getUpdates)

    /**
     * A user writes {@code text} in a chat; a leading /command gets a bot_command entity, as Telegram adds.
     *
     * @return the message id
     */
    public long userSends(long chatId, ChatKind kind, long fromUserId, String text) {
        return userSends(chatId, typeName(kind), fromUserId, text);
    }

    /** @param chatType "private", "group", "supergroup" or "channel" */
    public long userSends(long chatId, String chatType, long fromUserId, String text) {
        chatTypes.put(chatId, chatType);
        long messageId = messageIds.incrementAndGet();
        userMessageChats.put(messageId, chatId);
        ObjectNode message = FakeJson.withCommandEntity(
                FakeJson.message(messageId, person(fromUserId), chat(chatId), text), text);
        updates.add(id -> FakeJson.update(id, "message", message));
        return messageId;
    }

    /**
     * A post in a channel where the bot is an administrator: a channel_post update, no sender user, the channel as
     * sender_chat.
     *
     * @return the message id
     */
    public long channelPost(long channelId, String text) {
        chatTypes.put(channelId, "channel");
        long messageId = messageIds.incrementAndGet();
        userMessageChats.put(messageId, channelId);
        ObjectNode message = FakeJson.withCommandEntity(FakeJson.message(messageId, null, chat(channelId), text), text);
        message.set("sender_chat", chat(channelId));
        updates.add(id -> FakeJson.update(id, "channel_post", message));
        return messageId;
    }

    /** An anonymous admin writes in a group: sent by GroupAnonymousBot, with the group itself as sender_chat. */
    public long anonymousAdminSends(long chatId, ChatKind kind, String text) {
        chatTypes.put(chatId, typeName(kind));
        long messageId = messageIds.incrementAndGet();
        userMessageChats.put(messageId, chatId);
        ObjectNode from = FakeJson.user(ANONYMOUS_ADMIN_BOT, true, "Group", "GroupAnonymousBot");
        ObjectNode message = FakeJson.withCommandEntity(FakeJson.message(messageId, from, chat(chatId), text), text);
        message.set("sender_chat", chat(chatId));
        updates.add(id -> FakeJson.update(id, "message", message));
        return messageId;
    }

    /** Makes the user an administrator of the chat (or its creator) for getChatMember; no update is sent. */
    public void makeAdmin(long chatId, long userId, boolean creator) {
        chatAdmins.computeIfAbsent(chatId, id -> new ConcurrentHashMap<>()).put(userId, creator ? "creator" : "administrator");
    }

    /**
     * Promotes ({@code admin}) or demotes a user, and tells the bot with a chat_member update, as Telegram does for a
     * bot that is an administrator of the chat.
     */
    public void changeAdmin(long chatId, long userId, boolean admin) {
        String old = statusOf(chatId, userId);
        if (admin) {
            makeAdmin(chatId, userId, false);
        } else {
            chatAdmins.getOrDefault(chatId, Map.of()).remove(userId);
        }
        ObjectNode change = FakeJson.memberChange(chat(chatId), person(777), person(userId), old, statusOf(chatId, userId));
        updates.add(id -> FakeJson.update(id, "chat_member", change));
    }

    /** getChatMember calls answered so far. */
    public int memberLookups() {
        return memberLookups.get();
    }

    /** A user in a private chat with the bot writes {@code text}. */
    public long userSends(long chatId, String text) {
        return userSends(chatId, "private", chatId, text);
    }

    /**
     * A user presses an inline button with {@code data} under the bot's message {@code messageId}.
     *
     * @return the callback query id, to match against {@link #callbackAnswers()}
     */
    public String userPresses(long chatId, long messageId, long fromUserId, String data) {
        String callbackId = "cbq-" + callbackIds.getAndIncrement();
        SentMessage shown = current.get(messageId);
        ObjectNode message = FakeJson.message(messageId, bot(), chat(chatId), shown == null ? "" : shown.text());
        if (shown != null && !shown.keyboard().isEmpty()) {
            // Telegram shows the pressed message with its inline keyboard, as the bot last set it.
            message.set("reply_markup", FakeJson.inlineKeyboard(shown.keyboard()));
        }
        ObjectNode query = JsonNodeFactory.instance.objectNode().put("id", callbackId);
        query.set("from", person(fromUserId));
        query.set("message", message);
        query.put("chat_instance", "ci" + chatId).put("data", data);
        openCallbacks.put(callbackId, Boolean.TRUE);
        updates.add(id -> FakeJson.update(id, "callback_query", query));
        return callbackId;
    }

    /**
     * A user types {@code @bot query} in some chat (inline mode); {@code offset} is "" for the first page, else the
     * next_offset of the answer before.
     *
     * @return the inline query id, to find the answer with {@link #awaitInlineAnswer}
     */
    public String userTypesInline(long userId, String query, String offset) {
        String[] id = new String[1];
        ObjectNode payload = inline.query(person(userId), query, offset, id);
        updates.add(updateId -> FakeJson.update(updateId, "inline_query", payload));
        return id[0];
    }

    /** The client stops waiting for the answer: answering the query now fails as too old. */
    public void expireInlineQuery(String queryId) {
        inline.expire(queryId);
    }

    /** The accepted answer to the inline query, waiting for it up to {@code timeout}. */
    public InlineAnswerSeen awaitInlineAnswer(String queryId, Duration timeout) {
        return inline.await(queryId, timeout);
    }

    /** The accepted answer to the inline query, if there is one yet. */
    public Optional<InlineAnswerSeen> inlineAnswer(String queryId) {
        return inline.answerTo(queryId);
    }

    /** The user blocks the bot (private chat) or removes it (group): a my_chat_member update, then sends get 403. */
    public void botRemovedFrom(long chatId) {
        boolean isPrivate = chatType(chatId).equals("private");
        if (isPrivate) {
            blockChat(chatId);
        } else {
            kickFromGroup(chatId);
        }
        long actor = isPrivate ? chatId : 777;
        ObjectNode change = FakeJson.memberChange(chat(chatId), person(actor), bot(), "member", "kicked");
        updates.add(id -> FakeJson.update(id, "my_chat_member", change));
    }

    /** The bot is added to a group (or unblocked): a my_chat_member update with status member. */
    public void botAddedTo(long chatId, ChatKind kind) {
        chatTypes.put(chatId, typeName(kind));
        chatFailures.remove(chatId);
        long actor = kind == ChatKind.PRIVATE ? chatId : 777;
        ObjectNode change = FakeJson.memberChange(chat(chatId), person(actor), bot(), "left", "member");
        updates.add(id -> FakeJson.update(id, "my_chat_member", change));
    }

    /** Updates injected but not yet confirmed by the bot's getUpdates offset. */
    public int pendingUpdates() {
        return updates.pendingCount();
    }

    // ---- What the bot did

    /** Messages sent to the chat, oldest first, as first sent (edits are in {@link #edits()}). */
    public List<SentMessage> messagesTo(long chatId) {
        List<SentMessage> list = byChat.get(chatId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /**
     * Waits until at least {@code count} messages were sent to the chat.
     *
     * @throws AssertionError when the deadline passes, listing what did arrive
     */
    public List<SentMessage> awaitMessagesTo(long chatId, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sentSignal) {
            while (true) {
                List<SentMessage> messages = messagesTo(chatId);
                long left = deadline - System.nanoTime();
                if (messages.size() >= count) {
                    return messages;
                }
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " messages to chat " + chatId + " within "
                            + timeout + " but got " + messages.size() + ": " + messages);
                }
                waitForSend(left);
            }
        }
    }

    /** Whether the message went with disable_notification (no sound). */
    public boolean silent(long messageId) {
        return silent.getOrDefault(messageId, false);
    }

    /** The message id in reply_parameters of the message, 0 when it was not sent as a reply. */
    public long replyTo(long messageId) {
        return replyTargets.getOrDefault(messageId, 0L);
    }

    /** Every accepted message, in the order accepted. */
    public List<SentMessage> allMessages() {
        return List.copyOf(all);
    }

    /** The latest version of a message (after edits). */
    public Optional<SentMessage> message(long messageId) {
        return Optional.ofNullable(current.get(messageId));
    }

    /** Accepted editMessageText calls, each as the message's new version. */
    public List<SentMessage> edits() {
        return List.copyOf(edits);
    }

    public List<CallbackAnswer> callbackAnswers() {
        return List.copyOf(answers);
    }

    /** The command menu from the last setMyCommands: name to description, in order. */
    public Map<String, String> commands() {
        return commands;
    }

    /** sendMessage and editMessageText requests addressed to the chat, refused ones included. */
    public int attemptsTo(long chatId) {
        AtomicInteger n = attempts.get(chatId);
        return n == null ? 0 : n.get();
    }

    /** Accepted sendMessage calls. */
    public long sentCount() {
        return sent.get();
    }

    /** The loopback address the message came in on: 127.0.0.1, or the one given to {@link #alsoListenOn}. */
    public String via(long messageId) {
        return this.via.get(messageId);
    }

    /** getUpdates calls answered 409 because a newer one came while they were held (two pollers at once). */
    public long conflicts() {
        return conflicts.get();
    }

    /** Sends refused with 429 because they broke a rate limit (forced 429s not included). */
    public long violations() {
        return violations.get();
    }

    /** Forgets messages, answers, counters, failures and rate windows; keeps limits, latency and the port. */
    public void reset() {
        byChat.clear();
        current.clear();
        all.clear();
        via.clear();
        conflicts.set(0);
        edits.clear();
        answers.clear();
        inline.clear();
        chatFailures.clear();
        attempts.clear();
        updates.clear();
        sent.set(0);
        violations.set(0);
        failNext.set(0);
        notJson.clear();
        forcedRetries.set(0);
        limiter.reset();
    }

    /** Stops the server; held getUpdates calls end at once. */
    @Override
    public void close() {
        updates.close();
        server.stop(0);
        moreServers.forEach(more -> more.stop(0));
        pool.shutdownNow();
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) {
        int status = 200;
        ObjectNode answer;
        try {
            answer = ok(route(exchange));
        } catch (NotJson e) {
            respond(exchange, e.status, e.contentType, e.body.getBytes(StandardCharsets.UTF_8));
            return;
        } catch (FakeApiError e) {
            status = e.code;
            answer = e.toJson();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 500;
            answer = FakeApiError.of(500, "Internal Server Error: fake is closing").toJson();
        } catch (IOException | RuntimeException e) {
            status = 500;
            answer = FakeApiError.of(500, "Internal Server Error: " + e).toJson();
        }
        respond(exchange, status, answer);
    }

    private void respond(HttpExchange exchange, int status, ObjectNode answer) {
        try {
            respond(exchange, status, "application/json", json.writeValueAsBytes(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client gave up (a cancelled long poll): nobody is left to answer.
        }
    }

    private JsonNode route(HttpExchange exchange) throws FakeApiError, IOException, InterruptedException {
        String path = exchange.getRequestURI().getRawPath();
        int slash = path.indexOf('/', 4);
        if (!path.startsWith("/bot") || slash < 0) {
            throw FakeApiError.of(404, "Not Found");
        }
        if (!path.substring(4, slash).equals(token)) {
            throw FakeApiError.of(401, "Unauthorized");
        }
        String method = path.substring(slash + 1).toLowerCase(Locale.ROOT);
        FakeRequest request = FakeRequest.read(exchange, json);
        if (method.equals("getupdates")) {
            try {
                return getUpdates(request);
            } catch (FakeApiError e) {
                if (e.code == 409) {
                    conflicts.incrementAndGet();
                }
                throw e;
            }
        }
        pause();
        return switch (method) {
            case "getme" -> bot().put("can_join_groups", true).put("can_read_all_group_messages", false)
                    .put("supports_inline_queries", false);
            case "deletewebhook" -> deleteWebhook();
            case "close", "logout" -> BooleanNode.TRUE;
            case "setmycommands" -> setMyCommands(request);
            case "sendmessage" -> sendMessage(request, exchange.getLocalAddress().getAddress().getHostAddress());
            case "editmessagetext" -> editMessageText(request);
            case "answercallbackquery" -> answerCallbackQuery(request);
            case "answerinlinequery" -> inline.answer(request);
            case "getchatmember" -> getChatMember(request);
            case "getchatadministrators" -> getChatAdministrators(request);
            default -> throw FakeApiError.of(404, "Not Found");
        };
    }

    private JsonNode deleteWebhook() throws FakeApiError {
        if (failDeleteWebhook.get() > 0 && failDeleteWebhook.getAndDecrement() > 0) {
            throw FakeApiError.of(502, "Bad Gateway");
        }
        return BooleanNode.TRUE;
    }

    private ObjectNode ok(JsonNode result) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("ok", true);
        answer.set("result", result);
        return answer;
    }

    // ---- Methods

    private JsonNode getUpdates(FakeRequest request) throws FakeApiError, InterruptedException {
        long offset = request.longValue("offset", 0);
        int limit = (int) Math.max(1, Math.min(100, request.longValue("limit", 100)));
        long timeoutSeconds = Math.max(0, Math.min(50, request.longValue("timeout", 0)));
        long hold = Math.min(timeoutSeconds * 1000, maxPollHold.toMillis());
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        result.addAll(updates.poll(offset, limit, hold));
        return result;
    }

    private JsonNode setMyCommands(FakeRequest request) throws FakeApiError {
        JsonNode list = request.object("commands");
        if (list == null || !list.isArray()) {
            throw FakeApiError.badRequest("parameter \"commands\" is required");
        }
        if (list.size() > 100) {
            throw FakeApiError.badRequest("too many commands specified");
        }
        Map<String, String> menu = new LinkedHashMap<>();
        for (JsonNode command : list) {
            String name = command.path("command").asText("");
            String description = command.path("description").asText("");
            if (!COMMAND_NAME.matcher(name).matches() || description.isEmpty() || description.length() > 256) {
                throw FakeApiError.badRequest("BOT_COMMAND_INVALID");
            }
            menu.put(name, description);
        }
        commands = Collections.unmodifiableMap(menu);
        return BooleanNode.TRUE;
    }

    private JsonNode sendMessage(FakeRequest request, String listener) throws FakeApiError {
        injectedFailure(true);
        long chatId = chatId(request);
        Content content = content(request);
        boolean paid = request.bool("allow_paid_broadcast");
        long retry = limiter.acquire(chatId, paid, rateClock.getAsLong());
        if (retry > 0) {
            violations.incrementAndGet();
            throw FakeApiError.retryAfter(retry);
        }
        long replyTo = replyTarget(request, chatId);
        long messageId = messageIds.incrementAndGet();
        SentMessage message = new SentMessage(chatId, messageId, content.text, content.source, content.parseMode,
                content.keyboard, linkPreviewDisabled(request), paid, Instant.now());
        if (request.bool("disable_notification")) {
            silent.put(messageId, true);
        }
        if (replyTo > 0) {
            replyTargets.put(messageId, replyTo);
        }
        via.put(messageId, listener);
        record(message);
        return FakeJson.message(messageId, bot(), chat(chatId), content.text);
    }

    private JsonNode editMessageText(FakeRequest request) throws FakeApiError {
        injectedFailure(true);
        long chatId = chatId(request);
        long messageId = request.longValue("message_id", 0);
        SentMessage before = current.get(messageId);
        if (before == null || before.chatId() != chatId) {
            throw FakeApiError.badRequest("message to edit not found");
        }
        Content content = content(request);
        if (content.source.equals(before.source()) && content.keyboard.equals(before.keyboard())) {
            throw FakeApiError.badRequest("message is not modified: specified new message content and reply "
                    + "markup are exactly the same as a current content and reply markup of the message");
        }
        SentMessage after = new SentMessage(chatId, messageId, content.text, content.source, content.parseMode,
                content.keyboard, linkPreviewDisabled(request), false, Instant.now());
        current.put(messageId, after);
        edits.add(after);
        ObjectNode message = FakeJson.message(messageId, bot(), chat(chatId), content.text);
        return message.put("edit_date", FakeJson.now());
    }

    private JsonNode answerCallbackQuery(FakeRequest request) throws FakeApiError {
        injectedFailure(false);
        String id = request.string("callback_query_id");
        String text = request.string("text");
        if (text != null && text.length() > MAX_CALLBACK_ANSWER) {
            throw FakeApiError.badRequest("MESSAGE_TOO_LONG");
        }
        if (id == null || openCallbacks.remove(id) == null) {
            throw FakeApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        answers.add(new CallbackAnswer(id, text, request.bool("show_alert"), Instant.now()));
        return BooleanNode.TRUE;
    }

    /**
     * reply_parameters.message_id; as Telegram, a message that is not in the chat is refused unless
     * allow_sending_without_reply is set (then the answer goes without the reply).
     */
    private long replyTarget(FakeRequest request, long chatId) throws FakeApiError {
        JsonNode params = request.object("reply_parameters");
        if (params == null) {
            return 0;
        }
        long target = params.path("message_id").asLong(0);
        Long chat = userMessageChats.get(target);
        boolean inChat = (chat != null && chat == chatId)
                || (current.containsKey(target) && current.get(target).chatId() == chatId);
        if (!inChat) {
            if (params.path("allow_sending_without_reply").asBoolean(false)) {
                return 0;
            }
            throw FakeApiError.badRequest("message to be replied not found");
        }
        return target;
    }

    private JsonNode getChatMember(FakeRequest request) throws FakeApiError {
        long chatId = knownChat(request);
        long userId = request.longValue("user_id", 0);
        if (userId == 0) {
            throw FakeApiError.badRequest("user_id is empty");
        }
        memberLookups.incrementAndGet();
        return member(chatId, userId);
    }

    private JsonNode getChatAdministrators(FakeRequest request) throws FakeApiError {
        long chatId = knownChat(request);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (long userId : chatAdmins.getOrDefault(chatId, Map.of()).keySet()) {
            result.add(member(chatId, userId));
        }
        return result;
    }

    /** A group or channel the fake has seen; private chats have no members to ask about. */
    private long knownChat(FakeRequest request) throws FakeApiError {
        String raw = request.string("chat_id");
        long chatId;
        try {
            chatId = Long.parseLong(raw == null ? "" : raw.trim());
        } catch (NumberFormatException e) {
            throw FakeApiError.badRequest("chat not found");
        }
        String type = chatTypes.get(chatId);
        if (type == null || chatFailures.containsKey(chatId)) {
            throw FakeApiError.badRequest("chat not found");
        }
        return chatId;
    }

    private String statusOf(long chatId, long userId) {
        return chatAdmins.getOrDefault(chatId, Map.of()).getOrDefault(userId, "member");
    }

    /** A ChatMember as Telegram shapes it: administrators carry every right (the library reads them all). */
    private ObjectNode member(long chatId, long userId) {
        String status = statusOf(chatId, userId);
        ObjectNode member = JsonNodeFactory.instance.objectNode().put("status", status);
        member.set("user", person(userId));
        if (status.equals("creator")) {
            member.put("is_anonymous", false);
        } else if (status.equals("administrator")) {
            for (String right : List.of("can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
                    "can_manage_video_chats", "can_restrict_members", "can_promote_members", "can_change_info",
                    "can_invite_users", "can_post_stories", "can_edit_stories", "can_delete_stories",
                    "can_post_messages", "can_edit_messages", "can_pin_messages", "can_manage_topics")) {
                member.put(right, !right.equals("is_anonymous") && !right.equals("can_be_edited"));
            }
        }
        return member;
    }

    // ---- Validation shared by send and edit

    private record Content(String text, String source, String parseMode, List<List<SentButton>> keyboard) {}

    private Content content(FakeRequest request) throws FakeApiError {
        String source = request.string("text");
        if (source == null || source.isEmpty()) {
            throw FakeApiError.badRequest("message text is empty");
        }
        String parseMode = request.string("parse_mode");
        // Telegram takes parse_mode in any case; TelegramBots sends "html".
        parseMode = parseMode == null || parseMode.isEmpty() ? null : parseMode.toUpperCase(Locale.ROOT);
        String text = plainText(source, parseMode);
        if (text.isBlank()) {
            throw FakeApiError.badRequest("message text is empty");
        }
        if (TelegramHtml.length(text) > MAX_TEXT) {
            throw FakeApiError.badRequest("message is too long");
        }
        return new Content(text, source, parseMode, keyboard(request.object("reply_markup")));
    }

    private static String plainText(String source, String parseMode) throws FakeApiError {
        if (parseMode == null) {
            return source;
        }
        if (!parseMode.equals("HTML")) {
            throw FakeApiError.badRequest("unsupported parse_mode " + parseMode + " (the fake knows HTML only)");
        }
        try {
            return TelegramHtml.toPlainText(source);
        } catch (TelegramHtml.MarkupException e) {
            throw FakeApiError.badRequest("can't parse entities: " + e.getMessage());
        }
    }

    private static List<List<SentButton>> keyboard(JsonNode markup) throws FakeApiError {
        if (markup == null) {
            return List.of();
        }
        JsonNode rows = markup.get("inline_keyboard");
        if (rows == null || !rows.isArray()) {
            throw FakeApiError.badRequest("can't parse reply keyboard markup JSON object");
        }
        List<List<SentButton>> keyboard = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw FakeApiError.badRequest("can't parse inline keyboard button: InlineKeyboardButton expected");
            }
            List<SentButton> buttons = new ArrayList<>(row.size());
            for (JsonNode button : row) {
                buttons.add(button(button));
            }
            keyboard.add(List.copyOf(buttons));
        }
        return List.copyOf(keyboard);
    }

    private static SentButton button(JsonNode button) throws FakeApiError {
        String text = button.path("text").asText("");
        if (text.isEmpty()) {
            throw FakeApiError.badRequest("can't parse inline keyboard button: Text must be non-empty");
        }
        String data = button.hasNonNull("callback_data") ? button.get("callback_data").asText() : null;
        String url = button.hasNonNull("url") ? button.get("url").asText() : null;
        if (data != null) {
            int bytes = data.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                throw FakeApiError.badRequest("BUTTON_DATA_INVALID");
            }
        } else if (url == null || url.isEmpty()) {
            throw FakeApiError.badRequest(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
        return new SentButton(text, data, url);
    }

    private long chatId(FakeRequest request) throws FakeApiError {
        String raw = request.string("chat_id");
        if (raw == null || raw.isEmpty()) {
            throw FakeApiError.badRequest("chat_id is empty");
        }
        long chatId;
        try {
            chatId = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw FakeApiError.badRequest("chat not found");
        }
        attempts.computeIfAbsent(chatId, id -> new AtomicInteger()).incrementAndGet();
        FakeApiError failure = chatFailures.get(chatId);
        if (failure != null) {
            throw failure;
        }
        return chatId;
    }

    private void injectedFailure(boolean rateLimited) throws FakeApiError {
        NotJson raw = notJson.poll();
        if (raw != null) {
            throw raw;
        }
        if (failNext.get() > 0 && failNext.getAndDecrement() > 0) {
            throw FakeApiError.of(failStatus, failStatus == 502 ? "Bad Gateway" : "Internal Server Error");
        }
        if (rateLimited && forcedRetries.get() > 0 && forcedRetries.getAndDecrement() > 0) {
            throw FakeApiError.retryAfter(forcedRetrySeconds);
        }
    }

    private static boolean linkPreviewDisabled(FakeRequest request) throws FakeApiError {
        JsonNode options = request.object("link_preview_options");
        return (options != null && options.path("is_disabled").asBoolean(false))
                || request.bool("disable_web_page_preview");
    }

    private void record(SentMessage message) {
        current.put(message.messageId(), message);
        List<SentMessage> list = byChat.computeIfAbsent(message.chatId(), id -> new ArrayList<>());
        synchronized (list) {
            list.add(message);
        }
        all.add(message);
        sent.incrementAndGet();
        synchronized (sentSignal) {
            sentSignal.notifyAll();
        }
    }

    private void waitForSend(long nanos) {
        try {
            sentSignal.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for messages", e);
        }
    }

    private void pause() {
        long until = System.nanoTime() + latencyNanos;
        for (long left = latencyNanos; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    // ---- Parties

    private ObjectNode bot() {
        return FakeJson.user(botId, true, "Khobor Test", BOT_USERNAME);
    }

    private static ObjectNode person(long userId) {
        return FakeJson.user(userId, false, "User " + userId, null);
    }

    private ObjectNode chat(long chatId) {
        return FakeJson.chat(chatId, chatType(chatId));
    }

    private String chatType(long chatId) {
        String known = chatTypes.get(chatId);
        if (known != null) {
            return known;
        }
        // Telegram's id ranges: users positive, basic groups small negative, supergroups and channels -100...
        return chatId > 0 ? "private" : chatId <= -1_000_000_000_000L ? "supergroup" : "group";
    }

    private static String typeName(ChatKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** A scripted answer that is no Bot API JSON; thrown from a method to make {@link #handle} send it as it is. */
    private static final class NotJson extends RuntimeException {
        final int status;
        final String contentType;
        final String body;

        NotJson(int status, String contentType, String body) {
            super(null, null, false, false);
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }
    }
}
