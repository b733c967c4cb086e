package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.view.View;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Level;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackRendererTest {
    private final SlackRenderer renderer = new SlackRenderer();
    private final Question question = new Question("reg-dropout", "Regularization & <friends>", Level.BASIC,
            "What is dropout <!channel>?", "**Drops** units.\n\n" + "A long paragraph. ".repeat(400),
            List.of(new KeyPoint(List.of("randomly drops units")), new KeyPoint(List.of("ensemble"))), List.of("dropout"));

    @Test
    void aPostCardHasItsButtonsWithThePostId() {
        SlackMessage m = renderer.render(new Reply.QuestionCard(question, Optional.of(42L), true));
        LayoutBlock last = m.blocks().get(m.blocks().size() - 1);
        assertThat(last).isInstanceOf(ActionsBlock.class);
        assertThat(((ActionsBlock) last).getElements()).hasSize(2);
        assertThat(m.text()).contains("What is dropout &lt;!channel&gt;?", "Regularization &amp; &lt;friends&gt;", "`reg-dropout`");
    }

    @Test
    void aCardWithoutAPostHasNoButtons() {
        SlackMessage m = renderer.render(new Reply.QuestionCard(question, Optional.empty(), false));
        assertThat(m.blocks()).noneMatch(b -> b instanceof ActionsBlock);
    }

    @Test
    void longRepliesAreCutIntoSectionsSlackAccepts() {
        SlackMessage m = renderer.render(new Reply.ModelAnswer(question, false));
        assertThat(m.blocks().size()).isBetween(3, SlackRenderer.BLOCK_LIMIT);
        for (LayoutBlock b : m.blocks()) {
            SectionBlock s = (SectionBlock) b;
            assertThat(s.getText().getText().length()).isLessThanOrEqualTo(SlackRenderer.SECTION_LIMIT);
            assertThat(s.getText().getText()).doesNotStartWith(" ").doesNotEndWith("&amp").doesNotEndWith("&lt");
        }
        assertThat(m.text().length()).isLessThanOrEqualTo(3000);
    }

    @Test
    void theAnswerModalLimitsTheAnswerAndCarriesItsOrigin() {
        View v = renderer.answerModal(new Reply.AnswerForm(7, question, 4000), new FormOrigin(7, "C1", "https://hooks/x").encode());
        assertThat(v.getCallbackId()).isEqualTo(SlackRenderer.ANSWER_FORM);
        assertThat(v.getTitle().getText().length()).isLessThanOrEqualTo(24);
        assertThat(FormOrigin.parse(v.getPrivateMetadata())).contains(new FormOrigin(7, "C1", "https://hooks/x"));
        assertThat(v.getBlocks().toString()).contains("maxLength=3000");
    }
}
