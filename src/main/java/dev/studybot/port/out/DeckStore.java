package dev.studybot.port.out;

import dev.studybot.domain.WorkspaceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's own decks and their questions, each kept as the bank YAML it was written in. Every
 * call names the workspace, and nothing of another workspace is ever read or changed.
 */
public interface DeckStore {
    /** A deck the workspace made, with who made it and when. */
    record StoredDeck(String name, String createdBy, Instant createdAt) {
    }

    /**
     * One own question: its id, deck, bank YAML, who wrote it last and when; {@code removedAt} is
     * set once it is removed (the row stays so the id is never reused).
     */
    record StoredQuestion(String id, String deck, String body, String writtenBy, Instant writtenAt, Optional<Instant> removedAt) {
        public boolean removed() {
            return removedAt.isPresent();
        }
    }

    List<StoredDeck> decks(WorkspaceRef workspace);

    /** Makes the deck unless it exists; true when it was made now. */
    boolean createDeck(WorkspaceRef workspace, String name, String by, Instant at);

    /** Every own question of the workspace, removed ones included, in the order they were first written. */
    List<StoredQuestion> questions(WorkspaceRef workspace);

    Optional<StoredQuestion> question(WorkspaceRef workspace, String id);

    /**
     * Writes these questions (new ones added, existing ids replaced and brought back if removed) in
     * one transaction: all of them are stored or none.
     */
    void put(WorkspaceRef workspace, List<StoredQuestion> questions);

    /** Marks the question removed; false when the workspace has no such live question. */
    boolean remove(WorkspaceRef workspace, String id, Instant at);

    /** Rises with every change to the workspace's questions; 0 when it has none. */
    long revision(WorkspaceRef workspace);
}
