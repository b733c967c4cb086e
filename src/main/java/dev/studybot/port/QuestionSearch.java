package dev.studybot.port;

import dev.studybot.core.model.Question;
import dev.studybot.core.model.SearchHit;
import java.util.Collection;
import java.util.List;

/** Ranked full-text search over questions and their answers. */
public interface QuestionSearch {
    /** Replaces the index with these questions. */
    void index(Collection<Question> questions);

    /**
     * The best matches for the words a user typed, best first. The words are plain words, never
     * query syntax: quotes, operators and wildcards in them are treated as text.
     */
    List<SearchHit> search(String words, int limit);
}
