package dev.studybot.bank;

import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import dev.studybot.port.out.QuestionCodec;
import dev.studybot.port.out.TextAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Questions as bank YAML: read by {@link BankReader} and checked by {@link BankValidator}, exactly
 * as a file in the question folder is, and written by {@link BankYaml}, so what a team writes in
 * chat and what it exports load the same way a question file does.
 */
public final class BankCodec implements QuestionCodec {
    private final BankReader reader = new BankReader();
    private final BankValidator validator;

    public BankCodec(TextAnalysis analysis) {
        this.validator = new BankValidator(analysis);
    }

    @Override
    public Decoded decode(String name, String yaml) {
        LoadedBank loaded = reader.read(name, yaml);
        List<String> problems = validator.validate(loaded).stream().map(Problem::toString).toList();
        return new Decoded(loaded.models(), problems);
    }

    @Override
    public List<Question> read(String name, String yaml) {
        return reader.read(name, yaml).models();
    }

    @Override
    public String encode(List<Question> questions) {
        Map<String, List<QuestionEntry>> byTopic = new LinkedHashMap<>();
        for (Question q : questions) {
            List<RubricEntry> rubric = new ArrayList<>();
            for (KeyPoint k : q.keyPoints()) {
                rubric.add(new RubricEntry(k.claim(), k.subject().equals(k.phrasings().get(0)) ? null : k.subject(),
                        k.weight().name().toLowerCase(Locale.ROOT), k.phrasings(), k.misconceptions()));
            }
            byTopic.computeIfAbsent(q.topic(), t -> new ArrayList<>()).add(new QuestionEntry(q.id(), q.text(), q.level().label(), null,
                    q.answer().isBlank() ? null : q.answer(), rubric.isEmpty() ? null : rubric, null, q.tags(), null));
        }
        List<BankFile> files = new ArrayList<>();
        byTopic.forEach((topic, entries) -> files.add(new BankFile(topic, entries)));
        return BankYaml.write(files);
    }
}
