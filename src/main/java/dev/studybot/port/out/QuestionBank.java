package dev.studybot.port.out;

import dev.studybot.domain.Question;
import dev.studybot.domain.TopicCount;
import java.util.List;
import java.util.Optional;

/** The loaded questions. Ids are stable across edits and reloads. */
public interface QuestionBank {
    List<Question> all();

    Optional<Question> byId(String id);

    List<TopicCount> topics();
}
