package dev.studybot.bank;

import dev.studybot.domain.Question;
import dev.studybot.domain.TopicCount;
import dev.studybot.port.out.QuestionBank;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The loaded bank in memory; lookups by id ignore case. */
public final class MemoryQuestionBank implements QuestionBank {
    private final List<Question> questions;
    private final Map<String, Question> byId = new LinkedHashMap<>();
    private final List<TopicCount> topics;

    public MemoryQuestionBank(List<Question> questions) {
        this.questions = List.copyOf(questions);
        questions.forEach(q -> byId.putIfAbsent(q.id().toLowerCase(Locale.ROOT), q));
        this.topics = TopicCount.of(this.questions);
    }

    @Override
    public List<Question> all() {
        return questions;
    }

    @Override
    public Optional<Question> byId(String id) {
        return Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<TopicCount> topics() {
        return topics;
    }
}
