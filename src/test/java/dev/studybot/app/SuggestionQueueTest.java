package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Acknowledgement;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.Response;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code /study suggest} and the admins' queue over the in-memory core. */
class SuggestionQueueTest {
    static final String CLIPPING = "/study suggest question: What is gradient clipping, and when is it needed? "
            + "answer: Gradient clipping caps the gradient norm, which tames exploding gradients in recurrent networks. "
            + "claims: caps the gradient norm; exploding gradients, gradients blow up topic: Optimization level: intermediate";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final MemoryCore core = new MemoryCore(clock);
    private final ChannelRef here = MemoryCore.channel("study");
    private final Actor admin = new Actor("A1", "Ada", true, Set.of());
    private final Actor member = Actor.member("M1", "Max");

    private String say(Actor actor, String text) {
        return core.text(core.bot().handleText(here, actor, text));
    }

    @Test
    void aSuggestionWithoutTextOpensTheForm() {
        Command bare = new Command(here, member, new Action.Suggest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(core.bot().acknowledgement(bare)).isEqualTo(Acknowledgement.FORM);
        assertThat(core.bot().handle(bare).reply()).isInstanceOf(Reply.SuggestForm.class);
    }

    @Test
    void aMemberSuggestsAnAdminApprovesItIntoADeckAndTheMemberIsTold() {
        assertThat(say(member, CLIPPING)).contains("Your suggestion is #1 in the queue");
        assertThat(say(member, "/study suggest What is dropout, and why does it reduce overfitting?")).contains("#2");

        Reply.SuggestionQueue queue = (Reply.SuggestionQueue) core.bot().handleText(here, admin, "/study suggestions").reply();
        assertThat(queue.suggestions()).extracting(q -> q.suggestion().number()).containsExactly(1L, 2L);
        assertThat(queue.suggestions().get(1).lookAlikes()).first().satisfies(l -> {
            assertThat(l.id()).isEqualTo("reg-dropout");
            assertThat(l.similarity()).isGreaterThan(0.5);
        });
        assertThat(say(admin, "/study suggestions")).contains("#1", "by Max", "Looks like reg-dropout (");

        assertThat(say(admin, "/study suggestions approve 1 optimization")).contains("Approved suggestion #1", "deck optimization",
                "Its author was told");
        String id = core.decks().ownQuestions(here.workspaceRef(), "optimization").get(0).id();
        assertThat(id).startsWith("sg-");
        assertThat(say(member, "/study question " + id)).contains("gradient clipping");
        FakePlatform.Told told = core.platform().told().get(0);
        assertThat(told.userId()).isEqualTo("M1");
        assertThat(told.text()).contains("was approved", id);

        assertThat(say(admin, "/study suggestions approve 1")).as("decided once").contains("There is no suggestion #1 waiting");
    }

    @Test
    void aSuggestionThatDoesNotPassTheBankStaysQueuedAndADeclineTellsTheReason() {
        say(member, "/study suggest What is label smoothing?");
        assertThat(say(admin, "/study suggestions approve 1")).contains("was not approved and stays in the queue", "no model answer");
        assertThat(((Reply.SuggestionQueue) core.bot().handleText(here, admin, "/study suggestions").reply()).suggestions()).hasSize(1);

        assertThat(say(admin, "/study suggestions approve 1 answer: Label smoothing mixes the one-hot targets with a uniform spread.")).as(
                "an answer without claims").contains("stays in the queue", "no key points");
        assertThat(say(admin, "/study suggestions decline 1")).contains("Say why you decline it");
        assertThat(say(admin, "/study suggestions decline #1 Please add a model answer @everyone")).contains("Declined suggestion #1",
                "told why");
        assertThat(core.platform().told()).singleElement().satisfies(t -> assertThat(t.text()).contains("was declined",
                "Please add a model answer"));
        assertThat(((Reply.SuggestionQueue) core.bot().handleText(here, admin, "/study suggestions").reply()).suggestions()).isEmpty();
    }

    @Test
    void anAdminCompletesASuggestionWithAnAnswerAndClaimsWhenApprovingIt() {
        say(member, "/study suggest question: What is label smoothing? topic: Regularization");
        assertThat(say(admin, "/study suggestions approve 1 team deck answer: Label smoothing mixes the one-hot targets with a "
                + "uniform spread, so the model grows less overconfident. claims: mixes the one-hot targets; less overconfident, overconfidence"))
                .contains("Approved suggestion #1", "deck team deck");
        assertThat(core.decks().ownQuestions(here.workspaceRef(), "team deck")).singleElement().satisfies(q -> {
            assertThat(q.answer()).startsWith("Label smoothing mixes");
            assertThat(q.keyPoints()).hasSize(2);
            assertThat(q.topic()).isEqualTo("Regularization");
        });
    }

    @Test
    void aFormWithAClaimTheAnswerDoesNotMakeIsRefusedAndNothingIsQueued() {
        assertThat(say(member, "/study suggest question: What does weight decay do? answer: It shrinks the weights a little every step. "
                + "claims: shrinks the weights; prevents vanishing gradients"))
                .contains("Your suggestion was not queued", "[prevents vanishing gradients] does not occur in the answer");
        assertThat(say(member, "/study suggest question: What does weight decay do? claims: shrinks the weights"))
                .contains("claims need a model answer");
        assertThat(say(member, "/study suggest question: What does weight decay do? level: expert")).contains("'expert' is not a level");
        assertThat(((Reply.SuggestionQueue) core.bot().handleText(here, admin, "/study suggestions").reply()).suggestions()).isEmpty();
    }

    @Test
    void anApprovalWhoseIdIsTakenGetsTheNextFreeOne() {
        say(member, CLIPPING);
        say(member, CLIPPING.replace("recurrent networks", "deep recurrent networks"));
        assertThat(say(admin, "/study suggestions")).as("the queue flags what a second approval would repeat")
                .contains("#2");
        assertThat(say(admin, "/study suggestions approve 1")).contains("sg-gradient-clipping-needed", "deck suggested");
        assertThat(say(admin, "/study suggestions approve 2")).contains("sg-gradient-clipping-needed-2");
    }

    @Test
    void membersCannotSeeOrDecideTheQueue() {
        say(member, CLIPPING);
        for (String command : new String[] {"/study suggestions", "/study suggestions approve 1", "/study suggestions decline 1 no"}) {
            Response r = core.bot().handleText(here, member, command);
            assertThat(r.ephemeral()).isTrue();
            assertThat(core.text(r)).contains("Only admins can do that");
        }
        assertThat(say(admin, "/study suggestions")).contains("#1");
    }

    @Test
    void anotherWorkspaceNeverSeesOrDecidesTheQueue() {
        say(member, CLIPPING);
        ChannelRef theirs = MemoryCore.channel("T-OTHER", "study");
        assertThat(((Reply.SuggestionQueue) core.bot().handleText(theirs, admin, "/study suggestions").reply()).suggestions()).isEmpty();
        assertThat(core.text(core.bot().handleText(theirs, admin, "/study suggestions approve 1"))).contains("no suggestion #1");
        assertThat(core.text(core.bot().handleText(theirs, admin, "/study suggestions decline 1 nope"))).contains("no suggestion #1");
        assertThat(say(member, "/study suggest Why is the sky blue?")).as("numbers count per workspace").contains("#2");
        assertThat(core.text(core.bot().handleText(theirs, member, "/study suggest Why is the sky blue?"))).contains("#1");
    }
}
