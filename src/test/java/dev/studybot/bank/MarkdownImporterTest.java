package dev.studybot.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.studybot.domain.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on one fixture per style of pasted question list (written for these tests). */
class MarkdownImporterTest {
    private static final Path DIR = Path.of("src/test/resources/import");
    private final MarkdownImporter importer = new MarkdownImporter();

    @TempDir
    Path tmp;

    private List<ImportedQuestion> read(String name) throws ImportException {
        return importer.importFile(DIR.resolve(name));
    }

    @Test
    void numberedBoldQuestionsUnderLevelHeadingsKeepTheirTrailingSentenceAndMojibakeIsRepaired() throws Exception {
        assertThat(read("numbered-bold.md"))
                .extracting(ImportedQuestion::line, ImportedQuestion::topic, ImportedQuestion::level, ImportedQuestion::text)
                .containsExactly(
                        tuple(3, "Basic Questions", Optional.of(Level.BASIC), "What does a perceptron compute?"),
                        tuple(4, "Basic Questions", Optional.of(Level.BASIC),
                                "Explain what an embedding layer is. Why is it cheaper than a one-hot input?"),
                        tuple(5, "Basic Questions", Optional.of(Level.BASIC), "What is a learning rate? How would you pick one?"),
                        tuple(9, "Advanced Questions", Optional.of(Level.ADVANCED), "How does label smoothing change the loss?"),
                        tuple(10, "Advanced Questions", Optional.of(Level.ADVANCED),
                                "Describe gradient checkpointing. Is that a trade-off you\u2019d accept for the memory it saves?"));
        assertThat(read("numbered-bold.md")).allMatch(ImportedQuestion::needsAnswer);
    }

    @Test
    void boldQuestionsWithAnswersAcrossBreaksWrongNumberingAndLatex() throws Exception {
        List<ImportedQuestion> qs = read("numbered-answers.md");
        assertThat(qs).extracting(ImportedQuestion::line, ImportedQuestion::text, ImportedQuestion::needsAnswer).containsExactly(
                tuple(3, "What is a loss function?", false),
                tuple(16, "Explain the softmax function. Where is it used?", false),
                tuple(28, "What does the sigmoid function do? Why does it cause vanishing gradients?", false),
                tuple(41, "What is weight decay? How does it differ from L2 regularisation?", true),
                tuple(42, "Why normalise inputs?", true),
                tuple(46, "How would you debug a network whose loss does not go down?", true));
        ImportedQuestion loss = qs.get(0);
        assertThat(loss.answer()).doesNotContain("<br>")
                .contains("**a. Regression:**\n\nMean squared error averages the squared differences.\n\n**b. Classification:**");
        ImportedQuestion softmax = qs.get(1);
        assertThat(softmax.answer()).startsWith("Softmax turns a vector of scores into probabilities")
                .contains("\\(z_i\\)", "\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}", "\n- Subtracting the largest score");
        ImportedQuestion sigmoid = qs.get(2);
        // the answer runs on after the list ends, through "Summary", up to the next question
        assertThat(sigmoid.answer()).contains("$$\ns(x) = \\frac{1}{1 + e^{-x}}\n$$", "**Saturation**", "Summary",
                "so stacked sigmoids shrink gradients layer after layer.");
        assertThat(sigmoid.keyPoints()).contains("sigmoid", "Saturation");
        assertThat(qs.get(5).topic()).isEqualTo("Practical Questions");
        assertThat(qs.get(5).level()).isEmpty();
    }

    @Test
    void listTitlesTabsBulletsAndSubBulletsGiveTopicsAndQuestions() throws Exception {
        assertThat(read("sections-bullets.md"))
                .extracting(ImportedQuestion::line, ImportedQuestion::topic, ImportedQuestion::text)
                .containsExactly(
                        tuple(4, "Optimisation Basics", "What is momentum in gradient descent?"),
                        tuple(5, "Optimisation Basics", "Explain the difference between Adam & RMSprop."),
                        tuple(8, "Sequence Models (RNNs)", "What is teacher forcing?"),
                        tuple(9, "Sequence Models (RNNs)", "Why do RNNs struggle with long sequences?"),
                        tuple(13, "Evaluation Basics", "What is a confusion matrix?"),
                        tuple(14, "Evaluation Basics", "Explain precision and recall with an example."),
                        tuple(16, "Deployment", "How do you serve a model with low latency?"),
                        tuple(17, "Deployment", "What is model drift?"),
                        tuple(19, "Generative Models", "Explain how a variational autoencoder is trained."),
                        tuple(20, "Generative Models", "Describe the generator and the discriminator of a GAN."),
                        tuple(23, "Self-Supervised Learning", "Explain contrastive learning and its benefits."),
                        tuple(25, "Hardware", "Discuss when a TPU beats a GPU."));
    }

    @Test
    void plainNumberedQuestionsUnderLevelHeadingsWithEmojiAndContinuedLines() throws Exception {
        assertThat(read("levels-plain.md"))
                .extracting(ImportedQuestion::line, ImportedQuestion::topic, ImportedQuestion::level, ImportedQuestion::text)
                .containsExactly(
                        tuple(7, "Beginner", Optional.of(Level.BASIC), "What is a tensor?"),
                        tuple(8, "Beginner", Optional.of(Level.BASIC), "Why do we shuffle training data between epochs?"),
                        tuple(12, "Intermediate", Optional.of(Level.INTERMEDIATE), "What is the purpose of a validation set?"),
                        tuple(13, "Intermediate", Optional.of(Level.INTERMEDIATE), "What are the parts of a Transformer block? "
                                + "Explain attention, the feed-forward layer, residual connections and layer normalisation."),
                        tuple(18, "Advanced \uD83C\uDF1F", Optional.of(Level.ADVANCED), "You're training a detector for rare defects "
                                + "on a production line. How would you deal with the class imbalance?"),
                        tuple(19, "Advanced \uD83C\uDF1F", Optional.of(Level.ADVANCED), "Why is $\\sqrt{d_k}$ used to scale attention scores?"));
    }

