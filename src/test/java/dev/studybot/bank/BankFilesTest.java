package dev.studybot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the folder again, file by file: what a broken file keeps, and how ids that leave stay reachable. */
class BankFilesTest {
    @TempDir
    Path dir;

    private static String file(String topic, String id, String text) {
        return String.join("\n", "topic: " + topic, "questions:", "  - id: " + id, "    question: " + text, "    level: basic",
                "    answer: It shifts the activation.", "    key_points:", "      - [shifts the activation]", "");
    }

    @Test
    void aBrokenFileKeepsTheVersionLastTakenAndANewBrokenFileLoadsWhatPasses() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), file("A", "a-one", "Why a bias?"));
        BankFiles files = new BankFiles(new BankReader(), dir);
        files.take(files.read());

        Files.writeString(dir.resolve("a.yaml"), file("A", "a-one", "Why a bias, now?").replace("level: basic", "level: huge"));
        Files.writeString(dir.resolve("b.yaml"), file("B", "b-one", "Why b?") + file("B", "b-two", "Why b two?")
                .replace("topic: B\nquestions:\n", "").replace("level: basic", "level: huge"));
        BankFiles.Reading reading = files.read();
        assertThat(reading.kept()).containsExactly(dir.resolve("a.yaml").toString());
        assertThat(reading.bank().problems()).extracting(Problem::toString).containsExactly(
                dir.resolve("a.yaml") + ":3: question 'a-one' has unknown level 'huge' (use basic, intermediate or advanced)",
                dir.resolve("b.yaml") + ":9: question 'b-two' has unknown level 'huge' (use basic, intermediate or advanced)");
        assertThat(reading.bank().models()).extracting(Question::id, Question::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a-one", "Why a bias?"), org.assertj.core.groups.Tuple.tuple("b-one", "Why b?"));
    }

    @Test
    void aNewVersionThatTakesAnotherFilesIdKeepsItsLastVersion() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), file("A", "a-one", "Why a?"));
        Files.writeString(dir.resolve("b.yaml"), file("B", "b-one", "Why b?"));
        BankFiles files = new BankFiles(new BankReader(), dir);
        files.take(files.read());

        Files.writeString(dir.resolve("b.yaml"), file("B", "a-one", "Why b again?"));
        BankFiles.Reading reading = files.read();
        assertThat(reading.kept()).containsExactly(dir.resolve("b.yaml").toString());
        assertThat(reading.bank().problems()).extracting(Problem::message).singleElement().asString().startsWith("duplicate id 'a-one'");
        assertThat(reading.bank().models()).extracting(Question::id).containsExactly("a-one", "b-one");
    }

    @Test
    void aRetiredIdIsStillFoundByIdButNoLongerListedAndComesBackWhenItReturns() {
        Question one = new Question("q-one", "T", dev.studybot.domain.Level.BASIC, "One?", "", List.of(), List.of());
        Question two = new Question("q-two", "T", dev.studybot.domain.Level.BASIC, "Two?", "", List.of(), List.of());
        LiveQuestionBank bank = new LiveQuestionBank(List.of(one, two));
        LiveQuestionBank.Change change = bank.replace(List.of(two));
        assertThat(change.removed()).containsExactly("q-one");
        assertThat(bank.all()).containsExactly(two);
        assertThat(bank.byId("Q-ONE")).contains(one);
        assertThat(bank.topics()).singleElement().extracting(t -> t.total()).isEqualTo(1);
        assertThat(bank.replace(List.of(one, two)).added()).containsExactly("q-one");
        assertThat(bank.all()).containsExactly(one, two);
    }
}
