package dev.studybot.port.out;

import java.time.Instant;

/**
 * The states of OAuth installs under way: each link to the platform's consent page carries one,
 * and the redirect back is accepted only with a state issued here, not yet used and not expired.
 * Shared by every node, so any node can take the redirect.
 */
public interface OAuthStateStore {
    /** Issues {@code state} at {@code now}, good until {@code expiresAt}; forgets the states that have run out by {@code now}. */
    void issue(String state, Instant now, Instant expiresAt);

    /** Whether {@code state} was issued and has not expired or been used. */
    boolean valid(String state, Instant now);

    /** Uses {@code state} up; true if it was there. */
    boolean consume(String state);
}
