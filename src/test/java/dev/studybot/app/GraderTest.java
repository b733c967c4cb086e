package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Level;
import dev.studybot.domain.Question;
import dev.studybot.analysis.LuceneTextAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grading by words: whole words and stems, polarity, misconceptions, echoes, weights. */
class GraderTest {
    private final Grader grader = new Grader(new LuceneTextAnalysis());

    private static Question question(String text, KeyPoint... points) {
        return new Question("q", "Topic", Level.BASIC, text, "", List.of(points), List.of());
    }

    private List<String> covered(String answer, KeyPoint... points) {
        return grader.grade(question("What is it?", points), answer).covered().stream().map(KeyPoint::label).toList();
    }

    private static KeyPoint claim(String claim, KeyPoint.Weight weight, List<String> phrasings, List<String> misconceptions) {
        return new KeyPoint(claim, "about it", weight, phrasings, misconceptions);
    }

    @Test
    void wholeWordsOnlyNeverSubstrings() {
        KeyPoint air = new KeyPoint(List.of("air"));
        assertThat(covered("pull up a chair", air)).isEmpty();
        assertThat(covered("repair the airline", air)).isEmpty();
        assertThat(covered("fresh air helps", air)).containsExactly("air");
        KeyPoint relu = new KeyPoint(List.of("relu"));
        assertThat(covered("a prelude", relu)).isEmpty();
        assertThat(covered("LeakyReLU variants", relu)).isEmpty();
        assertThat(covered("use ReLU.", relu)).containsExactly("relu");
    }

    @Test
    void caseInflectionsSpellingHyphensAndSuperscriptsDoNotMatter() {
        KeyPoint drop = new KeyPoint(List.of("randomly drops units"));
        assertThat(covered("it randomly kept units", drop)).isEmpty();
        assertThat(covered("It RANDOMLY DROPPED UNIT activations", drop)).containsExactly("randomly drops units");
        assertThat(covered("randomly dropping unit", drop)).containsExactly("randomly drops units");
        assertThat(covered("the network's weights", new KeyPoint(List.of("network")))).containsExactly("network");
        assertThat(covered("we regularise and normalise", new KeyPoint(List.of("regularize")))).containsExactly("regularize");
        assertThat(covered("a pre-trained model", new KeyPoint(List.of("pretrained model")))).containsExactly("pretrained model");
        assertThat(covered("the feedforward block", new KeyPoint(List.of("feed-forward")))).containsExactly("feed-forward");
        assertThat(covered("drop out units", new KeyPoint(List.of("dropout")))).containsExactly("dropout");
        assertThat(covered("a high R² score", new KeyPoint(List.of("r2")))).containsExactly("r2");
        assertThat(covered("the lower layers stay frozen", new KeyPoint(List.of("freeze the lower layers")))).isEmpty();
        assertThat(covered("we froze the lower layers", new KeyPoint(List.of("freeze lower layers")))).containsExactly("freeze lower layers");
    }

    @Test
    void aPhraseMustAppearInOrder() {
        KeyPoint chain = new KeyPoint(List.of("chain rule"));
        assertThat(covered("the rule of the chain", chain)).isEmpty();
        assertThat(covered("by the chain-rule", chain)).containsExactly("chain rule");
        assertThat(covered("by the chain rule", chain)).containsExactly("chain rule");
    }

    @Test
    void aPhrasingInADenyingClauseSaysNothingAndAPhrasingThatDeniesNeedsTheDenial() {
        KeyPoint offPolicy = new KeyPoint(List.of("off-policy"));
        assertThat(covered("It is not off-policy, it has nothing to do with that.", offPolicy)).isEmpty();
        assertThat(covered("Q-learning isn't off-policy", offPolicy)).isEmpty();
        assertThat(covered("Q-learning is off-policy, not on-policy.", offPolicy)).containsExactly("off-policy");
        assertThat(covered("not only off-policy but also model-free", offPolicy)).containsExactly("off-policy");
        KeyPoint cannot = new KeyPoint(List.of("cannot co-adapt"));
        assertThat(covered("units cannot co-adapt", cannot)).containsExactly("cannot co-adapt");
        assertThat(covered("units co-adapt", cannot)).isEmpty();
    }

    @Test
    void aStatedMisconceptionCancelsItsClaimAndCountsAgainstTheGrade() {
        KeyPoint when = claim("Dropout is used only in training.", KeyPoint.Weight.CORE, List.of("during training"),
                List.of("applied at inference"));
        KeyPoint why = claim("It reduces co-adaptation.", KeyPoint.Weight.CORE, List.of("co-adaptation"), List.of());
        Question q = question("What is dropout?", when, why);
        Grader.Grade wrong = grader.grade(q, "Dropout works during training and is also applied at inference. It reduces co-adaptation.");
        assertThat(wrong.contradicted()).containsExactly(when);
        assertThat(wrong.share()).isZero();
        Grader.Grade right = grader.grade(q, "Dropout works during training and is never applied at inference. It reduces co-adaptation.");
        assertThat(right.covered()).containsExactly(when, why);
        assertThat(right.share()).isEqualTo(1.0);
    }

    @Test
    void echoingTheQuestionOrTheSubjectsEarnsNothing() {
        KeyPoint k = new KeyPoint("Softmax turns scores into probabilities.", "how scores become weights", KeyPoint.Weight.CORE,
                List.of("probabilities", "weights"), List.of());
        Question q = question("How does attention turn scores into weights?", k);
        assertThat(grader.grade(q, "Attention turns scores into weights.").covered()).isEmpty();
        assertThat(grader.grade(q, "About: how scores become weights").covered()).isEmpty();
        assertThat(grader.grade(q, "A softmax makes the scores probabilities that sum to one.").covered()).containsExactly(k);
    }

    @Test
    void weightsMakeTheShareAndCoverageScalesToTen() {
        KeyPoint a = claim("a", KeyPoint.Weight.CORE, List.of("co-adaptation", "rely on specific neurons"), List.of());
        KeyPoint b = claim("b", KeyPoint.Weight.CORE, List.of("ensemble"), List.of());
        KeyPoint c = claim("c", KeyPoint.Weight.DETAIL, List.of("inverted dropout"), List.of());
        Grader.Grade grade = grader.grade(question("What is dropout?", a, b, c), "units rely on specific neurons less; an ensemble effect");
        assertThat(grade.covered()).containsExactly(a, b);
        assertThat(grade.missed()).containsExactly(c);
        assertThat(grade.share()).isEqualTo(0.8);
        assertThat(grade.coveragePoints()).isEqualTo(8);
    }
}
