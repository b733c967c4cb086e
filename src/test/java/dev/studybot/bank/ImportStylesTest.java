package dev.studybot.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.studybot.domain.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The importer on lists shaped the way people publish them (fixtures written for these tests, one
 * per shape, in src/test/resources/import/styles): heading series, contents and link lists,
 * tagged and nested items, question tables, labelled questions with {@code <details>} answers,
 * multiple choice, placeholders and levels, and shapes of our own.
 */
class ImportStylesTest {
    private static final Path DIR = Path.of("src/test/resources/import/styles");
    private final MarkdownImporter importer = new MarkdownImporter();

    private ImportedList read(String name) throws ImportException {
        return importer.read(DIR.resolve(name));
    }

    private List<ImportedQuestion> questions(String name) throws ImportException {
        return read(name).questions();
    }

    @Test
    void numberedHeadingsAskingOrNotAreOneSeriesAndLinkOnlyOrEmptyAnswersAreNoAnswer() throws Exception {
        List<ImportedQuestion> qs = questions("heading-paren.md");
        assertThat(qs).extracting(ImportedQuestion::line, ImportedQuestion::text, ImportedQuestion::needsAnswer).containsExactly(
                tuple(10, "What is the difference between a validation set and a test set?", false),
                tuple(14, "Why does max pooling give a little translation invariance?", false),
                tuple(19, "Implement bilinear interpolation for a grayscale image.", true),
                tuple(21, "Reverse the words of a sentence in place.", true),
                tuple(25, "Define receptive field.", false),
                tuple(33, "Precision vs. recall vs. F1.", false),
                tuple(37, "What is a residual connection?", false));
        assertThat(qs).extracting(ImportedQuestion::topic).containsOnly("Questions");
        // a link beside real text stays in the answer; code keeps its comment lines
        assertThat(qs.get(1).answer()).startsWith("[[Answer]](https://example.org/pooling)").contains("same window");
        assertThat(qs.get(4).answer()).contains("```\n# not a question: a comment in code\nsize = 3\n```");
        assertThat(qs.get(5).answer()).contains("- Recall: of the real positives, how many are found?");
    }

    @Test
    void aTopicOutlineIsPassedOverAndOnlyTheQuestionListsBelowItCount() throws Exception {
        assertThat(questions("outline-then-questions.md")).extracting(ImportedQuestion::topic, ImportedQuestion::text).containsExactly(
                tuple("Sample questions", "What is a kernel trick?"),
                tuple("Sample questions", "How Do You Pick the Depth of a Decision Tree"),
                tuple("Sample questions", "Compare bagging and boosting."),
                tuple("Sample questions", "Explain early stopping (patience, validation loss)"),
                tuple("Sample questions", "Why does gradient boosting fit residuals?"),
                tuple("Large language models (sample questions)", "What does a tokenizer do before a transformer sees text?"),
                tuple("Large language models (sample questions)", "Why do long contexts cost more memory? How does the cost grow?"));
    }

    @Test
    void subHeadingsCodeCommentsAndBannersInsideAnAnswerAreAnswer() throws Exception {
        List<ImportedQuestion> qs = questions("heading-subsections.md");
        assertThat(qs).extracting(ImportedQuestion::text).containsExactly(
                "Define momentum and why it speeds up gradient descent.", "What is weight decay?",
                "Explain the role of a learning-rate schedule.");
        assertThat(qs).extracting(ImportedQuestion::topic).containsOnly("30 Optimisation Questions for 2026");
        assertThat(qs.get(0).answer()).contains("### Key Points", "- **Velocity**", "```python\n# Apply one momentum update");
        assertThat(qs.get(1).answer()).contains("### Why it helps?", "Smaller weights give smoother functions.");
    }

    @Test
    void contentsLinksAreNavigationAndAnAnswerLabelAloneIsNoAnswer() throws Exception {
        List<ImportedQuestion> qs = questions("toc-closed-atx.md");
        assertThat(qs).extracting(ImportedQuestion::line, ImportedQuestion::topic, ImportedQuestion::text, ImportedQuestion::needsAnswer)
                .containsExactly(
                        tuple(14, "Questions & Answers", "What is an RNN? Explain its hidden state?", false),
                        tuple(20, "Questions & Answers", "Why do LSTMs have gates?", false),
                        tuple(25, "Decoding", "What is teacher forcing?", true),
                        tuple(28, "Decoding", "Explain beam search.", true));
        assertThat(qs.get(0).answer()).isEqualTo("An RNN reads a sequence one step at a time and carries a hidden state forward.");
        assertThat(qs.get(1).answer()).startsWith("Gates decide what to keep");
    }

