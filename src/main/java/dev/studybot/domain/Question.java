package dev.studybot.domain;

import java.util.List;
import java.util.Objects;

/** A bank question with its model answer and the key points the grader looks for. */
public record Question(String id, String topic, Level level, String text, String answer,
                       List<KeyPoint> keyPoints, List<String> tags) {
    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
        answer = answer == null ? "" : answer;
        keyPoints = List.copyOf(keyPoints);
        tags = List.copyOf(tags);
    }

    public boolean hasAnswer() {
        return !answer.isBlank();
    }
}
