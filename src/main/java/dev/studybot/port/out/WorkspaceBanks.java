package dev.studybot.port.out;

import dev.studybot.domain.WorkspaceRef;

/** The questions each workspace has: the shared bank and, where it made them, its own decks. */
@FunctionalInterface
public interface WorkspaceBanks {
    QuestionBank of(WorkspaceRef workspace);

    /** Every workspace with the same questions. */
    static WorkspaceBanks shared(QuestionBank bank) {
        return workspace -> bank;
    }
}
