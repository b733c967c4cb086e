package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybot.port.in.Action;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text forms of suggestions and chat imports, as Slack and the console type them. */
class SuggestionSyntaxTest {
    private final CommandParser parser = new CommandParser();

    @Test
    void aSuggestionIsItsQuestionOrItsLabelledFields() throws Exception {
        assertThat(parser.parse("/study suggest")).isEqualTo(new Action.Suggest(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(parser.parse("/study suggest What is label smoothing?")).isEqualTo(new Action.Suggest(
                Optional.of("What is label smoothing?"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(parser.parse("/study suggest question: What is X: really? answer: It is Y. claims: y, why; zed Topic: Basics level: basic"))
                .isEqualTo(new Action.Suggest(Optional.of("What is X: really?"), Optional.of("It is Y."), Optional.of("y, why; zed"),
                        Optional.of("Basics"), Optional.of("basic")));
        assertThat(parser.parse("/study suggest Why is it so? answer: Because.")).isEqualTo(new Action.Suggest(Optional.of("Why is it so?"),
                Optional.of("Because."), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(SuggestionQueue.claims("caps the norm, clips it; exploding gradients\n\n ,")).containsExactly(
                java.util.List.of("caps the norm", "clips it"), java.util.List.of("exploding gradients"));
    }

    @Test
    void theQueueAndTheImportHaveTheirSubcommands() throws Exception {
        assertThat(parser.parse("/study suggestions list")).isEqualTo(new Action.SuggestionList());
        assertThat(parser.parse("/study suggestions approve #4 team deck")).isEqualTo(new Action.SuggestionApprove("#4", Optional.of("team deck")));
        assertThat(parser.parse("/study suggestions approve 4 answer: It is: this. claims: this, that")).isEqualTo(new Action.SuggestionApprove(
                "4", Optional.empty(), Optional.of("It is: this."), Optional.of("this, that")));
        assertThat(parser.parse("/study suggestions approve 4 team claims: x")).isEqualTo(new Action.SuggestionApprove("4", Optional.of("team"),
                Optional.empty(), Optional.of("x")));
        assertThat(parser.parse("/study suggestions decline 4   we have it already")).isEqualTo(new Action.SuggestionDecline("4", "we have it already"));
        assertThat(parser.parse("/study suggestions decline 4")).isEqualTo(new Action.SuggestionDecline("4", ""));
        assertThatThrownBy(() -> parser.parse("/study suggestions approve")).hasMessageContaining("needs a suggestion number");
        assertThatThrownBy(() -> parser.parse("/study suggestions aprove 1")).hasMessageContaining("approve");

        assertThat(parser.parse("/study bank import")).isEqualTo(new Action.BankImport(Optional.empty(), Optional.empty()));
        assertThat(parser.parse("/study bank import team")).isEqualTo(new Action.BankImport(Optional.of("team"), Optional.empty()));
        assertThat(parser.parse("/study bank import confirm")).isEqualTo(new Action.BankImportConfirm(Optional.empty()));
        assertThat(parser.parse("/study bank import confirm practice")).isEqualTo(new Action.BankImportConfirm(Optional.of("practice")));
        assertThat(parser.parse("/study bank confirm practice")).isEqualTo(new Action.BankImportConfirm(Optional.of("practice")));
        assertThat(SuggestionQueue.number("#12")).contains(12L);
        assertThat(SuggestionQueue.number("0")).isEmpty();
        assertThat(SuggestionQueue.number("twelve")).isEmpty();
    }
}
