package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.bank.BankCodec;
import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Question;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.QuestionDraft.Field;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Schedule;
import dev.studybot.port.in.Acknowledgement;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.Response;
import dev.studybot.port.out.QuestionCodec;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The team's own questions from chat: the form, its checks, edit, remove, decks, export and schedules by deck. */
class OwnQuestionsTest {
    static final String QUESTION = "Why do we review model changes before they ship?";
    static final String ANSWER = "A second engineer catches data leakage and silent metric regressions before users see them.";
    static final String CLAIMS = """
            A reviewer catches leakage of test data into training. | data leakage; leaked test data | wrong: slows shipping
            detail: A review notices a metric that got worse. | silent metric regressions; metric regression
            """;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final MemoryCore core = new MemoryCore(clock);
    private final ChannelRef study = MemoryCore.channel("study");
    private final Actor admin = new Actor("A1", "ada", true, Set.of());
    private final Actor member = Actor.member("M1", "max");

    static QuestionDraft draft(String deck) {
        return new QuestionDraft(deck, Optional.empty(), QUESTION, ANSWER, CLAIMS, "Team Practices", "level: basic");
    }

    private Response submit(Actor who, QuestionDraft draft) {
        return core.bot().handle(new Command(study, who, new Action.QuestionSubmit(draft)));
    }

    private Reply.QuestionForm rejected(Response response) {
        assertThat(response.reply()).isInstanceOf(Reply.QuestionForm.class);
        Reply.QuestionForm form = (Reply.QuestionForm) response.reply();
        assertThat(form.rejected()).isTrue();
        return form;
    }

    private int ownCount() {
        return core.decks().questionsIn(study.workspaceRef(), List.of()).size() - core.bank().all().size();
    }

    @Test
    void addOpensAnEmptyFormForTheTeamDeckAndAFilledFormIsStored() {
        Command add = new Command(study, admin, new Action.QuestionAdd(Optional.empty()));
        assertThat(core.bot().acknowledgement(add)).isEqualTo(Acknowledgement.FORM);
        Reply.QuestionForm form = (Reply.QuestionForm) core.bot().handle(add).reply();
        assertThat(form.rejected()).isFalse();
        assertThat(form.draft()).isEqualTo(QuestionDraft.blank("team"));

        Response saved = submit(admin, draft("team"));
        assertThat(core.text(saved)).contains("Added the question review-model-changes-before-ship to the deck team");
        Question q = core.decks().bank(study.workspaceRef()).byId("review-model-changes-before-ship").orElseThrow();
        assertThat(q.keyPoints()).hasSize(2);
        assertThat(q.keyPoints().get(0).misconceptions()).containsExactly("slows shipping");
        assertThat(q.keyPoints().get(1).weight()).isEqualTo(dev.studybot.domain.KeyPoint.Weight.DETAIL);
        assertThat(core.text(core.say("x", "study", "/study question review-model-changes-before-ship"))).contains(QUESTION);
        assertThat(core.text(core.say("x", "study", "/study decks"))).contains("team").contains("1 question");
    }

    @Test
    void aClaimTheAnswerDoesNotMakeComesBackOnTheClaimsFieldAndNothingIsStored() {
        QuestionDraft bad = draft("team").with(Field.CLAIMS, "Gradients are clipped. | gradient clipping");
        Reply.QuestionForm form = rejected(submit(admin, bad));
        assertThat(form.problems()).extracting(Reply.QuestionForm.FormProblem::field).containsOnly(Field.CLAIMS);
        assertThat(form.problems().get(0).text()).contains("does not occur in the answer");
        assertThat(form.draft()).isEqualTo(bad);
        assertThat(ownCount()).isZero();
        assertThat(core.text(new Response(form, dev.studybot.port.in.Visibility.ASKER)))
                .contains("not saved").contains("gradient clipping").contains(QUESTION);
    }

    @Test
    void theFormsOwnSyntaxIsCheckedFieldByField() {
        QuestionDraft bad = new QuestionDraft("team", Optional.empty(), " ", ANSWER, "a claim without phrasings", "", "level: expert");
        Reply.QuestionForm form = rejected(submit(admin, bad));
        assertThat(form.problems()).extracting(Reply.QuestionForm.FormProblem::field)
                .containsExactlyInAnyOrder(Field.QUESTION, Field.CLAIMS, Field.TOPIC, Field.DETAILS);
        assertThat(form.problems()).filteredOn(p -> p.field() == Field.CLAIMS).first().extracting(Reply.QuestionForm.FormProblem::text)
                .asString().contains("needs its phrasings after a |");
        assertThat(ownCount()).isZero();
    }

    @Test
    void aDuplicateIdAndARepeatedQuestionAreRefused() {
        Reply.QuestionForm builtIn = rejected(submit(admin, draft("team").with(Field.DETAILS, "level: basic\nid: reg-dropout")));
        assertThat(builtIn.problems()).extracting(Reply.QuestionForm.FormProblem::field).containsExactly(Field.DETAILS);
        assertThat(builtIn.problems().get(0).text()).contains("built-in bank");

        assertThat(submit(admin, draft("team").with(Field.DETAILS, "level: basic\nid: team-review")).reply()).isInstanceOf(Reply.Notice.class);
        Reply.QuestionForm again = rejected(submit(admin, draft("team").with(Field.QUESTION, "How do reviews catch leaks?")
                .with(Field.DETAILS, "basic; id: team-review")));
        assertThat(again.problems().get(0).field()).isEqualTo(Field.DETAILS);
        assertThat(again.problems().get(0).text()).contains("taken");

        Reply.QuestionForm repeat = rejected(submit(admin, draft("other")));
        assertThat(repeat.problems()).extracting(Reply.QuestionForm.FormProblem::field).containsExactly(Field.QUESTION);
        assertThat(repeat.problems().get(0).text()).contains("team-review").contains("word for word");

        Question dropout = core.bank().byId("reg-dropout").orElseThrow();
        Reply.QuestionForm near = rejected(submit(admin, new QuestionDraft("team", Optional.empty(), dropout.text() + " Explain briefly.",
                dropout.answer(), QuestionForms.fill(dropout, "team").claims(), dropout.topic(), "level: basic")));
        assertThat(near.problems().get(0).field()).isEqualTo(Field.QUESTION);
        assertThat(near.problems().get(0).text()).contains("reg-dropout");
        assertThat(ownCount()).isEqualTo(1);
    }

