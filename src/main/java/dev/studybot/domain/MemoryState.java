package dev.studybot.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a member remembers of one question, as spaced repetition models it: {@code stability} in
 * days (the time for recall to fall to 90%), {@code difficulty} from 1 to 10, how many graded
 * answers ({@code reviews}) and forgettings ({@code lapses}) it has seen, the last graded answer,
 * when the question is due again, and whether that last answer showed it {@code forgotten} (rated
 * again).
 */
public record MemoryState(String questionId, double stability, double difficulty, int reviews, int lapses, Instant lastReview,
                          Instant due, boolean forgotten) {
    public MemoryState {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(lastReview, "lastReview");
        Objects.requireNonNull(due, "due");
        if (!(stability > 0) || difficulty < 1 || difficulty > 10 || reviews < 1 || lapses < 0) {
            throw new IllegalArgumentException("not a memory state: stability " + stability + ", difficulty " + difficulty
                    + ", reviews " + reviews + ", lapses " + lapses);
        }
    }

    /** Whether the question is due for review at {@code now}. */
    public boolean dueAt(Instant now) {
        return !due.isAfter(now);
    }
}