    @Test
    void taggedItemsAreQuestionsWithTheirLevelAndUntaggedParentsAreTopics() throws Exception {
        assertThat(questions("tagged-nested.md")).extracting(ImportedQuestion::text, ImportedQuestion::level).containsExactly(
                tuple("Why shuffle the training set every epoch?", Optional.of(Level.BASIC)),
                tuple("Derive the gradient of softmax cross-entropy with respect to the logits.", Optional.of(Level.INTERMEDIATE)),
                tuple("Pros and cons of batch norm at batch size 2.", Optional.of(Level.BASIC)),
                tuple("Implement layer norm for the forward pass in NumPy.", Optional.of(Level.ADVANCED)),
                tuple("Plot the training loss against epochs when the learning rate is: far too high, slightly too high, right.",
                        Optional.of(Level.BASIC)),
                tuple("What does it protect against?", Optional.of(Level.INTERMEDIATE)),
                tuple("Write the update rule of Adam.", Optional.of(Level.ADVANCED)));
        assertThat(questions("tagged-nested.md")).allMatch(ImportedQuestion::needsAnswer);
    }

    @Test
    void aQuestionTableGivesQuestionsAndLevelsAndAnIntroAboutTheListIsNotAQuestion() throws Exception {
        List<ImportedQuestion> qs = questions("intro-table-numbered.md");
        assertThat(qs).extracting(ImportedQuestion::line, ImportedQuestion::text, ImportedQuestion::level).containsExactly(
                tuple(8, "What is the difference between a t-test and a z-test?", Optional.of(Level.BASIC)),
                tuple(9, "Why is the median robust?", Optional.of(Level.ADVANCED)),
                tuple(10, "When does the mean mislead?", Optional.of(Level.BASIC)),
                tuple(14, "What is the uniform distribution?", Optional.empty()),
                tuple(15, "Geometric distribution and its mean.", Optional.empty()),
                tuple(16, "Skewed data, log transform. When does taking the log help with a long tail.", Optional.empty()),
                tuple(18, "What is a quantile?", Optional.empty()));
        assertThat(qs).allMatch(ImportedQuestion::needsAnswer);
    }

    @Test
    void aTableWithPromptAndAnswerColumnsKeepsItsAnswers() throws Exception {
        List<ImportedQuestion> qs = questions("prompt-table.md");
        assertThat(qs).extracting(ImportedQuestion::text, ImportedQuestion::level, ImportedQuestion::answer).containsExactly(
                tuple("Why do we standardise inputs?", Optional.of(Level.BASIC), "Features on one scale make gradient steps even."),
                tuple("Explain label smoothing.", Optional.of(Level.INTERMEDIATE),
                        "Targets are softened so the model is not pushed to certainty."),
                tuple("How would you detect data drift in production?", Optional.of(Level.ADVANCED), ""));
    }

    @Test
    void numberedStepsInsideAnAnswerStayAnswerEvenWhenTheyAsk() throws Exception {
        List<ImportedQuestion> qs = questions("toc-anchors.md");
        assertThat(qs).extracting(ImportedQuestion::text, ImportedQuestion::needsAnswer).containsExactly(
                tuple("Why scale features before k-means?", false), tuple("What is a confidence interval?", false),
                tuple("Explain bootstrapping.", false), tuple("Survival analysis", true), tuple("What is an A/B test?", true));
        assertThat(qs.get(1).answer()).contains("1. Is the sample large enough?");
        assertThat(qs.get(0).answer()).contains("#### Distance Metrics");
    }

    @Test
    void emptyItemsAreSkippedAndReportedWithTheirLines() throws Exception {
        ImportedList list = read("hints-empty-items.md");
        assertThat(list.questions()).hasSize(7);
        assertThat(list.questions().get(0).text()).isEqualTo("What is a saddle point? (zero gradient, not an extremum)");
        assertThat(list.skipped()).extracting(ImportedList.Skipped::toString).containsExactly(
                DIR.resolve("hints-empty-items.md") + ":21: an empty list item",
                DIR.resolve("hints-empty-items.md") + ":25: an empty list item");
    }

