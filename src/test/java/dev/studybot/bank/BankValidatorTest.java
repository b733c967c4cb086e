package dev.studybot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.analysis.LuceneTextAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each problem the validator reports, at the line to fix; and the shipped bank has none. */
class BankValidatorTest {
    @TempDir
    Path dir;

    private static final String DROPOUT = String.join("\n",
            "  - id: reg-dropout",
            "    question: What is dropout, and why does it reduce overfitting?",
            "    level: basic",
            "    answer: |",
            "      Dropout randomly zeroes activations, a fraction p of them on each training step, so units cannot",
            "      rely on specific neurons; the network behaves like an ensemble of thinned networks. At inference",
            "      nothing is dropped and the activations are scaled instead (inverted dropout scales during training).",
            "    key_points:",
            "      - [randomly zeroes activations, drops units]",
            "      - [cannot rely on specific neurons, co-adaptation]",
            "      - [ensemble]",
            "    tags: [dropout, regularization]",
            "");

    private List<String> validate() {
        return new BankValidator(new LuceneTextAnalysis()).validate(new BankReader().readFolder(dir)).stream().map(Problem::toString).toList();
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private String at(String file, int line) {
        return dir.resolve(file) + ":" + line + ": ";
    }

    @Test
    void theShippedBankValidatesClean() {
        LoadedBank bank = new BankReader().readFolder(Path.of("questions"));
        assertThat(new BankValidator(new LuceneTextAnalysis()).validate(bank)).isEmpty();
        assertThat(bank.questions()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(bank.knownTopics()).isPresent();
    }

    @Test
    void aCleanFileHasNoProblems() throws IOException {
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT);
        assertThat(validate()).isEmpty();
    }

    @Test
    void yamlSyntaxErrorsAreReportedWithTheirLine() throws IOException {
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT);
        write("broken.yaml", "topic: Broken", "questions:", "  - id: b1", "    question: [unclosed", "    level: basic");
        assertThat(validate()).singleElement().asString().startsWith(dir.resolve("broken.yaml") + ":").contains("YAML syntax");
    }

    @Test
    void duplicateIdsAreReported() throws IOException {
        write("a.yaml", "topic: Regularization", "questions:", DROPOUT);
        write("b.yaml", "topic: Regularization", "questions:", DROPOUT.replace("What is dropout, and why", "How does dropout work, and why is it"));
        assertThat(validate()).containsExactly(at("b.yaml", 3) + "duplicate id 'reg-dropout' (first at " + dir.resolve("a.yaml") + ":3); this one is skipped");
    }

