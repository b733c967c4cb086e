package dev.studybot.cli;

import dev.studybot.bank.ImportCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The {@code import --check} table: one line per file, then the total; exit 1 when a file misses its target. */
final class ImportCheckReport {
    private final PrintWriter out;
    private final PrintWriter err;

    ImportCheckReport(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int print(Path dir, List<ImportCheck.FileResult> results) {
        if (results.isEmpty()) {
            err.println("studybot: " + dir + ": no .md files to check");
            err.flush();
            return 1;
        }
        int width = Math.max(4, results.stream().mapToInt(r -> r.file().length()).max().orElse(4));
        out.println(String.format(Locale.ROOT, "%-" + width + "s  %-13s  %-13s  %-7s  %-13s  %s", "file", "questions", "answered",
                "samples", "not-questions", "result"));
        int met = 0;
        int questions = 0;
        int expectedQuestions = 0;
        int answered = 0;
        int expectedAnswered = 0;
        int samples = 0;
        int expectedSamples = 0;
        int taken = 0;
        for (ImportCheck.FileResult r : results) {
            met += r.ok() ? 1 : 0;
            questions += r.questions();
            answered += r.answered();
            samples += r.samplesFound().size();
            taken += r.notQuestionsTaken().size();
            String q = count(r.questions(), r.expected().map(ImportCheck.Expected::questions).map(String::valueOf).orElse("-"), r.questionsOk());
            String a = count(r.answered(), r.expected().map(e -> e.answeredRange().size() == 2
                    ? e.answeredRange().get(0) + "-" + e.answeredRange().get(1) : String.valueOf(e.answered())).orElse("-"), r.answeredOk());
            String s = r.expected().map(e -> r.samplesFound().size() + "/" + e.sampleQuestions().size()).orElse("-");
            String result = r.failure().map(f -> "FAIL " + f).orElse(r.ok() ? "ok" : "MISS");
            if (r.failure().isEmpty() && !r.notQuestionsTaken().isEmpty()) {
                result += " (took " + String.join("; ", r.notQuestionsTaken()) + ")";
            }
            out.println(String.format(Locale.ROOT, "%-" + width + "s  %-13s  %-13s  %-7s  %-13d  %s", r.file(), q, a, s,
                    r.notQuestionsTaken().size(), result));
            if (r.expected().isPresent()) {
                expectedQuestions += r.expected().get().questions();
                expectedAnswered += r.expected().get().answered();
                expectedSamples += r.expected().get().sampleQuestions().size();
            }
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%d files, %d meet their target: %d/%d questions, %d/%d answered, %d/%d samples, "
                + "%d not-questions taken", results.size(), met, questions, expectedQuestions, answered, expectedAnswered, samples,
                expectedSamples, taken));
        out.flush();
        return met == results.size() ? 0 : 1;
    }

    private static String count(int found, String expected, boolean ok) {
        return found + "/" + expected + (ok ? "" : " !");
    }
}
