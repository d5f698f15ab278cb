package app.khobor.chat;

import app.khobor.delivery.Keyboard;
import app.khobor.delivery.OutgoingMessage;
import app.khobor.delivery.Replies;
import app.khobor.fakes.TelegramHtml;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the bot would have sent, and checks each message against Telegram's rules as it arrives. */
final class RecordingReplies implements Replies {
    record Edit(long chatId, long messageId, String html, Keyboard keyboard) {}

    record CallbackAnswer(String callbackId, String text) {}

    final List<OutgoingMessage> messages = new ArrayList<>();
    final List<Edit> edits = new ArrayList<>();
    final List<CallbackAnswer> callbackAnswers = new ArrayList<>();

    @Override
    public void reply(OutgoingMessage message) {
        TelegramHtml.requireValid(message.html());
        if (message.keyboard() != null) {
            TelegramHtml.requireValid(message.keyboard());
        }
        messages.add(message);
    }

    @Override
    public void edit(long chatId, boolean group, long messageId, String html, Keyboard keyboard) {
        TelegramHtml.requireValid(html);
        if (keyboard != null) { // none: the edit removes the keyboard
            TelegramHtml.requireValid(keyboard);
        }
        edits.add(new Edit(chatId, messageId, html, keyboard));
    }

    @Override
    public void answerCallback(String callbackId, String text) {
        if (text.length() > 200) {
            throw new AssertionError("callback answer over 200 characters: " + text);
        }
        callbackAnswers.add(new CallbackAnswer(callbackId, text));
    }

    @Override
    public void alert(String callbackId, String text) {
        if (text.length() > 200) {
            throw new AssertionError("callback alert over 200 characters: " + text);
        }
        callbackAnswers.add(new CallbackAnswer(callbackId, text));
        alerts.add(text);
    }

    final List<String> alerts = new ArrayList<>();

    String lastHtml() {
        if (messages.isEmpty()) {
            throw new AssertionError("nothing was sent");
        }
        return messages.get(messages.size() - 1).html();
    }

    void clear() {
        messages.clear();
        edits.clear();
        callbackAnswers.clear();
    }
}
