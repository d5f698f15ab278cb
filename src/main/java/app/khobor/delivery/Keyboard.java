package app.khobor.delivery;

import java.util.List;

/** An inline keyboard: rows of buttons. */
public record Keyboard(List<List<Button>> rows) {}
