package dev.studybot.port;

import dev.studybot.core.model.Question;
import dev.studybot.core.model.TopicCount;
import java.util.List;
import java.util.Optional;

/** The loaded questions. Ids are stable across edits and reloads. */
public interface QuestionBank {
    List<Question> all();

    Optional<Question> byId(String id);

    List<TopicCount> topics();
}
