package app.khobor.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every request with the (fake) time it was made; answers Sent unless told otherwise for a chat, or passes the
 * request on to a real {@link BotApi} (TelegramBotApi over HTTP against the fake Bot API) and records its answer.
 */
final class RecordingBotApi implements BotApi {
    record Call(String method, long chatId, String text, Instant at, boolean paid) {}

    private final Clock clock;
    private final List<Call> calls = new ArrayList<>();
    private final Map<Long, Deque<SendResult>> scripted = new HashMap<>();
    private final AtomicLong messageIds = new AtomicLong();

    private final BotApi delegate;
    private Instant downUntil = Instant.MIN;

    RecordingBotApi(Clock clock) {
        this(clock, null);
    }

    /** @param delegate answers what no script answers; null answers Sent */
    RecordingBotApi(Clock clock, BotApi delegate) {
        this.clock = clock;
        this.delegate = delegate;
    }

    /** Every request before {@code until} fails as if Telegram were down (502 Bad Gateway). */
    synchronized void downUntil(Instant until) {
        downUntil = until;
    }

    /** The next requests to {@code chatId} get these answers, in order. */
    synchronized void answer(long chatId, SendResult... results) {
        scripted.computeIfAbsent(chatId, id -> new ArrayDeque<>()).addAll(List.of(results));
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> callsTo(long chatId) {
        return calls.stream().filter(c -> c.chatId() == chatId).toList();
    }

    @Override
    public SendResult send(OutgoingMessage message, boolean paidBroadcast) {
        SendResult scripted = record(new Call("send", message.chatId(), message.html(), clock.instant(), paidBroadcast));
        return scripted != null ? scripted : delegate.send(message, paidBroadcast);
    }

    @Override
    public SendResult sendPlain(long chatId, String text) {
        SendResult scripted = record(new Call("sendPlain", chatId, text, clock.instant(), false));
        return scripted != null ? scripted : delegate.sendPlain(chatId, text);
    }

    @Override
    public SendResult edit(long chatId, long messageId, String html, Keyboard keyboard) {
        SendResult scripted = record(new Call("edit", chatId, html, clock.instant(), false));
        return scripted != null ? scripted : delegate.edit(chatId, messageId, html, keyboard);
    }

    @Override
    public SendResult editPush(long chatId, long messageId, String html, boolean linkPreview) {
        SendResult scripted = record(new Call("edit", chatId, html, clock.instant(), false));
        return scripted != null ? scripted : delegate.editPush(chatId, messageId, html, linkPreview);
    }

    @Override
    public SendResult answerCallback(String callbackId, String text) {
        SendResult scripted = record(new Call("answerCallback", 0, callbackId, clock.instant(), false));
        return scripted != null ? scripted : delegate.answerCallback(callbackId, text);
    }

    @Override
    public SendResult answerCallback(String callbackId, String text, boolean alert) {
        SendResult scripted = record(new Call("answerCallback", 0, callbackId, clock.instant(), false));
        return scripted != null ? scripted : delegate.answerCallback(callbackId, text, alert);
    }

    @Override
    public SendResult answerInline(InlineAnswer answer) {
        SendResult scripted = record(new Call("answerInline", 0, answer.queryId(), clock.instant(), false));
        return scripted != null ? scripted : delegate.answerInline(answer);
    }

    /** The scripted answer, or null when the delegate answers. */
    private synchronized SendResult record(Call call) {
        calls.add(call);
        if (call.at().isBefore(downUntil)) {
            return new SendResult.TransientFailure("Bad Gateway");
        }
        Deque<SendResult> script = scripted.get(call.chatId());
        if (script != null && !script.isEmpty()) {
            return script.poll();
        }
        return delegate == null ? new SendResult.Sent(messageIds.incrementAndGet()) : null;
    }
}
