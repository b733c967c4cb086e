package dev.studybot.port.out;

import dev.studybot.domain.Suggestion;
import dev.studybot.domain.WorkspaceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each workspace's queue of suggested questions. Every call names the workspace, and nothing of
 * another workspace is ever read or changed; numbers count up per workspace.
 */
public interface SuggestionStore {
    /** Queues a suggestion (its number is ignored) and returns it with the number it was given. */
    Suggestion add(WorkspaceRef workspace, Suggestion suggestion);

    /** The suggestions still waiting for a decision, oldest first. */
    List<Suggestion> open(WorkspaceRef workspace);

    /** A waiting suggestion by its number. */
    Optional<Suggestion> get(WorkspaceRef workspace, long number);

    /**
     * Records the decision on a waiting suggestion ({@code outcome}: the id it became, or a decline's
     * reason); false when it was decided already (by another admin, on another node) or never was.
     */
    boolean decide(WorkspaceRef workspace, long number, boolean approved, String outcome, String by, Instant at);

    /** Puts a decided suggestion back in the queue (an approval whose question could not be stored). */
    void reopen(WorkspaceRef workspace, long number);
}
