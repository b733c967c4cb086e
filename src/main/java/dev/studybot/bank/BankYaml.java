package dev.studybot.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Writes bank files the way the team writes them by hand: plain scalars where YAML allows,
 * answers as literal blocks, key points as one flow list per point. Several topics make several
 * YAML documents in one stream ({@link BankReader} reads them all).
 */
public final class BankYaml {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}(][^:#\\[\\]{}\"'`|>&*!%@\\\\]*");
    private static final Pattern PLAIN_IN_FLOW = Pattern.compile("[\\p{L}\\p{N}(][^:#\\[\\]{},\"'`|>&*!%@\\\\]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

    private BankYaml() {
    }

    /** Imported questions grouped by topic in the order topics first appear, with stable ids. */
    public static List<BankFile> files(List<ImportedQuestion> questions) {
        return files(questions, q -> true);
    }

    /** The same, keeping only some questions; ids are those of the whole import. */
    public static List<BankFile> files(List<ImportedQuestion> questions, Predicate<ImportedQuestion> keep) {
        return files(questions, keep, Set.of());
    }

    /** The same, with ids that avoid {@code taken}. */
    static List<BankFile> files(List<ImportedQuestion> questions, Predicate<ImportedQuestion> keep, Set<String> taken) {
        List<String> ids = ImportIds.assign(questions, taken);
        Map<String, List<QuestionEntry>> byTopic = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            ImportedQuestion q = questions.get(i);
            if (!keep.test(q)) {
                continue;
            }
            // each drafted point becomes a core claim with its own words as the one phrasing, to be reworded and weighed by a person
            List<RubricEntry> rubric = q.keyPoints().stream()
                    .map(k -> new RubricEntry(k, null, "core", List.of(k), List.of())).toList();
            List<String> options = q.choices().isEmpty() ? null : q.choices().stream().map(ImportedQuestion.Choice::text).toList();
            byTopic.computeIfAbsent(q.topic(), t -> new ArrayList<>()).add(new QuestionEntry(ids.get(i), q.text(),
                    q.level().map(l -> l.label()).orElse(null), options, q.answer().isBlank() ? null : q.answer(),
                    rubric.isEmpty() ? null : rubric, null, List.of(), q.needsAnswer() ? Boolean.TRUE : null));
        }
        List<BankFile> files = new ArrayList<>();
        byTopic.forEach((topic, entries) -> files.add(new BankFile(topic, entries)));
        return files;
    }

    public static String write(List<BankFile> files) {
        StringBuilder y = new StringBuilder();
        for (BankFile file : files) {
            if (files.size() > 1) {
                y.append("---\n");
            }
            y.append("topic: ").append(scalar(file.topic(), PLAIN)).append('\n');
            y.append("questions:\n");
            for (QuestionEntry q : file.questions()) {
                y.append("  - id: ").append(scalar(q.id(), PLAIN)).append('\n');
                y.append("    question: ").append(scalar(q.question(), PLAIN)).append('\n');
                if (q.level() != null) {
                    y.append("    level: ").append(q.level()).append('\n');
                }
                if (q.options() != null && !q.options().isEmpty()) {
                    // a multiple-choice question's options; its answer is the right one
                    y.append("    options:\n");
                    for (String option : q.options()) {
                        y.append("      - ").append(scalar(option, PLAIN)).append('\n');
                    }
                }
                if (q.answer() != null && !q.answer().isBlank()) {
                    y.append("    answer: |\n");
                    for (String line : q.answer().strip().split("\n", -1)) {
                        y.append(line.isBlank() ? "" : "      " + line.stripTrailing()).append('\n');
                    }
                }
                if (q.rubric() != null && !q.rubric().isEmpty()) {
                    y.append("    rubric:\n");
                    for (RubricEntry claim : q.rubric()) {
                        y.append("      - claim: ").append(scalar(claim.claim(), PLAIN)).append('\n');
                        if (claim.subject() != null) {
                            y.append("        subject: ").append(scalar(claim.subject(), PLAIN)).append('\n');
                        }
                        y.append("        weight: ").append(claim.weight() == null ? "core" : claim.weight()).append('\n');
                        y.append("        phrasings: ").append(flow(claim.phrasings())).append('\n');
                        if (claim.misconceptions() != null && !claim.misconceptions().isEmpty()) {
                            y.append("        misconceptions: ").append(flow(claim.misconceptions())).append('\n');
                        }
                    }
                }
                if (q.keyPoints() != null && !q.keyPoints().isEmpty()) {
                    y.append("    key_points:\n");
                    for (List<String> point : q.keyPoints()) {
                        y.append("      - ").append(flow(point)).append('\n');
                    }
                }
                if (q.tags() != null && !q.tags().isEmpty()) {
                    y.append("    tags: ").append(flow(q.tags())).append('\n');
                }
                if (Boolean.TRUE.equals(q.needsAnswer())) {
                    y.append("    needs_answer: true\n");
                }
                y.append('\n');
            }
        }
        return y.toString().stripTrailing() + "\n";
    }

    private static String flow(List<String> items) {
        return "[" + String.join(", ", items.stream().map(s -> scalar(s, PLAIN_IN_FLOW)).toList()) + "]";
    }

    /** A plain scalar when it reads back as the same string, else a double-quoted one (JSON's quoting is YAML's). */
    private static String scalar(String s, Pattern plain) {
        boolean safe = plain.matcher(s).matches() && s.equals(s.strip()) && !s.contains(" #") && !s.contains(": ")
                && !RESERVED.contains(s.toLowerCase(Locale.ROOT)) && !s.matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?");
        if (safe) {
            return s;
        }
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
