package dev.studybot.domain;

import java.time.Instant;

/**
 * A member's standing on one post: their last answer (if any), what it scored, and whether they
 * revealed the model answer. Points are final once revealed or closed.
 */
public record Submission(long postId, String userId, String answer, int covered, int keyPointCount,
                         int points, int streak, Instant answeredAt, Instant revealedAt, boolean practice) {

    public boolean answered() {
        return answer != null;
    }

    public boolean revealed() {
        return revealedAt != null;
    }
}
