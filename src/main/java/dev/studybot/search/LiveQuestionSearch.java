package dev.studybot.search;

import dev.studybot.analysis.StudyAnalyzer;
import dev.studybot.domain.Question;
import dev.studybot.domain.SearchHit;
import dev.studybot.port.out.QuestionSearch;
import dev.studybot.port.out.SearchIndexes;
import java.util.Collection;
import java.util.List;

/**
 * Search over a bank that reloads: each {@link #rebuild} builds a new index with the bank's
 * synonyms as they are now and swaps it in whole, so a search runs on the old bank or the new,
 * never on half of each.
 */
public final class LiveQuestionSearch implements QuestionSearch, SearchIndexes {
    private final StudyAnalyzer analyzer;
    private volatile LuceneQuestionSearch current;
    private volatile List<List<String>> synonyms;

    public LiveQuestionSearch(StudyAnalyzer analyzer, List<List<String>> synonyms) {
        this.analyzer = analyzer;
        this.synonyms = List.copyOf(synonyms);
        this.current = new LuceneQuestionSearch(analyzer, this.synonyms);
    }

    /** A new index of these questions with these synonyms, in place of the old one. */
    public synchronized void rebuild(Collection<Question> questions, List<List<String>> synonyms) {
        LuceneQuestionSearch next = new LuceneQuestionSearch(analyzer, synonyms);
        next.index(questions);
        this.synonyms = List.copyOf(synonyms);
        current = next;
    }

    @Override
    public void index(Collection<Question> questions) {
        rebuild(questions, synonyms);
    }

    /** The bank as it is now and a workspace's own questions, searched as one; the bank's index is shared, not built again. */
    @Override
    public QuestionSearch with(Collection<Question> own) {
        return current.with(own);
    }

    @Override
    public List<SearchHit> search(String words, int limit) {
        return current.search(words, limit);
    }
}
