package app.khobor.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** ChatAdmins answering from a list of (chat, user) pairs; records which chats were forgotten. */
final class FakeAdmins implements ChatAdmins {
    private record Pair(long chatId, long userId) {}

    private final Set<Pair> admins = new HashSet<>();
    final List<Long> forgotten = new CopyOnWriteArrayList<>();

    FakeAdmins admin(long chatId, long userId) {
        admins.add(new Pair(chatId, userId));
        return this;
    }

    @Override
    public synchronized boolean isAdmin(long chatId, long userId) {
        return admins.contains(new Pair(chatId, userId));
    }

    @Override
    public void forget(long chatId) {
        forgotten.add(chatId);
    }
}
