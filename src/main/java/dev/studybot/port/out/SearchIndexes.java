package dev.studybot.port.out;

import dev.studybot.domain.Question;
import java.util.Collection;

/** Search over the shared bank and more questions (a workspace's own), with the bank's analysis and synonyms. */
public interface SearchIndexes {
    QuestionSearch with(Collection<Question> own);
}
