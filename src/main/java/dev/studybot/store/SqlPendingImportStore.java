package dev.studybot.store;

import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.PendingImportStore;
import java.time.Instant;
import java.util.Optional;

/** Pending chat imports in portable SQL, every statement bound to one workspace. */
public final class SqlPendingImportStore implements PendingImportStore {
    private final Jdbc jdbc;

    public SqlPendingImportStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(WorkspaceRef workspace, PendingImport p) {
        jdbc.inTransaction(c -> {
            // an earlier import of the admin goes, and any of the workspace that expired long ago, so none lingers
            Jdbc.update(c, "DELETE FROM pending_imports WHERE workspace = ? AND (user_id = ? OR expires_at < ?)", workspace.key(), p.userId(),
                    p.expires().toEpochMilli() - 24L * 3600 * 1000);
            Jdbc.update(c, "INSERT INTO pending_imports (workspace, user_id, file, deck, yaml, questions, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    workspace.key(), p.userId(), p.file(), p.deck(), p.yaml(), p.questions(), p.expires().toEpochMilli());
            return null;
        });
    }

    @Override
    public Optional<PendingImport> take(WorkspaceRef workspace, String userId, Instant now) {
        return jdbc.inTransaction(c -> {
            Optional<PendingImport> found = Jdbc.list(c, "SELECT user_id, file, deck, yaml, questions, expires_at FROM pending_imports "
                            + "WHERE workspace = ? AND user_id = ?", rs -> new PendingImport(rs.getString("user_id"), rs.getString("file"),
                            rs.getString("deck"), rs.getString("yaml"), rs.getInt("questions"), Instant.ofEpochMilli(rs.getLong("expires_at"))),
                    workspace.key(), userId).stream().findFirst();
            // only the node whose delete removes the row takes it, so two confirms at once store it once
            boolean taken = found.isPresent() && Jdbc.update(c, "DELETE FROM pending_imports WHERE workspace = ? AND user_id = ? AND expires_at = ?",
                    workspace.key(), userId, found.get().expires().toEpochMilli()) > 0;
            return taken && !found.get().expires().isBefore(now) ? found : Optional.<PendingImport>empty();
        });
    }
}
