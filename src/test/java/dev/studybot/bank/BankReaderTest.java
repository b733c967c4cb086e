package dev.studybot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankReaderTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenFileIsReportedWithItsLineAndTheRestLoads() throws IOException {
        Files.copy(Path.of("src/test/resources/bank/fundamentals.yaml"), dir.resolve("fundamentals.yaml"));
        Files.writeString(dir.resolve("broken.yaml"), "topic: Broken\nquestions:\n  - id: b1\n    question: [unclosed\n    level: basic\n");
        LoadedBank bank = new BankReader().readFolder(dir);
        assertThat(bank.questions()).hasSize(3);
        assertThat(bank.problems()).hasSize(1);
        assertThat(bank.problems().get(0).toString()).startsWith(dir.resolve("broken.yaml") + ":").contains("YAML syntax");
        assertThat(bank.problems().get(0).line()).isBetween(4, 6);
    }

    @Test
    void badQuestionsAreSkippedWithTheirLines() throws IOException {
        Files.writeString(dir.resolve("t.yaml"), String.join("\n",
                "topic: T",
                "questions:",
                "  - id: ok",
                "    question: Fine?",
                "    level: basic",
                "    answer: yes",
                "  - id: bad-level",
                "    question: Hard?",
                "    level: expert",
                "  - question: No id?",
                "    level: basic",
                "  - id: ok",
                "    question: Again?",
                "    level: basic",
                ""));
        LoadedBank bank = new BankReader().readFolder(dir);
        assertThat(bank.questions()).extracting(q -> q.question().id()).containsExactly("ok");
        assertThat(bank.problems()).extracting(Problem::toString).containsExactly(
                dir.resolve("t.yaml") + ":7: question 'bad-level' has unknown level 'expert' (use basic, intermediate or advanced)",
                dir.resolve("t.yaml") + ":10: question without an 'id'",
                dir.resolve("t.yaml") + ":12: duplicate id 'ok' (first at " + dir.resolve("t.yaml") + ":3); this one is skipped");
    }

    @Test
    void theTestBankLoadsClean() {
        LoadedBank bank = new BankReader().readFolder(Path.of("src/test/resources/bank"));
        assertThat(bank.problems()).isEmpty();
        assertThat(bank.questions()).hasSize(8);
    }
}
