package dev.studybot.bank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Imports every {@code .md} file of a folder and compares each with the hand counts in the
 * folder's {@code EXPECTED.json}, when there is one: questions and answered within 10% (or the
 * answered range given), every sample question found, no line that is not a question taken as one.
 */
public final class ImportCheck {
    /** How far a count may be from the hand count, as a share of it. */
    public static final double TOLERANCE = 0.10;
    public static final String EXPECTED_FILE = "EXPECTED.json";

    private final MarkdownImporter importer;

    public ImportCheck(MarkdownImporter importer) {
        this.importer = importer;
    }

    /** One file's hand counts, as EXPECTED.json gives them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Expected(int questions, int answered, @JsonProperty("answered_range") List<Integer> answeredRange,
                           @JsonProperty("not_questions") List<String> notQuestions,
                           @JsonProperty("sample_questions") List<String> sampleQuestions) {
        public Expected {
            answeredRange = answeredRange == null ? List.of() : List.copyOf(answeredRange);
            notQuestions = notQuestions == null ? List.of() : List.copyOf(notQuestions);
            sampleQuestions = sampleQuestions == null ? List.of() : List.copyOf(sampleQuestions);
        }
    }

    /**
     * One file's outcome: what it gave (or why it gave nothing), what was expected of it, the
     * samples it found and the lines that are not questions it took as questions.
     */
    public record FileResult(String file, int questions, int answered, int skipped, Optional<String> failure,
                             Optional<Expected> expected, List<String> samplesFound, List<String> notQuestionsTaken,
                             long nanos) {
        public FileResult {
            samplesFound = List.copyOf(samplesFound);
            notQuestionsTaken = List.copyOf(notQuestionsTaken);
        }

        public boolean questionsOk() {
            return expected.map(e -> near(questions, e.questions())).orElse(true);
        }

        public boolean answeredOk() {
            return expected.map(e -> near(answered, e.answered())
                    || e.answeredRange().size() == 2 && answered >= e.answeredRange().get(0) && answered <= e.answeredRange().get(1))
                    .orElse(true);
        }

        public boolean samplesOk() {
            return expected.map(e -> samplesFound.size() == e.sampleQuestions().size()).orElse(true);
        }

        /** Whether the file meets its target: counts near the hand counts, every sample, no non-question; a file without hand counts has none. */
        public boolean ok() {
            return expected.isEmpty() || failure.isEmpty() && questionsOk() && answeredOk() && samplesOk() && notQuestionsTaken.isEmpty();
        }

        private static boolean near(int found, int wanted) {
            return Math.abs(found - wanted) <= TOLERANCE * wanted;
        }
    }

    public List<FileResult> run(Path dir) throws IOException {
        Map<String, Expected> expected = Map.of();
        Path json = dir.resolve(EXPECTED_FILE);
        if (Files.isRegularFile(json)) {
            expected = new ObjectMapper().readValue(json.toFile(), new TypeReference<Map<String, Expected>>() { });
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        List<FileResult> out = new ArrayList<>();
        for (Path file : files) {
            out.add(check(file, Optional.ofNullable(expected.get(file.getFileName().toString()))));
        }
        return out;
    }

    private FileResult check(Path file, Optional<Expected> expected) {
        String name = file.getFileName().toString();
        long start = System.nanoTime();
        ImportedList list;
        try {
            list = importer.read(file);
        } catch (ImportException e) {
            return new FileResult(name, 0, 0, 0, Optional.of(e.getMessage()), expected, List.of(), List.of(), System.nanoTime() - start);
        }
        long nanos = System.nanoTime() - start;
        List<String> texts = list.questions().stream().map(q -> normal(q.text())).toList();
        List<String> found = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        expected.ifPresent(e -> {
            e.sampleQuestions().stream().filter(s -> texts.stream().anyMatch(t -> t.contains(normal(s)))).forEach(found::add);
            e.notQuestions().stream().filter(n -> texts.stream().anyMatch(t -> taken(t, n))).forEach(taken::add);
        });
        int answered = (int) list.questions().stream().filter(q -> !q.needsAnswer()).count();
        return new FileResult(name, list.questions().size(), answered, list.skipped().size(), Optional.empty(), expected,
                found, taken, nanos);
    }

    /** Whether a question is the line that is not one: the same words, or (for a line that asks) those words and what followed them. */
    private static boolean taken(String question, String notQuestion) {
        String n = normal(notQuestion);
        return question.equals(n) || notQuestion.strip().endsWith("?") && question.startsWith(n + " ");
    }

    /** Text compared without case, markup or punctuation. */
    static String normal(String text) {
        return QuestionShape.plain(text).toLowerCase(Locale.ROOT).replace('’', '\'')
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
