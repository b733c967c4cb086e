package dev.studybot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.domain.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Imported questions as bank YAML: ids that do not move, and files the bank reader loads back. */
class BankYamlTest {
    private static final Path DIR = Path.of("src/test/resources/import");
    private final MarkdownImporter importer = new MarkdownImporter();

    private String yaml(String name) throws Exception {
        return BankYaml.write(BankYaml.files(importer.importFile(DIR.resolve(name))));
    }

    @Test
    void importingTheSameFileTwiceGivesTheSameIdsAndText() throws Exception {
        for (String name : List.of("numbered-bold.md", "numbered-answers.md", "sections-bullets.md", "levels-plain.md", "bold-qa.md")) {
            assertThat(yaml(name)).as(name).isEqualTo(yaml(name));
        }
    }

    @Test
    void idsComeFromTheQuestionSoEditingOrMovingOthersLeavesThemAlone() throws Exception {
        List<ImportedQuestion> qs = importer.importFile(DIR.resolve("levels-plain.md"));
        List<String> ids = ImportIds.assign(qs, java.util.Set.of());
        assertThat(ids).containsExactly("tensor", "shuffle-training-data-epochs", "purpose-validation-set",
                "parts-transformer-block-attention-feed", "youre-training-detector-rare-defects", "sqrt-scale-attention-scores");
        List<ImportedQuestion> edited = new ArrayList<>(qs);
        edited.remove(1);
        java.util.Collections.reverse(edited);
        edited.set(0, new ImportedQuestion("f", 1, "T", Optional.empty(), "Why is the square root of d_k used to scale scores?", "", List.of()));
        assertThat(ImportIds.assign(edited, java.util.Set.of()))
                .containsExactly("square-root-scale-scores", "youre-training-detector-rare-defects", "parts-transformer-block-attention-feed",
                        "purpose-validation-set", "tensor");
    }

    @Test
    void questionsThatGiveTheSameIdAreNumberedInOrder() {
        ImportedQuestion a = new ImportedQuestion("f", 1, "T", Optional.empty(), "What is dropout?", "", List.of());
        ImportedQuestion b = new ImportedQuestion("f", 2, "T", Optional.empty(), "Dropout: what is it?", "", List.of());
        assertThat(ImportIds.assign(List.of(a, b, a), java.util.Set.of())).containsExactly("dropout", "dropout-2", "dropout-3");
    }

    @Test
    void theYamlLoadsBackAsTheSameQuestionsTopicByTopic() throws Exception {
        for (String name : List.of("numbered-answers.md", "sections-bullets.md", "levels-plain.md", "bold-qa.md")) {
            List<ImportedQuestion> imported = importer.importFile(DIR.resolve(name));
            List<BankFile> files = BankYaml.files(imported);
            LoadedBank back = new BankReader().read(name + ".yaml", BankYaml.write(files));
            List<QuestionEntry> entries = files.stream().flatMap(f -> f.questions().stream()).toList();
            // questions without a level are reported (and skipped) by the reader, the rest come back whole
            List<QuestionEntry> leveled = entries.stream().filter(e -> e.level() != null).toList();
            assertThat(back.questions()).as(name).extracting(q -> q.question().id(), q -> q.question().text(), q -> q.question().answer())
                    .containsExactlyElementsOf(leveled.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.id(), e.question(),
                            e.answer() == null ? "" : e.answer())).toList());
            assertThat(back.problems()).as(name).hasSize(entries.size() - leveled.size())
                    .allMatch(p -> p.message().contains("has no level"));
            assertThat(back.files()).extracting(LoadedBank.TopicDeclaration::topic)
                    .containsExactlyElementsOf(files.stream().map(BankFile::topic).toList());
            assertThat(back.questions()).allMatch(q -> q.needsAnswer() == q.question().answer().isEmpty());
        }
    }

    @Test
    void draftKeyPointsAreMadeByTheAnswerTheyComeFrom() throws Exception {
        for (String name : List.of("numbered-answers.md", "bold-qa.md")) {
            for (ImportedQuestion q : importer.importFile(DIR.resolve(name))) {
                assertThat(q.keyPoints()).as(q.text()).allMatch(p -> new LuceneTextAnalysis().mentions(q.answer(), p)).hasSizeLessThanOrEqualTo(6);
            }
        }
    }

    @Test
    void theOutputLooksLikeTheHandWrittenBank(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String out = yaml("bold-qa.md");
        assertThat(out).startsWith("---\ntopic: Core Ideas\nquestions:\n  - id: validation-set\n    question: What is a validation set?\n"
                + "    answer: |\n      A validation set is data held out");
        assertThat(out).contains("    rubric:\n      - claim: Weight decay\n        weight: core\n        phrasings: [Weight decay]\n"
                + "      - claim: Dropout\n        weight: core\n        phrasings: [Dropout]\n");
        assertThat(out).contains("  - id: gpu-good\n    question: What is a GPU good at?\n    needs_answer: true\n");
        Path file = Files.writeString(tmp.resolve("tools.yaml"), out);
        assertThat(new BankReader().readFile(file).files()).hasSize(2);
        assertThat(BankYaml.files(importer.importFile(DIR.resolve("levels-plain.md"))).get(0).questions().get(0).level())
                .isEqualTo(Level.BASIC.label());
    }
}
