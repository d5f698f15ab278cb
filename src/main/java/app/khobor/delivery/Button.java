package app.khobor.delivery;

/** One inline keyboard button; callbackData is at most 64 bytes in UTF-8. */
public record Button(String text, String callbackData) {}
