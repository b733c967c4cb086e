package dev.studybot.store;

import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.DeckStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Decks and their questions in portable SQL, every statement bound to one workspace. */
public final class SqlDeckStore implements DeckStore {
    private static final String COLUMNS = "id, deck, body, written_by, written_at, removed_at";
    private final Jdbc jdbc;

    public SqlDeckStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredDeck> decks(WorkspaceRef workspace) {
        return jdbc.list("SELECT name, created_by, created_at FROM decks WHERE workspace = ? ORDER BY name",
                rs -> new StoredDeck(rs.getString("name"), rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at"))),
                workspace.key());
    }

    @Override
    public boolean createDeck(WorkspaceRef workspace, String name, String by, Instant at) {
        return jdbc.update("INSERT INTO decks (workspace, name, created_by, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (workspace, name) DO NOTHING",
                workspace.key(), name, by, at.toEpochMilli()) > 0;
    }

    @Override
    public List<StoredQuestion> questions(WorkspaceRef workspace) {
        return jdbc.list("SELECT " + COLUMNS + " FROM deck_questions WHERE workspace = ? ORDER BY written_at, id", SqlDeckStore::row,
                workspace.key());
    }

    @Override
    public Optional<StoredQuestion> question(WorkspaceRef workspace, String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM deck_questions WHERE workspace = ? AND id = ?", SqlDeckStore::row, workspace.key(), id);
    }

    @Override
    public void put(WorkspaceRef workspace, List<StoredQuestion> questions) {
        jdbc.inTransaction(c -> {
            long revision = nextRevision(c, workspace) - 1;
            for (StoredQuestion q : questions) {
                revision++;
                // a question keeps the time it was first written, so the deck keeps its order through edits
                Jdbc.update(c, "INSERT INTO deck_questions (workspace, " + COLUMNS + ", revision) VALUES (?, ?, ?, ?, ?, ?, NULL, ?) "
                                + "ON CONFLICT (workspace, id) DO UPDATE SET deck = excluded.deck, body = excluded.body, "
                                + "written_by = excluded.written_by, removed_at = NULL, revision = excluded.revision",
                        workspace.key(), q.id(), q.deck(), q.body(), q.writtenBy(), q.writtenAt().toEpochMilli(), revision);
            }
            return null;
        });
    }

    @Override
    public boolean remove(WorkspaceRef workspace, String id, Instant at) {
        return jdbc.inTransaction(c -> {
            long revision = nextRevision(c, workspace);
            return Jdbc.update(c, "UPDATE deck_questions SET removed_at = ?, revision = ? WHERE workspace = ? AND id = ? AND removed_at IS NULL",
                    at.toEpochMilli(), revision, workspace.key(), id) > 0;
        });
    }

    @Override
    public long revision(WorkspaceRef workspace) {
        // every write sets its row above the highest, so the sum rises with each one, two nodes' at the same moment included
        return jdbc.one("SELECT COALESCE(SUM(revision), 0) FROM deck_questions WHERE workspace = ?", rs -> rs.getLong(1), workspace.key())
                .orElse(0L);
    }

    /** One above the workspace's highest revision. */
    private static long nextRevision(java.sql.Connection c, WorkspaceRef workspace) throws SQLException {
        return Jdbc.list(c, "SELECT COALESCE(MAX(revision), 0) + 1 FROM deck_questions WHERE workspace = ?", rs -> rs.getLong(1),
                workspace.key()).get(0);
    }

    private static StoredQuestion row(ResultSet rs) throws SQLException {
        Long removed = Jdbc.longOrNull(rs, "removed_at");
        return new StoredQuestion(rs.getString("id"), rs.getString("deck"), rs.getString("body"), rs.getString("written_by"),
                Instant.ofEpochMilli(rs.getLong("written_at")), Optional.ofNullable(removed).map(Instant::ofEpochMilli));
    }
}
