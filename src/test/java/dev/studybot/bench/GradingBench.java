package dev.studybot.bench;

import dev.studybot.app.Grader;
import dev.studybot.bank.BankReader;
import dev.studybot.domain.Question;
import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.grading.MiniLmSentenceSimilarity;
import dev.studybot.port.out.AnswerJudge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Grading latency per answer, by words alone and with the sentence model: p50 and p99 over every
 * bank question graded with its own model answer and with a short answer, 20 rounds after a
 * warm-up; and what loading the model costs in time and resident memory. Run:
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.studybot.bench.GradingBench}
 */
public final class GradingBench {
    private static final int ROUNDS = 20;

    private GradingBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Question> bank = new BankReader().readFolder(Path.of("questions")).models();
        LuceneTextAnalysis analysis = new LuceneTextAnalysis();
        measure("words only", new Grader(analysis), bank);
        long before = rssKb();
        long t0 = System.nanoTime();
        MiniLmSentenceSimilarity model = new MiniLmSentenceSimilarity();
        if (!model.awaitReady(Duration.ofMinutes(2))) {
            throw new IllegalStateException("the sentence model did not load");
        }
        System.out.printf("sentence model: loaded in %.0f ms, resident memory +%d MB%n", (System.nanoTime() - t0) / 1e6, (rssKb() - before) / 1024);
        measure("with the sentence model", new Grader(analysis, model, AnswerJudge.NONE, Grader.Tuning.DEFAULT), bank);
    }

    private static void measure(String label, Grader grader, List<Question> bank) {
        List<String> shortAnswer = List.of("It makes the network generalise better by changing how it learns, mostly during training.");
        for (Question q : bank) {
            grader.grade(q, q.answer());
        }
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Question q : bank) {
                for (String answer : List.of(q.answer(), shortAnswer.get(0))) {
                    long t = System.nanoTime();
                    grader.grade(q, answer);
                    nanos.add(System.nanoTime() - t);
                }
            }
        }
        Collections.sort(nanos);
        System.out.printf("%s: %d answers, p50 %.2f ms, p99 %.2f ms%n", label, nanos.size(),
                nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) (nanos.size() * 0.99)) / 1e6);
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