    @Test
    void membersAreRefusedEveryAdminPartAndNothingIsStored() {
        for (Action action : List.of(new Action.QuestionAdd(Optional.empty()), new Action.QuestionEdit("x"), new Action.QuestionRemove("x"),
                new Action.QuestionSubmit(draft("team")), new Action.BankExport("builtin"))) {
            Command c = new Command(study, member, action);
            assertThat(core.bot().acknowledgement(c)).as(action.toString()).isEqualTo(Acknowledgement.ASKER);
            assertThat(core.text(core.bot().handle(c))).as(action.toString()).contains("Only admins");
        }
        assertThat(ownCount()).isZero();
        assertThat(core.text(core.say("max", "study", "/study decks"))).contains("builtin");
    }

    @Test
    void editOpensTheFormFilledInAndSavesChangesUnderTheSameId() {
        submit(admin, draft("team"));
        String id = "review-model-changes-before-ship";
        Command edit = new Command(study, admin, new Action.QuestionEdit(id.toUpperCase()));
        assertThat(core.bot().acknowledgement(edit)).isEqualTo(Acknowledgement.FORM);
        QuestionDraft filled = ((Reply.QuestionForm) core.bot().handle(edit).reply()).draft();
        assertThat(filled.editing()).contains(id);
        assertThat(filled.deck()).isEqualTo("team");
        assertThat(filled.claims()).contains("| wrong: slows shipping").contains("detail: A review notices");

        String newAnswer = ANSWER + " It also spreads knowledge of the code.";
        assertThat(core.text(submit(admin, filled.with(Field.ANSWER, newAnswer)))).contains("Saved your changes to the question " + id);
        assertThat(core.decks().bank(study.workspaceRef()).byId(id).orElseThrow().answer()).isEqualTo(newAnswer);
        assertThat(ownCount()).isEqualTo(1);

        Reply.QuestionForm renamed = rejected(submit(admin, filled.with(Field.DETAILS, "level: basic\nid: another-id")));
        assertThat(renamed.problems().get(0).text()).contains("never changes");

        assertThat(core.text(core.sayAsAdmin("ada", "study", "/study question edit reg-dropout"))).contains("built-in bank");
        assertThat(core.text(core.sayAsAdmin("ada", "study", "/study question edit nothing-here"))).contains("no question 'nothing-here'");
    }

    @Test
    void removeKeepsTheIdForHistoryButTakesTheQuestionOutOfDrawsAndNeverReusesIt() {
        submit(admin, draft("team"));
        String id = "review-model-changes-before-ship";
        assertThat(core.text(core.sayAsAdmin("ada", "study", "/study question remove " + id))).contains("Removed the question " + id);
        assertThat(ownCount()).isZero();
        assertThat(core.decks().bank(study.workspaceRef()).byId(id)).isPresent();
        assertThat(core.text(core.sayAsAdmin("ada", "study", "/study question remove " + id))).contains("was removed");
        assertThat(core.text(core.sayAsAdmin("ada", "study", "/study question edit " + id))).contains("was removed");
        assertThat(core.text(core.sayAsAdmin("ada", "study", "/study question remove reg-dropout"))).contains("built-in bank");
        Reply.QuestionForm reuse = rejected(submit(admin, draft("team").with(Field.DETAILS, "level: basic\nid: " + id)));
        assertThat(reuse.problems().get(0).text()).contains("removed question");
    }

    @Test
    void exportGivesBankYamlThatReadsBackAsTheSameQuestions() {
        submit(admin, draft("team"));
        Reply.DeckFile file = (Reply.DeckFile) core.sayAsAdmin("ada", "study", "/study bank export TEAM").reply();
        assertThat(file.deck()).isEqualTo("team");
        assertThat(file.file().fileName()).isEqualTo("team.yaml");
        QuestionCodec.Decoded back = new BankCodec(new LuceneTextAnalysis()).decode("team.yaml", file.file().text());
        assertThat(back.problems()).isEmpty();
        assertThat(back.questions()).containsExactlyElementsOf(core.decks().ownQuestions(study.workspaceRef(), "team"));
        assertThat(core.text(core.sayAsAdmin("ada", "study", "/study bank export nope"))).contains("No deck is called 'nope'")
                .contains("builtin, team");
    }

    @Test
    void aScheduleDrawsOnTheDecksItNamesAndAnUnknownDeckIsNamedWithThoseThereAre() {
        submit(admin, draft("team"));
        Response set = core.sayAsAdmin("ada", "study", "/study schedule set weekdays 09:30 deck:Team");
        Schedule schedule = ((Reply.ScheduleInfo) set.reply()).schedule().orElseThrow();
        assertThat(schedule.decks()).containsExactly("team");
        assertThat(core.text(core.say("max", "study", "/study schedule show"))).contains("decks team");

        Response unknown = core.sayAsAdmin("ada", "study", "/study schedule set weekdays 09:30 deck:team,nope");
        assertThat(unknown.ephemeral()).isTrue();
        assertThat(core.text(unknown)).contains("No deck is called 'nope'").contains("builtin, team");
    }
}
