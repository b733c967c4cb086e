package dev.studybot.port.out;

import dev.studybot.domain.WorkspaceRef;
import java.time.Instant;
import java.util.Optional;

/**
 * Imports an admin checked in chat and has not confirmed yet, one per admin and workspace, kept in
 * the database so that any node can take the confirm.
 */
public interface PendingImportStore {
    /** What a confirm stores: the file's name, the deck, the questions' bank YAML and how many they are, until {@code expires}. */
    record PendingImport(String userId, String file, String deck, String yaml, int questions, Instant expires) {
    }

    /** Keeps the admin's pending import, replacing any earlier one. */
    void put(WorkspaceRef workspace, PendingImport pending);

    /** Takes the admin's pending import away, once: empty when there is none, or it expired before {@code now}. */
    Optional<PendingImport> take(WorkspaceRef workspace, String userId, Instant now);
}
