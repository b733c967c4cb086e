package dev.studybot.bank;

import dev.studybot.port.out.TextAnalysis;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a loaded bank beyond what loading needs: every question answered, with key points the
 * answer itself makes (by the grader's own matching, so that a model answer always earns full
 * marks), no question asked twice in other words, and only the bank's own topics.
 */
public final class BankValidator {
    /** Words too common to stand alone as a phrasing (English stop words, as search ignores them). */
    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
            "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
            "these", "they", "this", "to", "was", "will", "with", "can", "do", "does", "more", "less", "use", "used", "data", "model");

    private final TextAnalysis analysis;

    /** Checks with the grader's own text analysis, so that what validates is what grades. */
    public BankValidator(TextAnalysis analysis) {
        this.analysis = analysis;
    }


    /** Every problem: those loading found, then these checks', in file and line order. */
    public List<Problem> validate(LoadedBank bank) {
        List<Problem> problems = new ArrayList<>(bank.problems());
        bank.knownTopics().ifPresent(known -> {
            for (LoadedBank.TopicDeclaration d : bank.files()) {
                if (!known.contains(d.topic())) {
                    problems.add(new Problem(d.file(), d.line(), "unknown topic '" + d.topic() + "' (" + BankReader.TOPICS_FILE
                            + " lists " + String.join(", ", known) + ")"));
                }
            }
        });
        for (LoadedBank.Located q : bank.questions()) {
            answer(q, problems);
        }
        duplicates(bank.questions(), problems);
        problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return problems;
    }

    private void answer(LoadedBank.Located located, List<Problem> problems) {
        Question q = located.question();
        LoadedBank.Lines lines = located.lines();
        if (!q.hasAnswer()) {
            problems.add(new Problem(located.file(), located.line(), "question '" + q.id() + "' has no answer"
                    + (located.needsAnswer() ? " (marked needs_answer)" : "")));
            return;
        }
        if (located.needsAnswer()) {
            problems.add(new Problem(located.file(), lines.field("needs_answer"), "question '" + q.id()
                    + "' has an answer but is still marked needs_answer: true"));
        }
        if (q.keyPoints().isEmpty()) {
            problems.add(new Problem(located.file(), lines.field("answer"), "question '" + q.id() + "' has an answer but no key points"));
            return;
        }
        for (int i = 0; i < q.keyPoints().size(); i++) {
            KeyPoint point = q.keyPoints().get(i);
            int at = lines.keyPoint(i);
            if (point.phrasings().stream().noneMatch(p -> analysis.mentions(q.answer(), p))) {
                problems.add(new Problem(located.file(), at, "question '" + q.id() + "': key point "
                        + point.phrasings() + " does not occur in the answer (no phrasing of it does)"));
            }
            for (String phrasing : point.phrasings()) {
                if (analysis.mentions(q.text(), phrasing)) {
                    problems.add(new Problem(located.file(), at, "question '" + q.id() + "': phrasing '" + phrasing
                            + "' is in the question itself, so echoing the question would earn it"));
                }
                if (STOP_WORDS.contains(phrasing.toLowerCase(Locale.ROOT))) {
                    problems.add(new Problem(located.file(), at, "question '" + q.id() + "': phrasing '" + phrasing
                            + "' is a single word too common to show anything (it matches almost any answer)"));
                }
            }
            if (!point.subject().equals(point.phrasings().get(0))) {
                point.phrasings().stream().filter(p -> analysis.mentions(point.subject(), p)).findFirst().ifPresent(p ->
                        problems.add(new Problem(located.file(), at, "question '" + q.id() + "': subject '" + point.subject()
                                + "' gives away the phrasing '" + p + "' (the subject is the hint members see)")));
            }
            for (String wrong : point.misconceptions()) {
                if (analysis.mentions(q.answer(), wrong)) {
                    problems.add(new Problem(located.file(), at, "question '" + q.id() + "': misconception '" + wrong
                            + "' occurs in the model answer, which would cancel its own point"));
                }
            }
        }
    }

    private void duplicates(List<LoadedBank.Located> questions, List<Problem> problems) {
        Map<String, LoadedBank.Located> byText = new HashMap<>();
        NearDuplicates near = new NearDuplicates(questions.stream().map(LoadedBank.Located::question).toList(), analysis);
        for (int i = 0; i < questions.size(); i++) {
            LoadedBank.Located later = questions.get(i);
            LoadedBank.Located same = byText.putIfAbsent(normal(later.question().text()), later);
            if (same != null) {
                problems.add(new Problem(later.file(), later.line(), "question '" + later.question().id() + "' repeats question '"
                        + same.question().id() + "' (" + same.file() + ":" + same.line() + ")"));
                continue;
            }
            near.earlierTwin(i).ifPresent(pair -> {
                LoadedBank.Located earlier = questions.get(pair.earlier());
                problems.add(new Problem(later.file(), later.line(), String.format(Locale.ROOT,
                        "question '%s' asks what '%s' asks (%s:%d; questions %.2f alike%s): merge them into one",
                        later.question().id(), earlier.question().id(), earlier.file(), earlier.line(), pair.questionSimilarity(),
                        pair.answerSimilarity().map(a -> String.format(Locale.ROOT, ", answers %.2f", a)).orElse(""))));
            });
        }
    }

    /** A question's text compared without case or punctuation, for repeats word for word. */
    static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