    @Test
    void difficultyEmojiSetTheLevelAndLeaveTheTextAndAnswerHereIsAPlaceholder() throws Exception {
        List<ImportedQuestion> qs = questions("bold-emoji.md");
        assertThat(qs).extracting(ImportedQuestion::text, ImportedQuestion::level, ImportedQuestion::needsAnswer).containsExactly(
                tuple("What is learning to rank?", Optional.of(Level.BASIC), false),
                tuple("What is NDCG?", Optional.of(Level.INTERMEDIATE), false),
                tuple("How would you evaluate a ranker offline?", Optional.of(Level.INTERMEDIATE), true),
                tuple("How do you debias click data?", Optional.of(Level.ADVANCED), true),
                tuple("What is seasonality?", Optional.of(Level.BASIC), false));
        assertThat(qs.get(1).answer()).isEqualTo("1. Sum the gains of the results, discounted by position.\n2. Divide by the best possible sum.");
    }

    @Test
    void multipleChoiceKeepsTheQuestionItsOptionsAndTheRightOne() throws Exception {
        List<ImportedQuestion> qs = questions("multiple-choice.md");
        assertThat(qs).extracting(ImportedQuestion::text).containsExactly("Which measure is least affected by outliers?",
                "A model that does well on training data and badly on new data is",
                "`____` splits data into k folds and trains k times.");
        assertThat(qs.get(0).choices()).extracting(ImportedQuestion.Choice::text, ImportedQuestion.Choice::correct).containsExactly(
                tuple("mean", false), tuple("median", true), tuple("range", false), tuple("standard deviation", false));
        assertThat(qs.get(0).answer()).isEqualTo("median");
        assertThat(qs.get(1).answer()).isEqualTo("overfitting\n\n**Explanation**: it has learned the noise of the training set.");
        assertThat(qs.get(2).answer()).startsWith("Cross-validation");
        String yaml = BankYaml.write(BankYaml.files(qs));
        assertThat(yaml).contains("    options:\n      - mean\n      - median\n      - range\n      - standard deviation\n    answer: |\n      median\n");
    }

    @Test
    void labelledQuestionsTakeTheirPartsAndTheDetailsBlockIsTheAnswer() throws Exception {
        List<ImportedQuestion> qs = questions("q-details.md");
        assertThat(qs).extracting(ImportedQuestion::topic, ImportedQuestion::text, ImportedQuestion::needsAnswer).containsExactly(
                tuple("Basics", "True or False: two independent events can be mutually exclusive.", false),
                tuple("Basics", "A die is rolled twice. What is the probability of a double six? What is the probability that the sum is $7$?", false),
                tuple("Bayes", "State Bayes' theorem and name each of its terms.", false),
                tuple("Bayes", "What is a conjugate prior?", true));
        assertThat(qs.get(0).answer()).isEqualTo("False, unless one of them has probability $0$: if $P(A \\cap B) = 0$ then $P(A)P(B) = 0$.");
        assertThat(qs.get(1).answer()).isEqualTo("1. $\\frac{1}{36}$\n2. $\\frac{6}{36} = \\frac{1}{6}$");
        assertThat(qs.get(2).answer()).isEqualTo("$$P(A \\mid B) = \\frac{P(B \\mid A) P(A)}{P(B)}$$");
    }

    @Test
    void aLabelledQuestionThatHasAskedIsAnsweredByWhatFollowsUnlessThatAsksToo() throws Exception {
        String text = String.join("\n",
                "Q. What is a random variable?", "", "A function from outcomes to numbers.", "",
                "Q. Name two discrete distributions.", "", "- Bernoulli", "- Poisson", "",
                "Q. Suppose a coin lands heads with probability p.", "1. What is the chance of two heads?",
                "2. What is the expected number of heads in n tosses?", "", "Both follow from independence.", "");
        assertThat(importer.importText("q.md", text)).extracting(ImportedQuestion::text, ImportedQuestion::answer).containsExactly(
                tuple("What is a random variable?", "A function from outcomes to numbers."),
                tuple("Name two discrete distributions.", "- Bernoulli\n- Poisson"),
                tuple("Suppose a coin lands heads with probability p. What is the chance of two heads? "
                        + "What is the expected number of heads in n tosses?", "Both follow from independence."));
    }

