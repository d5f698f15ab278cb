package app.khobor.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The chats with pending pushes that are loaded in memory: a round-robin queue of chats ready to send, and a queue
 * by time of chats that must wait (per-chat window, 429, backoff). A chat being sent is in neither. Not thread-safe:
 * the {@link Schedule}'s lock guards it.
 */
final class ActiveChats {
    private final Map<Long, ChatQueue> byId = new HashMap<>();
    private final ArrayDeque<ChatQueue> ready = new ArrayDeque<>();
    private final PriorityQueue<ChatQueue> waiting = new PriorityQueue<>(Comparator.comparing(c -> c.notBefore));

    int size() {
        return byId.size();
    }

    boolean contains(long chatId) {
        return byId.containsKey(chatId);
    }

    /** Adds a chat found in the outbox; one already here is only marked touched. */
    void add(long chatId, boolean group, Instant notBefore, Instant now) {
        ChatQueue known = byId.get(chatId);
        if (known != null) {
            known.touched = true;
            return;
        }
        ChatQueue chat = new ChatQueue(chatId, group, notBefore);
        byId.put(chatId, chat);
        delay(chat, notBefore.isAfter(now) ? notBefore : now);
    }

    /** Moves chats whose wait is over to the back of the ready queue. */
    void promote(Instant now) {
        while (!waiting.isEmpty() && !waiting.peek().notBefore.isAfter(now)) {
            ready.addLast(waiting.poll());
        }
    }

    int readyCount() {
        return ready.size();
    }

    ChatQueue pollReady() {
        return ready.pollFirst();
    }

    void putBackFirst(ChatQueue chat) {
        ready.addFirst(chat);
    }

    void requeue(ChatQueue chat) {
        ready.addLast(chat);
    }

    void delay(ChatQueue chat, Instant until) {
        chat.notBefore = until;
        waiting.add(chat);
    }

    void remove(ChatQueue chat) {
        byId.remove(chat.chatId, chat);
        ready.remove(chat);
        waiting.remove(chat);
    }

    /** When the first waiting chat becomes ready, or null. */
    Instant nextWake() {
        return waiting.isEmpty() ? null : waiting.peek().notBefore;
    }

    /** Drops a chat unless a send to it is in flight (that send will find out by itself). */
    void removeIfIdle(long chatId) {
        ChatQueue chat = byId.get(chatId);
        if (chat != null && !chat.busy) {
            remove(chat);
        }
    }
}
