package dev.studybot.port.out;

import java.util.List;
import java.util.Optional;

/**
 * A second opinion on an answer, claim by claim (a language model behind an OpenAI-compatible API).
 * Empty when it cannot give one (not configured, timed out, failed, or answered out of format):
 * the local grade stands.
 */
public interface AnswerJudge {

    /** What the judge says of one claim. */
    enum Verdict {
        COVERED, CONTRADICTED, MISSING
    }

    /** The verdict on the claim at {@code index} of the rubric, with a one-line reason. */
    record ClaimVerdict(int index, Verdict verdict, String reason) {
    }

    /** Verdicts for every claim, in rubric order, or empty. */
    Optional<List<ClaimVerdict>> judge(String question, List<String> claims, String answer);

    /** No judge configured. */
    AnswerJudge NONE = (question, claims, answer) -> Optional.empty();
}