    @Test
    void theSameQuestionTwiceIsReported() throws IOException {
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT, DROPOUT.replace("id: reg-dropout", "id: reg-dropout-again")
                .replace("What is dropout, and why", "what is Dropout and why"));
        assertThat(validate()).containsExactly(at("reg.yaml", 16) + "question 'reg-dropout-again' repeats question 'reg-dropout' ("
                + dir.resolve("reg.yaml") + ":3)");
    }

    @Test
    void aQuestionAskedAgainInOtherWordsIsReported() throws IOException {
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT, String.join("\n",
                "  - id: reg-what-is-dropout",
                "    question: Explain the concept of dropout and how it reduces overfitting.",
                "    level: basic",
                "    answer: |",
                "      During training dropout randomly zeroes activations, a different random subset of neurons each step,",
                "      which stops co-adaptation: no unit can rely on specific neurons. The result acts like an ensemble",
                "      of many thinned networks sharing weights; at inference all units are kept and scaled.",
                "    key_points:",
                "      - [randomly zeroes activations]",
                "      - [co-adaptation]",
                "      - [ensemble]",
                ""));
        assertThat(validate()).singleElement().asString()
                .startsWith(at("reg.yaml", 16) + "question 'reg-what-is-dropout' asks what 'reg-dropout' asks (" + dir.resolve("reg.yaml") + ":3;")
                .endsWith("merge them into one");
    }

    @Test
    void questionsOnOneSubjectThatAskDifferentThingsAreNotDuplicates() throws IOException {
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT, String.join("\n",
                "  - id: reg-dropout-rate",
                "    question: How do you choose the dropout rate, and where in a network do you put dropout?",
                "    level: intermediate",
                "    answer: |",
                "      Typical rates are 0.1 to 0.5: higher for large fully connected layers, lower or none for convolutions",
                "      and for small models. Tune the rate on the validation set like any hyperparameter.",
                "    key_points:",
                "      - [0.1 to 0.5]",
                "      - [validation set]",
                ""));
        assertThat(validate()).isEmpty();
    }

    @Test
    void missingAnswersAndAnswersWithoutKeyPointsAreReported() throws IOException {
        write("reg.yaml", "topic: Regularization", "questions:",
                "  - id: reg-early-stopping",
                "    question: What is early stopping?",
                "    level: basic",
                "  - id: reg-l1",
                "    question: What does L1 regularization do to weights?",
                "    level: intermediate",
                "    answer: It pushes many weights to exactly zero.",
                "  - id: reg-mixup",
                "    question: What is mixup?",
                "    level: advanced",
                "    needs_answer: true");
        assertThat(validate()).containsExactly(
                at("reg.yaml", 3) + "question 'reg-early-stopping' has no answer",
                at("reg.yaml", 9) + "question 'reg-l1' has an answer but no key points",
                at("reg.yaml", 10) + "question 'reg-mixup' has no answer (marked needs_answer)");
    }

    @Test
    void aKeyPointTheAnswerDoesNotMakeIsReportedAtItsLine() throws IOException {
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT.replace("      - [ensemble]", "      - [ensembles, bagging]")
                .replace("      - [cannot rely on specific neurons, co-adaptation]", "      - [cannot rely on a specific neuron]"));
        // "ensembles" is "ensemble" to the grader, and "cannot rely on a specific neuron" matches "cannot rely on specific neurons"
        assertThat(validate()).isEmpty();
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT
                .replace("      - [cannot rely on specific neurons, co-adaptation]", "      - [rely on specific neurons]"));
        // the answer says units cannot rely on specific neurons: a phrasing that affirms it is not made there
        assertThat(validate()).containsExactly(at("reg.yaml", 12)
                + "question 'reg-dropout': key point [rely on specific neurons] does not occur in the answer (no phrasing of it does)");
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT.replace("      - [ensemble]", "      - [ensembles, bagging]"));
        assertThat(validate()).isEmpty();
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT.replace("      - [ensemble]", "      - [bag, model averaging]"));
        assertThat(validate()).containsExactly(at("reg.yaml", 13)
                + "question 'reg-dropout': key point [bag, model averaging] does not occur in the answer (no phrasing of it does)");
    }

    @Test
    void aKeyPointMatchingOnlyInsideAWordIsReported() throws IOException {
        // the grader never matches inside a word, so neither does the validator: "out" is not in "dropout"
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT.replace("      - [ensemble]", "      - [out]"));
        assertThat(validate()).singleElement().asString().startsWith(at("reg.yaml", 13) + "question 'reg-dropout': key point [out]");
    }

    @Test
    void anUnknownLevelIsReported() throws IOException {
        write("reg.yaml", "topic: Regularization", "questions:", DROPOUT.replace("level: basic", "level: expert"));
        assertThat(validate()).containsExactly(at("reg.yaml", 3) + "question 'reg-dropout' has unknown level 'expert' (use basic, intermediate or advanced)");
    }

    @Test
    void anUnknownTopicIsReportedWhenTheBankListsItsTopics() throws IOException {
        write("reg.yaml", "topic: Regularisation", "questions:", DROPOUT);
        assertThat(validate()).isEmpty();
        write(BankReader.TOPICS_FILE, "topics:", "  - Fundamentals", "  - Regularization");
        assertThat(validate()).containsExactly(at("reg.yaml", 1) + "unknown topic 'Regularisation' (topics.yaml lists Fundamentals, Regularization)");
    }

    @Test
    void everyProblemOfAFileIsReportedInLineOrder() throws IOException {
        write("reg.yaml", "topic: Regularization", "questions:",
                DROPOUT.replace("      - [ensemble]", "      - [bagging]"),
                "  - id: reg-early-stopping",
                "    question: What is early stopping?",
                "    level: easy",
                "  - id: reg-dropout",
                "    question: Why does early stopping regularize?",
                "    level: basic",
                "    answer: It limits how far the weights travel from their start.",
                "    key_points:",
                "      - [limits how far]");
        assertThat(validate()).extracting(p -> p.substring(p.indexOf(':') + 1, p.indexOf(": "))).containsExactly("13", "16", "19");
    }
}
