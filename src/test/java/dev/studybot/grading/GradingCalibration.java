package dev.studybot.grading;

import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.app.Grader;
import dev.studybot.port.out.AnswerJudge;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints, for the labelled answers, the mean share of the model answer's grade that each kind of
 * answer earns, by words alone and with the sentence model at several thresholds: how the
 * grader's semantic threshold was chosen. Run: {@code mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.studybot.grading.GradingCalibration}.
 */
public final class GradingCalibration {
    private GradingCalibration() {
    }

    public static void main(String[] args) {
        LuceneTextAnalysis analysis = new LuceneTextAnalysis();
        Grader lexical = new Grader(analysis);
        LabelledAnswers set = LabelledAnswers.load(lexical);
        report("words only", set, lexical);
        MiniLmSentenceSimilarity model = new MiniLmSentenceSimilarity();
        if (!model.awaitReady(Duration.ofMinutes(2))) {
            throw new IllegalStateException("the sentence model did not load");
        }
        for (double margin : new double[] {0.0, 0.05, 0.1, 0.2}) {
            for (double t : new double[] {0.55, 0.6, 0.65, 0.7, 0.8}) {
                report("m " + margin + " s " + t, set, new Grader(analysis, model, AnswerJudge.NONE, new Grader.Tuning(t, margin, 0.35, 0.7)));
            }
        }
    }

    static void report(String label, LabelledAnswers set, Grader grader) {
        Map<LabelledAnswers.Kind, Double> sum = new EnumMap<>(LabelledAnswers.Kind.class);
        int violations = 0;
        for (LabelledAnswers.Case c : set.cases()) {
            Map<LabelledAnswers.Kind, Double> share = new EnumMap<>(LabelledAnswers.Kind.class);
            c.answers().forEach((kind, text) -> share.put(kind, grader.grade(c.question(), text).share()));
            double model = share.get(LabelledAnswers.Kind.MODEL);
            share.forEach((kind, s) -> sum.merge(kind, model == 0 ? 0 : s / model, Double::sum));
            violations += GradingRules.broken(share).size();
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s", label));
        sum.forEach((kind, s) -> line.append(String.format(Locale.ROOT, " %s %.2f", kind.name().toLowerCase(Locale.ROOT), s / set.cases().size())));
        line.append("  broken rules: ").append(violations);
        System.out.println(line);
    }
}
