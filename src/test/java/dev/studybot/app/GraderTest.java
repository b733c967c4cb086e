package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.KeyPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraderTest {
    private final Grader grader = new Grader();

    private List<String> covered(String answer, KeyPoint... points) {
        return grader.grade(answer, List.of(points)).covered().stream().map(KeyPoint::label).toList();
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
    void caseAndSimpleInflectionsDoNotMatter() {
        KeyPoint drop = new KeyPoint(List.of("randomly drops units"));
        assertThat(covered("it randomly kept units", drop)).isEmpty();
        assertThat(covered("It RANDOMLY DROPPED UNIT activations", drop)).containsExactly("randomly drops units");
        assertThat(covered("it randomly dropped units", drop)).containsExactly("randomly drops units");
        assertThat(covered("randomly dropping unit", drop)).containsExactly("randomly drops units");
        KeyPoint scaled = new KeyPoint(List.of("scaled at inference"));
        assertThat(covered("weights are scaling at inference", scaled)).containsExactly("scaled at inference");
        KeyPoint probabilities = new KeyPoint(List.of("probability"));
        assertThat(covered("outputs probabilities", probabilities)).containsExactly("probability");
        KeyPoint network = new KeyPoint(List.of("network"));
        assertThat(covered("the network's weights", network)).containsExactly("network");
    }

    @Test
    void aPhraseMustAppearInOrderAndTogether() {
        KeyPoint chain = new KeyPoint(List.of("chain rule"));
        assertThat(covered("the rule of the chain", chain)).isEmpty();
        assertThat(covered("by the chain-rule", chain)).containsExactly("chain rule");
    }

    @Test
    void anyPhrasingCoversItsPointAndCoverageScalesToTen() {
        KeyPoint a = new KeyPoint(List.of("co-adaptation", "rely on specific neurons"));
        KeyPoint b = new KeyPoint(List.of("ensemble"));
        KeyPoint c = new KeyPoint(List.of("inverted dropout"));
        Grader.Grade grade = grader.grade("units cannot rely on specific neurons; an ensemble effect", List.of(a, b, c));
        assertThat(grade.covered()).containsExactly(a, b);
        assertThat(grade.missed()).containsExactly(c);
        assertThat(grade.coveragePoints()).isEqualTo(7);
    }
}
