package dev.studybot.bench;

import dev.studybot.bank.MarkdownImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How long reading a Markdown list takes, warm: each {@code .md} file of the folder given
 * (default the import fixtures) read 50 times after 50 warm-up reads; the median and the
 * slowest of the measured reads, per file.
 */
public final class ImportBench {
    private static final int WARM_UP = 50;
    private static final int RUNS = 50;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/import");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        MarkdownImporter importer = new MarkdownImporter();
        for (Path file : files) {
            List<Double> times = new ArrayList<>();
            int questions = 0;
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                long t0 = System.nanoTime();
                try {
                    questions = importer.importFile(file).size();
                } catch (dev.studybot.bank.ImportException e) {
                    questions = 0;
                }
                if (run >= WARM_UP) {
                    times.add((System.nanoTime() - t0) / 1e6);
                }
            }
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-64s %7d bytes %4d questions  median %6.2f ms  max %6.2f ms%n", file.getFileName(),
                    Files.size(file), questions, sorted[sorted.length / 2], Arrays.stream(sorted).max().orElse(0));
        }
    }
}
