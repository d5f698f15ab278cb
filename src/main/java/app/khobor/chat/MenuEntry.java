package app.khobor.chat;

/** One line of the command menu Telegram shows beside the input field: "/latest — সর্বশেষ খবর". */
public record MenuEntry(String command, String description) {}
