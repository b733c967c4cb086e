package dev.studybot.bench;

import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.bank.BankCodec;
import dev.studybot.bank.BankReader;
import dev.studybot.bank.ChatImporter;
import dev.studybot.domain.ImportReport;
import dev.studybot.domain.Question;
import dev.studybot.port.out.ListImporter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How long {@code /study bank import} takes to check a list against the built-in bank, by the list's
 * size up to the 1 MB limit: lists of numbered bold questions with answers (each question made
 * distinct by its number and subject), each checked 5 times after 2 warm-up runs; the median and the
 * slowest, and what the report found.
 */
public final class ChatImportBench {
    private static final int WARM_UP = 2;
    private static final int RUNS = 5;
    private static final String[] SUBJECTS = {"dropout", "attention heads", "batch size", "weight decay", "tokenizers", "beam search",
        "gradient clipping", "label smoothing", "residual connections", "layer norm", "learning rate schedules", "early stopping"};

    public static void main(String[] args) {
        List<Question> bank = new BankReader().readBuiltIn().models();
        LuceneTextAnalysis text = new LuceneTextAnalysis();
        ChatImporter importer = new ChatImporter(text, new BankCodec(text));
        for (int kb : new int[] {10, 100, 500, 1000}) {
            String list = list(kb * 1024);
            double[] times = new double[RUNS];
            ListImporter.Imported imported = null;
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                long t0 = System.nanoTime();
                imported = importer.read("list.md", list, bank, Set.of());
                if (run >= WARM_UP) {
                    times[run - WARM_UP] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Arrays.sort(times);
            ListImporter.Imported found = imported;
            System.out.printf(Locale.ROOT, "%5d KB %5d questions: median %8.1f ms, max %8.1f ms (%d new, %d near, %d covered, %d problems)%n",
                    list.getBytes(StandardCharsets.UTF_8).length / 1024, found.entries().size(), times[RUNS / 2], times[RUNS - 1],
                    count(found, ImportReport.Kind.NEW), count(found, ImportReport.Kind.NEAR), count(found, ImportReport.Kind.COVERED),
                    count(found, ImportReport.Kind.PROBLEM));
        }
    }

    private static long count(ListImporter.Imported imported, ImportReport.Kind kind) {
        return imported.entries().stream().filter(e -> e.kind() == kind).count();
    }

    private static String list(int bytes) {
        StringBuilder out = new StringBuilder("### Team list\n\n");
        List<String> words = new ArrayList<>(List.of("project", "team", "release", "sprint", "service", "pipeline", "dashboard", "cluster"));
        for (int n = 1; out.length() < bytes; n++) {
            String subject = SUBJECTS[n % SUBJECTS.length];
            String place = words.get(n % words.size()) + " " + n;
            out.append("**").append(n).append(". How did ").append(subject).append(" behave in ").append(place).append("?**\n")
                    .append("In ").append(place).append(" it moved the **validation loss** of run ").append(n)
                    .append(" and gave **noisier estimates** early on.\n\n");
        }
        return out.toString();
    }
}
