package dev.studybot.port.out;

import dev.studybot.domain.Question;
import dev.studybot.domain.SearchHit;
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
