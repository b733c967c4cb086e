package dev.studybot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybot.support.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code studybot import} and {@code studybot validate} as a team runs them. */
class ImportCommandTest {
    private static final String FIXTURES = "src/test/resources/import/";

    @TempDir
    Path tmp;

    @Test
    void importPrintsBankYamlAndWritesItWithOut() throws Exception {
        Cli.Run printed = Cli.run("import", FIXTURES + "bold-qa.md");
        assertThat(printed.status()).isZero();
        assertThat(printed.out()).startsWith("---\ntopic: Core Ideas\n").contains("  - id: keras-pytorch-differ-pick\n");
        Path out = tmp.resolve("out.yaml");
        assertThat(Cli.run("import", "--out", out.toString(), FIXTURES + "bold-qa.md").out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(printed.out());
        assertThat(Cli.run("import", FIXTURES + "bold-qa.md").out()).isEqualTo(printed.out());
    }

    @Test
    void severalFilesMakeOneOutputWithUniqueIds() {
        Cli.Run both = Cli.run("import", FIXTURES + "levels-plain.md", FIXTURES + "levels-plain.md");
        assertThat(both.status()).isZero();
        assertThat(both.out()).contains("  - id: tensor\n", "  - id: tensor-2\n");
    }

    @Test
    void aFileThatIsNotAQuestionListFailsWithOneLineAndNoOutput() {
        Cli.Run r = Cli.run("import", FIXTURES + "bold-qa.md", FIXTURES + "not-a-list.md");
        assertThat(r.status()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("studybot: " + FIXTURES + "not-a-list.md: not a question list").hasLineCount(1);
        assertThat(Cli.run("import", tmp.resolve("missing.md").toString()).err()).contains("missing.md: cannot read");
    }

    @Test
    void againstTheBankTellsWhichQuestionCoversEachOrThatItIsNew() throws Exception {
        Cli.Run r = Cli.run("import", "--against", "questions", "--json", FIXTURES + "coverage.md");
        assertThat(r.status()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        List<String> rows = new ArrayList<>();
        for (JsonNode row : report) {
            assertThat(row.fieldNames()).toIterable().containsExactly("file", "line", "question", "match");
            rows.add(row.get("line").asInt() + " " + (row.get("match").isNull() ? "null" : row.get("match").asText()));
        }
        assertThat(rows).containsExactly("3 reg-dropout", "4 train-batch-vs-layer-norm", "5 attn-scaling-factor",
                "6 eval-precision-recall-f1", "7 null", "8 null");
        assertThat(report.get(0).get("file").asText()).isEqualTo(FIXTURES + "coverage.md");
        assertThat(report.get(0).get("question").asText()).isEqualTo("Why does dropout help a network generalise?");
    }

    @Test
    void theTextReportEndsWithASummaryAndOutKeepsTheNewQuestions() throws Exception {
        Path fresh = tmp.resolve("new.yaml");
        Cli.Run r = Cli.run("import", "--against", "questions", "--out", fresh.toString(), FIXTURES + "coverage.md");
        assertThat(r.out()).contains(FIXTURES + "coverage.md:3: reg-dropout  Why does dropout help a network generalise?\n",
                FIXTURES + "coverage.md:7: new  How does a Kalman filter estimate the state of a moving object?\n");
        assertThat(r.out().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("6 questions in 1 file: 4 covered by 4 bank questions, 2 new");
        assertThat(Files.readString(fresh)).contains("Kalman", "CAP theorem").doesNotContain("dropout");
    }

    @Test
    void questionsTheBankDoesNotCoverAreAllNew() throws Exception {
        Cli.Run r = Cli.run("import", "--against", "questions", "--json", FIXTURES + "uncovered.md");
        assertThat(r.status()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report).hasSize(20);
        for (JsonNode row : report) {
            assertThat(row.get("match").isNull()).as(row.get("question").asText()).isTrue();
        }
    }

    @Test
    void checkComparesEveryListInAFolderWithItsExpectedCounts() {
        Cli.Run r = Cli.run("import", "--check", FIXTURES + "styles");
        assertThat(r.status()).as(r.out()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("file").contains("questions", "answered", "samples", "not-questions");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("multiple-choice.md").contains("3/3", "1/1").endsWith("ok"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("hints-empty-items.md").contains("7/7", "0/0-3"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("15 files, 15 meet their target: 75/75 questions, 33/33 answered, "
                + "28/28 samples, 0 not-questions taken");
    }

    @Test
    void checkFailsWhenAFileMissesItsCountsOrTakesALineThatIsNotAQuestion() throws Exception {
        Files.copy(Path.of(FIXTURES + "styles/bold-emoji.md"), tmp.resolve("bold-emoji.md"));
        Files.copy(Path.of(FIXTURES + "styles/compact-headings.md"), tmp.resolve("compact-headings.md"));
        Files.writeString(tmp.resolve("EXPECTED.json"), """
                {"bold-emoji.md": {"questions": 9, "answered": 3, "not_questions": ["What is NDCG?"],
                                   "sample_questions": ["What is seasonality?", "What is a Kalman filter?"]},
                 "compact-headings.md": {"questions": 4, "answered": 4}}
                """);
        Cli.Run r = Cli.run("import", "--check", tmp.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("5/9 !", "1/2", "MISS (took What is NDCG?)")
                .containsPattern("compact-headings.md +4/4 +4/4 .* ok\\n")
                .contains("2 files, 1 meet their target");
    }

    @Test
    void halfAListImportsItsQuestionsAndNamesEachSkippedLine() throws Exception {
        Path half = Files.writeString(tmp.resolve("half.md"), String.join("\n",
                "## Kernels",
                "",
                "1. What is a kernel?",
                "2. Why is the RBF kernel universal?",
                "3. ",
                "4. What does the bandwidth control?",
                "",
                "The rest of this file was lost when it was pasted.",
                ""));
        Cli.Run r = Cli.run("import", half.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("question: What is a kernel?", "question: What does the bandwidth control?");
        assertThat(r.err()).isEqualTo("studybot: " + half + ":5: an empty list item (skipped)\n"
                + "studybot: " + half + ":8: neither a question nor under one (skipped)\n");
    }

    @Test
    void jsonNeedsABankToCompareWith() {
        Cli.Run r = Cli.run("import", "--json", FIXTURES + "coverage.md");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--json goes with --against");
    }

    @Test
    void validateReportsEveryProblemAsFileLineAndFails() throws Exception {
        Files.writeString(tmp.resolve("t.yaml"), String.join("\n", "topic: T", "questions:",
                "  - id: a", "    question: What is a?", "    level: basic",
                "  - id: a", "    question: What is b?", "    level: hard", ""));
        Cli.Run r = Cli.run("validate", tmp.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains(tmp.resolve("t.yaml") + ":3: question 'a' has no answer\n",
                tmp.resolve("t.yaml") + ":6: question 'a' has unknown level 'hard' (use basic, intermediate or advanced)\n");
        assertThat(r.out()).endsWith("1 questions, 2 problems\n");
        Cli.Run clean = Cli.run("validate", "questions");
        assertThat(clean.status()).isZero();
        assertThat(clean.out()).endsWith(" questions, 0 problems\n");
    }
}
