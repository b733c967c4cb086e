package dev.studybot.app;

import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.WordMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades an answer by the key points it covers. A phrasing counts when its words appear in the
 * answer as whole words, in order and next to each other, compared by their stems: case, plurals
 * and simple inflections do not matter ("drops", "dropped" and "dropping" all match "drop"),
 * substrings never do ("air" does not match "chair").
 */
public final class Grader {

    /** Which key points an answer covered and which it missed, in the bank's order. */
    public record Grade(List<KeyPoint> covered, List<KeyPoint> missed) {
        public int total() {
            return covered.size() + missed.size();
        }

        /** Points for coverage, 0 to 10. */
        public int coveragePoints() {
            return total() == 0 ? 10 : Math.round(10f * covered.size() / total());
        }
    }

    public Grade grade(String answer, List<KeyPoint> keyPoints) {
        List<String> words = WordMatch.stems(answer);
        List<KeyPoint> covered = new ArrayList<>();
        List<KeyPoint> missed = new ArrayList<>();
        for (KeyPoint point : keyPoints) {
            boolean hit = point.phrasings().stream().anyMatch(p -> WordMatch.containsRun(words, WordMatch.stems(p)));
            (hit ? covered : missed).add(point);
        }
        return new Grade(covered, missed);
    }
}
