package app.khobor.chat;

import app.khobor.delivery.Keyboard;

/** What a command replies: HTML (split later if long) and an optional keyboard; NONE sends nothing. */
record Answer(String html, Keyboard keyboard) {
    static final Answer NONE = new Answer("", null);

    static Answer text(String html) {
        return new Answer(html, null);
    }
}
