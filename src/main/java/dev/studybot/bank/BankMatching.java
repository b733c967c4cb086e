package dev.studybot.bank;

import dev.studybot.domain.Question;
import dev.studybot.port.out.QuestionMatching;
import dev.studybot.port.out.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Ids as {@link ImportIds} makes them, and repeats as the bank check finds them ({@link NearDuplicates}). */
public final class BankMatching implements QuestionMatching {
    /** Every check reads the workspace's questions again: one long-lived reader remembers their terms. */
    private final Terms terms;

    public BankMatching(TextAnalysis analysis) {
        this.terms = new Terms(analysis);
    }

    @Override
    public String idFrom(String questionText) {
        return ImportIds.slug(questionText);
    }

    @Override
    public Optional<Twin> twin(Question question, List<Question> others) {
        String text = BankValidator.normal(question.text());
        for (Question other : others) {
            if (BankValidator.normal(other.text()).equals(text)) {
                return Optional.of(new Twin(other, 1.0));
            }
        }
        List<Question> all = new ArrayList<>(others);
        all.add(question);
        return new NearDuplicates(all, terms).earlierTwin(all.size() - 1)
                .map(t -> new Twin(others.get(t.earlier()), t.questionSimilarity()));
    }
}
