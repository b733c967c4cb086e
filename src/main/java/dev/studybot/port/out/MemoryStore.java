package dev.studybot.port.out;

import dev.studybot.domain.MemoryState;
import dev.studybot.domain.WorkspaceRef;
import java.util.List;
import java.util.Optional;

/** Each member's memory state of each question they were graded on, per workspace; one row per member and question. */
public interface MemoryStore {
    Optional<MemoryState> find(WorkspaceRef workspace, String userId, String questionId);

    /** Inserts or replaces the member's state for its question. */
    void save(WorkspaceRef workspace, String userId, MemoryState state);

    /** Every state of the member, by question id. */
    List<MemoryState> of(WorkspaceRef workspace, String userId);
}
