package app.khobor.chat;

/** Receives every update. Must not throw: one bad update never stops the bot. */
public interface IncomingHandler {
    void handle(Incoming update);
}
