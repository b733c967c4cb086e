package dev.studybot.port.out;

import dev.studybot.domain.Question;
import java.util.List;

/** Which questions of a workspace ask much what a new question asks, by the import's coverage check. */
public interface LikeQuestions {
    /** A question and how alike it is, 0 to 1. */
    record Like(String id, double similarity) {
    }

    /** For each text, the questions of {@code against} like it, most alike first, at most {@code max}. */
    List<List<Like>> like(List<String> texts, List<Question> against, int max);
}
