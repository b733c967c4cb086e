package dev.studybot.support.memory;

import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.PendingImportStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pending imports in memory, as {@code SqlPendingImportStore} keeps them: one per admin and workspace, taken once. */
public final class MemoryPendingImportStore implements PendingImportStore {
    private final Map<String, PendingImport> rows = new ConcurrentHashMap<>();

    @Override
    public void put(WorkspaceRef workspace, PendingImport pending) {
        rows.put(workspace.key() + "\n" + pending.userId(), pending);
    }

    @Override
    public Optional<PendingImport> take(WorkspaceRef workspace, String userId, Instant now) {
        return Optional.ofNullable(rows.remove(workspace.key() + "\n" + userId)).filter(p -> !p.expires().isBefore(now));
    }
}
