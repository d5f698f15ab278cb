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

/** Records every request with the (fake) time it was made; answers Sent unless told otherwise for a chat. */
final class RecordingBotApi implements BotApi {
    record Call(String method, long chatId, String text, Instant at, boolean paid) {}

    private final Clock clock;
    private final List<Call> calls = new ArrayList<>();
    private final Map<Long, Deque<SendResult>> scripted = new HashMap<>();
    private final AtomicLong messageIds = new AtomicLong();

    RecordingBotApi(Clock clock) {
        this.clock = clock;
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
        return record(new Call("send", message.chatId(), message.html(), clock.instant(), paidBroadcast));
    }

    @Override
    public SendResult sendPlain(long chatId, String text) {
        return record(new Call("sendPlain", chatId, text, clock.instant(), false));
    }

    @Override
    public SendResult edit(long chatId, long messageId, String html, Keyboard keyboard) {
        return record(new Call("edit", chatId, html, clock.instant(), false));
    }

    @Override
    public SendResult answerCallback(String callbackId, String text) {
        return record(new Call("answerCallback", 0, callbackId, clock.instant(), false));
    }

    private synchronized SendResult record(Call call) {
        calls.add(call);
        Deque<SendResult> script = scripted.get(call.chatId());
        if (script != null && !script.isEmpty()) {
            return script.poll();
        }
        return new SendResult.Sent(messageIds.incrementAndGet());
    }
}
