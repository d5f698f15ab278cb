package app.khobor.ops;

import app.khobor.delivery.Keyboard;
import app.khobor.delivery.OutgoingMessage;
import app.khobor.delivery.Replies;
import java.util.List;

/** Keeps the text of every reply, in order. */
final class RecordingReplies implements Replies {
    private final List<String> texts;

    RecordingReplies(List<String> texts) {
        this.texts = texts;
    }

    @Override
    public void reply(OutgoingMessage message) {
        texts.add(message.html());
    }

    @Override
    public void edit(long chatId, boolean group, long messageId, String html, Keyboard keyboard) {
        texts.add(html);
    }

    @Override
    public void answerCallback(String callbackId, String text) {
        texts.add(text);
    }

    @Override
    public void alert(String callbackId, String text) {
        texts.add(text);
    }
}
