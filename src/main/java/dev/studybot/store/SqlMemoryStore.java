package dev.studybot.store;

import dev.studybot.domain.MemoryState;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.MemoryStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Memory states in portable SQL: one row per workspace, member and question, replaced on every graded answer. */
public final class SqlMemoryStore implements MemoryStore {
    private static final String COLUMNS = "question_id, stability, difficulty, reviews, lapses, last_review, due, forgotten";
    private final Jdbc jdbc;

    public SqlMemoryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MemoryState> find(WorkspaceRef workspace, String userId, String questionId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM memory_states WHERE workspace = ? AND user_id = ? AND question_id = ?",
                SqlMemoryStore::row, workspace.key(), userId, questionId);
    }

    @Override
    public void save(WorkspaceRef workspace, String userId, MemoryState s) {
        jdbc.update("INSERT INTO memory_states (workspace, user_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (workspace, user_id, question_id) DO UPDATE SET stability = excluded.stability, "
                        + "difficulty = excluded.difficulty, reviews = excluded.reviews, lapses = excluded.lapses, "
                        + "last_review = excluded.last_review, due = excluded.due, forgotten = excluded.forgotten",
                workspace.key(), userId, s.questionId(), s.stability(), s.difficulty(), s.reviews(), s.lapses(),
                s.lastReview().toEpochMilli(), s.due().toEpochMilli(), s.forgotten() ? 1 : 0);
    }

    @Override
    public List<MemoryState> of(WorkspaceRef workspace, String userId) {
        return jdbc.list("SELECT " + COLUMNS + " FROM memory_states WHERE workspace = ? AND user_id = ? ORDER BY question_id",
                SqlMemoryStore::row, workspace.key(), userId);
    }

    private static MemoryState row(ResultSet rs) throws SQLException {
        return new MemoryState(rs.getString("question_id"), rs.getDouble("stability"), rs.getDouble("difficulty"), rs.getInt("reviews"),
                rs.getInt("lapses"), Instant.ofEpochMilli(rs.getLong("last_review")), Instant.ofEpochMilli(rs.getLong("due")),
                rs.getInt("forgotten") != 0);
    }
}