    @Test
    void boldQuestionsFollowedByAnswerParagraphsAndLists() throws Exception {
        List<ImportedQuestion> qs = read("bold-qa.md");
        assertThat(qs).extracting(ImportedQuestion::line, ImportedQuestion::topic, ImportedQuestion::text).containsExactly(
                tuple(3, "Core Ideas", "What is a validation set?"),
                tuple(6, "Core Ideas", "What are the main regularisation methods?"),
                tuple(12, "Core Ideas", "What is a GPU good at?"),
                tuple(16, "Tools", "How do Keras and PyTorch differ? Which would you pick?"));
        assertThat(qs.get(0).answer()).isEqualTo("A validation set is data held out from training and used to choose "
                + "hyperparameters and decide when to stop.");
        assertThat(qs.get(1).answer()).isEqualTo("The usual methods are:\n- Weight decay\n- Dropout\n- Early stopping");
        assertThat(qs.get(1).keyPoints()).containsExactly("Weight decay", "Dropout", "Early stopping");
        assertThat(qs.get(2).needsAnswer()).isTrue();
        // bold labels inside an answer ("**Pros:**", "**Personal Preference:** ...") are answer, not questions
        assertThat(qs.get(3).answer()).contains("**Keras:**", "- **Pros:**", "**Personal Preference:** For research code PyTorch");
    }

    @Test
    void aFileThatIsNotAQuestionListIsRefusedWithAReason() throws Exception {
        assertThatThrownBy(() -> read("not-a-list.md")).isInstanceOf(ImportException.class)
                .hasMessageContaining("not-a-list.md: not a question list");
        Path yaml = Files.writeString(tmp.resolve("bank.yaml"), "topic: T\nquestions:\n  - id: a\n    question: What?\n");
        assertThatThrownBy(() -> importer.importFile(yaml)).hasMessageContaining("already a bank file");
        Path empty = Files.writeString(tmp.resolve("empty.md"), "\n\n");
        assertThatThrownBy(() -> importer.importFile(empty)).hasMessageContaining("empty");
        Path binary = Files.write(tmp.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        assertThatThrownBy(() -> importer.importFile(binary)).hasMessageContaining("not a text file");
    }

    @Test
    void windows1252FilesAndMojibakeEmojiHeadingsAreRead() throws Exception {
        Path latin = tmp.resolve("latin.md");
        Files.write(latin, "## Caf\u00e9 questions\n\n1. What is a na\u00efve Bayes classifier?\n".getBytes("windows-1252"));
        assertThat(importer.importFile(latin)).extracting(ImportedQuestion::topic, ImportedQuestion::text)
                .containsExactly(tuple("Caf\u00e9 questions", "What is a na\u00efve Bayes classifier?"));
        String mojibake = new String("## Hard \uD83C\uDF1F\n\n- Why does it work?\n".getBytes(StandardCharsets.UTF_8), "windows-1252");
        assertThat(importer.importText("m.md", mojibake)).extracting(ImportedQuestion::topic).containsExactly("Hard \uD83C\uDF1F");
    }
    @Test
    void setextHeadingsStarBulletsCodeAndQuotes() throws Exception {
        String text = String.join("\n",
                "Deep Learning Quiz",
                "==================",
                "",
                "* **What is a tensor?** A multi-dimensional array.",
                "* **How does `torch.no_grad()` help at inference?**",
                "",
                "  It turns off gradient tracking:",
                "",
                "  ```python",
                "  with torch.no_grad():",
                "      y = model(x)",
                "  ```",
                "",
                "1) Why use ReLU?",
                "2) What is *batch size*?",
                "   > The number of examples per step.",
                "",
                "Scores",
                "------",
                "",
                "- What is the F1 score?",
                "\t- How is it computed from precision and recall?",
                "");
        List<ImportedQuestion> qs = importer.importText("quiz.md", text);
        assertThat(qs).extracting(ImportedQuestion::line, ImportedQuestion::topic, ImportedQuestion::text).containsExactly(
                tuple(4, "Deep Learning Quiz", "What is a tensor?"),
                tuple(5, "Deep Learning Quiz", "How does `torch.no_grad()` help at inference?"),
                tuple(14, "Deep Learning Quiz", "Why use ReLU?"),
                tuple(15, "Deep Learning Quiz", "What is *batch size*?"),
                tuple(21, "Scores", "What is the F1 score?"),
                tuple(22, "Scores", "How is it computed from precision and recall?"));
        // text after a bold question that does not ask anything is the start of its answer
        assertThat(qs.get(0).answer()).isEqualTo("A multi-dimensional array.");
        assertThat(qs.get(1).answer()).isEqualTo("It turns off gradient tracking:\n\n```python\nwith torch.no_grad():\n    y = model(x)\n```");
        assertThat(qs.get(3).answer()).isEqualTo("> The number of examples per step.");
    }
}
