package dev.studybot.store;

import dev.studybot.domain.Submission;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.SubmissionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Submissions in portable SQL: one row per post and member, replaced on resubmission. */
public final class SqlSubmissionStore implements SubmissionStore {
    private static final String COLUMNS = "post_id, user_id, answer, covered, key_points, points, streak, answered_at, revealed_at, practice";
    private final Jdbc jdbc;

    public SqlSubmissionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Submission> find(long postId, String userId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM submissions WHERE post_id = ? AND user_id = ?", SqlSubmissionStore::row, postId, userId);
    }

    @Override
    public void save(WorkspaceRef workspace, String topic, Submission s) {
        long scoredAt = s.answeredAt() != null ? s.answeredAt().toEpochMilli() : s.revealedAt().toEpochMilli();
        jdbc.inTransaction(c -> {
            long[] before = Jdbc.list(c, "SELECT points, answered FROM submissions WHERE post_id = ? AND user_id = ?",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, s.postId(), s.userId()).stream().findFirst().orElse(new long[2]);
            Jdbc.update(c, "INSERT INTO submissions (post_id, user_id, workspace, topic, answer, answered, covered, key_points, points, streak, "
                            + "answered_at, revealed_at, practice, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (post_id, user_id) DO UPDATE SET answer = excluded.answer, answered = excluded.answered, "
                            + "covered = excluded.covered, key_points = excluded.key_points, points = excluded.points, streak = excluded.streak, "
                            + "answered_at = excluded.answered_at, revealed_at = excluded.revealed_at, practice = excluded.practice, "
                            + "scored_at = excluded.scored_at",
                    s.postId(), s.userId(), workspace.key(), topic, s.answer(), s.answered() ? 1 : 0, s.covered(), s.keyPointCount(),
                    s.points(), s.streak(), Keys.millis(s.answeredAt()), Keys.millis(s.revealedAt()), s.practice() ? 1 : 0, scoredAt);
            return Jdbc.update(c, "INSERT INTO member_totals (workspace, user_id, points, answers) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (workspace, user_id) DO UPDATE SET points = member_totals.points + excluded.points, "
                            + "answers = member_totals.answers + excluded.answers",
                    workspace.key(), s.userId(), s.points() - before[0], (s.answered() ? 1 : 0) - before[1]);
        });
    }

    @Override
    public List<Submission> forPost(long postId) {
        return jdbc.list("SELECT " + COLUMNS + " FROM submissions WHERE post_id = ?", SqlSubmissionStore::row, postId);
    }

    @Override
    public Set<Long> answered(String userId, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        String marks = postIds.stream().map(id -> "?").collect(Collectors.joining(","));
        Object[] args = new Object[postIds.size() + 1];
        args[0] = userId;
        int i = 1;
        for (Long id : postIds) {
            args[i++] = id;
        }
        return new HashSet<>(jdbc.list("SELECT post_id FROM submissions WHERE user_id = ? AND answer IS NOT NULL AND post_id IN (" + marks + ")",
                rs -> rs.getLong(1), args));
    }

    private static Submission row(ResultSet rs) throws SQLException {
        return new Submission(rs.getLong("post_id"), rs.getString("user_id"), rs.getString("answer"), rs.getInt("covered"),
                rs.getInt("key_points"), rs.getInt("points"), rs.getInt("streak"),
                Keys.instant(Jdbc.longOrNull(rs, "answered_at")), Keys.instant(Jdbc.longOrNull(rs, "revealed_at")),
                rs.getInt("practice") != 0);
    }
}
