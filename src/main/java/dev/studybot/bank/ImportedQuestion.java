package dev.studybot.bank;

import dev.studybot.domain.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question found in a Markdown list: where it starts, the section it was under, its level (from
 * its own tag or the section's title, if any), its text, the answer that followed it ("" when none
 * did) and, for a multiple-choice question, its options.
 */
public record ImportedQuestion(String file, int line, String topic, Optional<Level> level, String text,
                               String answer, List<String> keyPoints, List<Choice> choices) {
    /** One option of a multiple-choice question, and whether it is a right one. */
    public record Choice(String text, boolean correct) {
        public Choice {
            Objects.requireNonNull(text, "text");
        }
    }

    public ImportedQuestion(String file, int line, String topic, Optional<Level> level, String text, String answer,
                            List<String> keyPoints) {
        this(file, line, topic, level, text, answer, keyPoints, List.of());
    }

    public ImportedQuestion {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
        answer = answer == null ? "" : answer;
        keyPoints = List.copyOf(keyPoints);
        choices = List.copyOf(choices);
    }

    public boolean needsAnswer() {
        return answer.isBlank();
    }
}
