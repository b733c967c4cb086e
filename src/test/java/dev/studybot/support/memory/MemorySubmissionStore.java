package dev.studybot.support.memory;

import dev.studybot.domain.Submission;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.SubmissionStore;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stands for {@code SqlSubmissionStore}: one row per (post, member), replaced on save, and the
 * running all-time totals per member that the SQL store keeps in step with the rows. As with its
 * upsert, a replaced row keeps the workspace and topic it was first saved with.
 */
public final class MemorySubmissionStore implements SubmissionStore {
    /** A stored submission with the columns the leaderboards read; {@code scoredAt} in epoch millis. */
    record Row(String workspace, String topic, Submission submission, long scoredAt) {
    }

    /** A member's running totals in one workspace. */
    record Totals(long points, long answers) {
    }

    private record Key(long postId, String userId) {
    }

    private final Map<Key, Row> rows = new LinkedHashMap<>();
    private final Map<String, Map<String, Totals>> totals = new HashMap<>();

    @Override
    public synchronized Optional<Submission> find(long postId, String userId) {
        return Optional.ofNullable(rows.get(new Key(postId, userId))).map(Row::submission);
    }

    @Override
    public synchronized void save(WorkspaceRef workspace, String topic, Submission s) {
        Submission stored = new Submission(s.postId(), s.userId(), s.answer(), s.covered(), s.keyPointCount(), s.points(), s.streak(),
                Columns.millis(s.answeredAt()), Columns.millis(s.revealedAt()), s.practice());
        long scoredAt = s.answeredAt() != null ? s.answeredAt().toEpochMilli() : s.revealedAt().toEpochMilli();
        Key key = new Key(s.postId(), s.userId());
        Row before = rows.get(key);
        rows.put(key, before == null
                ? new Row(workspace.key(), topic, stored, scoredAt)
                : new Row(before.workspace(), before.topic(), stored, scoredAt));
        long points = s.points() - (before == null ? 0 : before.submission().points());
        long answers = (s.answered() ? 1 : 0) - (before != null && before.submission().answered() ? 1 : 0);
        totals.computeIfAbsent(workspace.key(), k -> new HashMap<>())
                .merge(s.userId(), new Totals(points, answers), (a, b) -> new Totals(a.points() + b.points(), a.answers() + b.answers()));
    }

    @Override
    public synchronized List<Submission> forPost(long postId) {
        // the primary key's order, as SQLite reads one post's rows
        return rows.values().stream().map(Row::submission).filter(s -> s.postId() == postId)
                .sorted(Comparator.comparing(Submission::userId, Columns.BINARY)).toList();
    }

    @Override
    public synchronized Set<Long> answered(String userId, Collection<Long> postIds) {
        Set<Long> out = new HashSet<>();
        for (Long id : postIds) {
            Row row = rows.get(new Key(id, userId));
            if (row != null && row.submission().answered()) {
                out.add(id);
            }
        }
        return out;
    }

    /** The workspace's rows, for the leaderboards. */
    synchronized List<Row> rows(WorkspaceRef workspace) {
        return rows.values().stream().filter(r -> r.workspace().equals(workspace.key())).toList();
    }

    /** The workspace's running totals by member, for the all-time leaderboards. */
    synchronized Map<String, Totals> totals(WorkspaceRef workspace) {
        return Map.copyOf(totals.getOrDefault(workspace.key(), Map.of()));
    }
}