    @Test
    void numberedQuestionAndAnswerLabelsAndHeadingsThatOnlyLabelTheQuestionBelow() throws Exception {
        String labels = "# Quiz\n\nQ1: What is entropy?\nA1: The expected surprise of a distribution.\n\n"
                + "Q2: What is cross-entropy?\nA2: The expected surprise of samples from another distribution.\n";
        assertThat(importer.importText("quiz.md", labels)).extracting(ImportedQuestion::text, ImportedQuestion::answer).containsExactly(
                tuple("What is entropy?", "The expected surprise of a distribution."),
                tuple("What is cross-entropy?", "The expected surprise of samples from another distribution."));
        String headed = "# Week 3\n\n### Question 1\nWhat is the bias-variance trade-off?\n\n**Answer:** Simple models err by bias.\n\n"
                + "### Question 2\nExplain k-fold cross-validation.\n\n**Answer:** Train on k-1 parts, test on the last, rotate.\n";
        assertThat(importer.importText("week.md", headed))
                .extracting(ImportedQuestion::line, ImportedQuestion::topic, ImportedQuestion::text, ImportedQuestion::answer).containsExactly(
                        tuple(4, "Week 3", "What is the bias-variance trade-off?", "Simple models err by bias."),
                        tuple(9, "Week 3", "Explain k-fold cross-validation.", "Train on k-1 parts, test on the last, rotate."));
    }

    @Test
    void notesWithAToDoListAreNotAQuestionList() {
        String notes = "# Meeting notes\n\nWe talked about the release. Why did it slip? Nobody knows.\n\n- Ship on Friday\n- Write the notes\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importText("notes.md", notes))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("notes.md: not a question list");
    }

    @Test
    void headingsRightAboveTheirAnswerBulletsAreQuestions() throws Exception {
        List<ImportedQuestion> qs = questions("compact-headings.md");
        assertThat(qs).extracting(ImportedQuestion::line).containsExactly(4, 6, 8, 10);
        assertThat(qs.get(0).answer()).isEqualTo("- 2");
        assertThat(qs.get(3).answer()).contains("Same as", "5/12");
    }

    @Test
    void questionAndAnswerLabelsPairUpAndPlaceholdersMeanUnanswered() throws Exception {
        List<ImportedQuestion> qs = questions("labelled-pairs.md");
        assertThat(qs).extracting(ImportedQuestion::topic, ImportedQuestion::text, ImportedQuestion::level, ImportedQuestion::answer)
                .containsExactly(
                        tuple("Model Evaluation", "What does a calibration curve show?", Optional.empty(),
                                "How often predictions made with a given confidence turn out right."),
                        tuple("Model Evaluation", "Why can accuracy mislead on rare classes?", Optional.of(Level.INTERMEDIATE), ""),
                        tuple("Model Evaluation", "When is log loss better than accuracy for choosing a model?", Optional.empty(),
                                "When you care about the confidence of each prediction, not only the label."),
                        tuple("Deployment", "Describe a canary release for a model.", Optional.empty(), ""),
                        tuple("Deployment", "What is training-serving skew?", Optional.empty(), ""));
    }

    @Test
    void frontMatterIsSkippedAndDottedNumbersFormASeriesWithLevelLabels() throws Exception {
        List<ImportedQuestion> qs = questions("front-matter-dotted.md");
        assertThat(qs).extracting(ImportedQuestion::line, ImportedQuestion::topic, ImportedQuestion::text, ImportedQuestion::level)
                .containsExactly(
                        tuple(8, "Chapter 1: Basics", "What is a Markov decision process?", Optional.of(Level.BASIC)),
                        tuple(11, "Chapter 1: Basics", "Why discount future rewards?", Optional.of(Level.BASIC)),
                        tuple(16, "Chapter 2: Methods", "Compare on-policy and off-policy learning.", Optional.of(Level.ADVANCED)),
                        tuple(19, "Chapter 2: Methods", "What is an advantage function?", Optional.empty()));
    }
}
