package app.khobor.ops;

import app.khobor.delivery.BotApi;
import app.khobor.delivery.InlineAnswer;
import app.khobor.delivery.Keyboard;
import app.khobor.delivery.OutgoingMessage;
import app.khobor.delivery.SendResult;
import io.micrometer.core.instrument.Timer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The Bot API with every call timed, for the send latency metric; answers pass through unchanged. */
final class TimedBotApi implements BotApi {
    private final BotApi api;
    private final Timer send;
    private final Timer edit;
    private final Timer callback;
    private final Timer inline;

    TimedBotApi(BotApi api, Function<String, Timer> timers) {
        this.api = api;
        this.send = timers.apply("send");
        this.edit = timers.apply("edit");
        this.callback = timers.apply("answer_callback");
        this.inline = timers.apply("answer_inline");
    }

    @Override
    public SendResult send(OutgoingMessage message, boolean paidBroadcast) {
        return time(send, () -> api.send(message, paidBroadcast));
    }

    @Override
    public SendResult sendPlain(long chatId, String text) {
        return time(send, () -> api.sendPlain(chatId, text));
    }

    @Override
    public SendResult edit(long chatId, long messageId, String html, Keyboard keyboard) {
        return time(edit, () -> api.edit(chatId, messageId, html, keyboard));
    }

    @Override
    public SendResult editPush(long chatId, long messageId, String html, boolean linkPreview) {
        return time(edit, () -> api.editPush(chatId, messageId, html, linkPreview));
    }

    @Override
    public SendResult answerCallback(String callbackId, String text) {
        return time(callback, () -> api.answerCallback(callbackId, text));
    }

    @Override
    public SendResult answerCallback(String callbackId, String text, boolean alert) {
        return time(callback, () -> api.answerCallback(callbackId, text, alert));
    }

    @Override
    public SendResult answerInline(InlineAnswer answer) {
        return time(inline, () -> api.answerInline(answer));
    }

    private static SendResult time(Timer timer, Supplier<SendResult> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            timer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
