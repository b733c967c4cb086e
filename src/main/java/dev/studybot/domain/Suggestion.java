package dev.studybot.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A question a member proposed for the workspace's own decks: its number in the workspace's queue,
 * who proposed it, the question, the answer they suggest ("" when none), the claims a full answer
 * makes (each a list of the phrasings that count for it), its topic and level.
 */
public record Suggestion(long number, String userId, String userName, String question, String answer, List<List<String>> claims,
                         String topic, Level level, Instant at) {
    public Suggestion {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(level, "level");
        answer = answer == null ? "" : answer;
        claims = claims.stream().map(List::copyOf).toList();
        userName = userName == null || userName.isBlank() ? userId : userName;
    }

    public boolean answered() {
        return !answer.isBlank();
    }
}
