package dev.studybot.support.memory;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Post;
import dev.studybot.port.out.PostStore;
import dev.studybot.port.out.PostedMessage;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Stands for {@code SqlPostStore}: posts by id, one post per (channel, slot). Ids are never reused,
 * and a reservation refused for a taken slot still uses one up, as SQLite's AUTOINCREMENT does under
 * {@code ON CONFLICT DO NOTHING}. Reads see only delivered posts where the SQL store asks for a
 * message ref.
 */
public final class MemoryPostStore implements PostStore {
    private record Row(long id, ChannelRef channel, String questionId, int cycle, Instant slot, Instant postedAt,
                       Instant closesAt, Instant closedAt, String messageRef, String threadRef) {
        Post post() {
            return new Post(id, channel, questionId, slot, postedAt, messageRef, threadRef, closedAt);
        }

        boolean delivered() {
            return messageRef != null;
        }

        Row closed(Instant at) {
            return new Row(id, channel, questionId, cycle, slot, postedAt, closesAt, at, messageRef, threadRef);
        }

        Row attached(PostedMessage message) {
            return new Row(id, channel, questionId, cycle, slot, postedAt, closesAt, closedAt,
                    message.messageRef(), message.threadRef().orElse(null));
        }
    }

    private final NavigableMap<Long, Row> rows = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized Optional<Post> reserve(ChannelRef channel, String questionId, int cycle, Instant slot, Instant postedAt,
                                               Instant closesAt) {
        Instant key = Columns.millis(slot);
        long id = ++lastId;
        if (rows.values().stream().anyMatch(r -> r.channel().equals(channel) && r.slot().equals(key))) {
            return Optional.empty();
        }
        rows.put(id, new Row(id, channel, questionId, cycle, key, Columns.millis(postedAt), Columns.millis(closesAt), null, null, null));
        // the SQL store answers with the values it was given, not as they read back
        return Optional.of(new Post(id, channel, questionId, slot, postedAt, null, null, null));
    }

    @Override
    public synchronized Optional<Post> unsent(ChannelRef channel, Instant slot) {
        Instant key = Columns.millis(slot);
        return rows.values().stream().filter(r -> r.channel().equals(channel) && r.slot().equals(key) && !r.delivered())
                .map(Row::post).findFirst();
    }

    @Override
    public synchronized void release(long postId) {
        Row row = rows.get(postId);
        if (row != null && !row.delivered()) {
            rows.remove(postId);
        }
    }

    @Override
    public synchronized void attach(long postId, PostedMessage message) {
        rows.computeIfPresent(postId, (id, row) -> row.attached(message));
    }

    @Override
    public synchronized boolean close(long postId, Instant at) {
        Row row = rows.get(postId);
        if (row == null || row.closedAt() != null) {
            return false;
        }
        rows.put(postId, row.closed(Columns.millis(at)));
        return true;
    }

    @Override
    public synchronized Optional<Post> byId(long postId) {
        return Optional.ofNullable(rows.get(postId)).map(Row::post);
    }

    @Override
    public synchronized Optional<Post> open(ChannelRef channel) {
        return newestFirst(channel).filter(Row::delivered).filter(r -> r.closedAt() == null).findFirst().map(Row::post);
    }

    @Override
    public synchronized Optional<Post> latest(ChannelRef channel) {
        return newestFirst(channel).filter(Row::delivered).findFirst().map(Row::post);
    }

    @Override
    public synchronized List<Post> dueToClose(Instant now) {
        Instant at = Columns.millis(now);
        return rows.values().stream()
                .filter(r -> r.closedAt() == null && r.closesAt() != null && !r.closesAt().isAfter(at))
                .map(Row::post).toList();
    }

    @Override
    public synchronized int currentCycle(ChannelRef channel) {
        return newestFirst(channel).mapToInt(Row::cycle).max().orElse(0);
    }

    @Override
    public synchronized Set<String> questionsInCycle(ChannelRef channel, int cycle) {
        Set<String> ids = new HashSet<>();
        newestFirst(channel).filter(r -> r.cycle() == cycle).forEach(r -> ids.add(r.questionId()));
        return ids;
    }

    @Override
    public synchronized List<Long> recent(ChannelRef channel, int limit) {
        return newestFirst(channel).filter(Row::delivered).limit(limit).map(Row::id).toList();
    }

    private Stream<Row> newestFirst(ChannelRef channel) {
        return rows.descendingMap().values().stream().filter(r -> r.channel().equals(channel));
    }
}
