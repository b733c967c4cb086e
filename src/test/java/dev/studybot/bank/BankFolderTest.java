package dev.studybot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bot loads at start and on reload: several topics per file, the topic list, broken files skipped. */
class BankFolderTest {
    @TempDir
    Path dir;

    private static final String GOOD = String.join("\n", "topic: Fundamentals", "questions:",
            "  - id: fund-bias", "    question: Why do networks need a bias term?", "    level: basic",
            "    answer: It shifts the activation.", "    key_points:", "      - [shifts the activation]", "");

    @Test
    void aFileMayHoldSeveralTopicsAsYamlDocuments() throws IOException {
        Files.writeString(dir.resolve("two.yaml"), "---\n" + GOOD + "---\n" + GOOD.replace("Fundamentals", "Extra").replace("fund-bias", "x-bias"));
        LoadedBank bank = new BankReader().readFolder(dir);
        assertThat(bank.problems()).isEmpty();
        assertThat(bank.questions()).extracting(q -> q.question().topic() + "/" + q.question().id() + "@" + q.line())
                .containsExactly("Fundamentals/fund-bias@4", "Extra/x-bias@13");
        assertThat(bank.files()).extracting(LoadedBank.TopicDeclaration::line).containsExactly(2, 11);
    }

    @Test
    void theTopicListIsNotAQuestionFile() throws IOException {
        Files.writeString(dir.resolve("fundamentals.yaml"), GOOD);
        Files.writeString(dir.resolve(BankReader.TOPICS_FILE), "topics:\n  - Fundamentals\n");
        LoadedBank bank = new BankReader().readFolder(dir);
        assertThat(bank.problems()).isEmpty();
        assertThat(bank.knownTopics()).contains(List.of("Fundamentals"));
        assertThat(bank.models()).hasSize(1);
    }

    @Test
    void aBrokenFileIsReportedAndSkippedWhileTheRestLoads() throws IOException {
        Files.writeString(dir.resolve("fundamentals.yaml"), GOOD);
        Files.writeString(dir.resolve("broken.yaml"), "topic: Broken\nquestions:\n  - id: b1\n    question: [unclosed\n    level: basic\n");
        Files.writeString(dir.resolve("wrong.yaml"), "topic: Wrong\nquestions:\n  - id: w1\n    question: {a: 1}\n    level: basic\n");
        LoadedBank bank = new BankReader().readFolder(dir);
        assertThat(bank.models()).extracting(q -> q.id()).containsExactly("fund-bias");
        assertThat(bank.problems()).extracting(Problem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith(dir.resolve("broken.yaml") + ":").contains("YAML syntax"),
                p -> assertThat(p).startsWith(dir.resolve("wrong.yaml") + ":3: question not readable"));
    }

    @Test
    void keyPointsWrittenAsAFlatListAreOnePhrasingEach() throws IOException {
        Files.writeString(dir.resolve("f.yaml"), GOOD.replace("      - [shifts the activation]", "      - shifts the activation\n      - [offset, intercept]"));
        LoadedBank bank = new BankReader().readFolder(dir);
        assertThat(bank.problems()).isEmpty();
        assertThat(bank.models().get(0).keyPoints()).extracting(k -> k.phrasings())
                .containsExactly(List.of("shifts the activation"), List.of("offset", "intercept"));
        assertThat(bank.questions().get(0).lines().keyPoints()).containsExactly(8, 9);
        assertThat(bank.questions().get(0).lines().field("answer")).isEqualTo(6);
    }
}
