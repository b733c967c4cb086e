package dev.studybot.bank;

import dev.studybot.domain.Question;
import dev.studybot.port.out.TextAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether two bank questions ask the same thing in other words: their questions are very
 * alike (by {@link CoverageMatcher#similarity}) and, when both are answered, their answers say
 * much the same too. The answer check keeps apart questions on one subject that ask different
 * things ("what techniques make a model interpretable" and "why explainability matters").
 */
final class NearDuplicates {
    /** Question similarity from which two questions may be one (0 to 1). */
    static final double QUESTIONS = 0.8;
    /** ... and the answer similarity that confirms it, when both have answers. */
    static final double ANSWERS = 0.3;

    private final List<Question> questions;
    private final List<Map<String, Double>> questionVectors = new ArrayList<>();
    private final List<Map<String, Double>> answerVectors = new ArrayList<>();

    /** The earlier of two questions found to be one, and how alike their questions and answers are. */
    record Twin(int earlier, double questionSimilarity, Optional<Double> answerSimilarity) {
    }

    NearDuplicates(List<Question> questions, TextAnalysis analysis) {
        this(questions, new Terms(analysis));
    }

    /** With terms read by {@code reader}, which may remember them from earlier checks. */
    NearDuplicates(List<Question> questions, Terms reader) {
        this.questions = List.copyOf(questions);
        CoverageMatcher matcher = new CoverageMatcher(this.questions, reader, CoverageMatcher.DEFAULT_THRESHOLD);
        Map<String, Integer> df = new HashMap<>();
        List<List<String>> answers = new ArrayList<>();
        for (Question q : this.questions) {
            questionVectors.add(matcher.vector(q.text()));
            List<String> terms = matcher.terms(q.answer());
            answers.add(terms);
            new HashSet<>(terms).forEach(t -> df.merge(t, 1, Integer::sum));
        }
        int n = Math.max(1, this.questions.size());
        for (List<String> terms : answers) {
            Map<String, Double> tf = new HashMap<>();
            terms.forEach(t -> tf.merge(t, 1.0, Double::sum));
            Map<String, Double> v = new HashMap<>();
            tf.forEach((t, c) -> v.put(t, (1 + Math.log(c)) * Math.log(1.0 + n / (double) df.get(t))));
            answerVectors.add(CoverageMatcher.unit(v));
        }
    }

    /** The first earlier question that question {@code i} duplicates, if any. */
    Optional<Twin> earlierTwin(int i) {
        for (int j = 0; j < i; j++) {
            double q = CoverageMatcher.dot(questionVectors.get(i), questionVectors.get(j));
            if (q < QUESTIONS) {
                continue;
            }
            boolean answered = questions.get(i).hasAnswer() && questions.get(j).hasAnswer();
            Optional<Double> a = answered ? Optional.of(CoverageMatcher.dot(answerVectors.get(i), answerVectors.get(j))) : Optional.empty();
            if (a.isEmpty() || a.get() >= ANSWERS) {
                return Optional.of(new Twin(j, q, a));
            }
        }
        return Optional.empty();
    }
}
