package dev.studybot.port.out;

import dev.studybot.domain.Question;
import java.util.List;
import java.util.Optional;

/**
 * What the bank knows about questions beyond reading them: an id made from a question's own words,
 * as import makes them, and whether a question asks what another already asks (the same words, or
 * the same thing in other words), by the bank check's own measure.
 */
public interface QuestionMatching {
    /** An id made from the question's words ("What is dropout, and how does it work?" is {@code dropout-work}). */
    String idFrom(String questionText);

    /** A question that asks what {@code question} asks, and how alike their questions are (1 for the same words). */
    record Twin(Question other, double similarity) {
    }

    /** The first of {@code others} that {@code question} repeats, if any. */
    Optional<Twin> twin(Question question, List<Question> others);
}
