package dev.studybot.grading;

import dev.studybot.analysis.LuceneTextAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.app.Grader;
import dev.studybot.port.out.AnswerJudge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded grader on the labelled answers, question by question: a strong answer beats a
 * keyword-stuffed wrong one, which earns at most a third of it, as does an off-topic one; pasting
 * back the bot's feedback never beats the strong answer; the model answer is the ceiling; a terse
 * correct answer earns at least half of the strong one. By words alone, and with the sentence model.
 */
class LabelledAnswersTest {
    private static final LuceneTextAnalysis ANALYSIS = new LuceneTextAnalysis();
    private static LabelledAnswers set;

    @BeforeAll
    static void load() {
        set = LabelledAnswers.load(new Grader(ANALYSIS));
    }

    @Test
    void theSetCoversEveryTopicWithAtLeastFortyQuestions() {
        assertThat(set.cases()).hasSizeGreaterThanOrEqualTo(40);
        Set<String> topics = set.cases().stream().map(c -> c.question().topic()).collect(Collectors.toSet());
        assertThat(topics).hasSize(14);
    }

    @Test
    void byWordsAloneEveryQuestionKeepsTheRules() {
        assertThat(broken(new Grader(ANALYSIS))).isEmpty();
    }

    @Test
    void withTheSentenceModelEveryQuestionKeepsTheRules() {
        MiniLmSentenceSimilarity model = new MiniLmSentenceSimilarity();
        assertThat(model.awaitReady(Duration.ofMinutes(2))).as("the sentence model loads from its jar").isTrue();
        assertThat(broken(new Grader(ANALYSIS, model, AnswerJudge.NONE, Grader.Tuning.DEFAULT))).isEmpty();
    }

    private static List<String> broken(Grader grader) {
        List<String> out = new ArrayList<>();
        for (LabelledAnswers.Case c : set.cases()) {
            Map<LabelledAnswers.Kind, Double> share = new EnumMap<>(LabelledAnswers.Kind.class);
            c.answers().forEach((kind, text) -> share.put(kind, grader.grade(c.question(), text).share()));
            assertThat(share.get(LabelledAnswers.Kind.MODEL)).as(c.question().id() + ": the model answer covers its whole rubric").isEqualTo(1.0);
            GradingRules.broken(share).forEach(rule -> out.add(c.question().id() + ": " + rule));
        }
        return out;
    }
}
