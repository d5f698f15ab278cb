package app.khobor.telegram;

import java.time.Instant;

/** An answerCallbackQuery the fake Bot API accepted; text is null when none was sent. */
public record CallbackAnswer(String callbackId, String text, boolean showAlert, Instant at) {}
