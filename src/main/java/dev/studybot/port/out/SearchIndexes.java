package dev.studybot.port.out;

import dev.studybot.domain.Question;
import java.util.Collection;

/** Builds a search over a given set of questions, with the same analysis and synonyms as the bank's own. */
public interface SearchIndexes {
    QuestionSearch over(Collection<Question> questions);
}
