package dev.studybot.bank;

import dev.studybot.domain.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question found in a Markdown list: where it starts, the section it was under, the level the
 * section names (if any), its text and the answer that followed it ("" when none did).
 */
public record ImportedQuestion(String file, int line, String topic, Optional<Level> level, String text,
                               String answer, List<String> keyPoints) {
    public ImportedQuestion {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
        answer = answer == null ? "" : answer;
        keyPoints = List.copyOf(keyPoints);
    }

    public boolean needsAnswer() {
        return answer.isBlank();
    }
}
