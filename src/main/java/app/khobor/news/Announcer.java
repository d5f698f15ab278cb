package app.khobor.news;

import java.util.List;

/** Hands new headlines to delivery (Khobor wires the broadcaster), so news never needs to know how they are sent. */
@FunctionalInterface
public interface Announcer {
    /**
     * Takes the headlines, in order, for every interested chat. Returns once their deliveries are durably recorded;
     * throws when they are not, and they are then handed over again later.
     */
    void announce(List<StoredHeadline> headlines);
}
