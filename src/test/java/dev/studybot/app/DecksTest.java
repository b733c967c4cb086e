package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.TopicCount;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.QuestionBank;
import dev.studybot.support.MutableClock;
import dev.studybot.support.TeamQuestion;
import dev.studybot.support.memory.MemoryCore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A workspace's own decks beside the shared bank: what each workspace sees, draws and may write. */
class DecksTest {
    static final String OWN = TeamQuestion.YAML;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final MemoryCore core = new MemoryCore(clock);
    private final ChannelRef mine = MemoryCore.channel("study");
    private final ChannelRef theirs = MemoryCore.channel("T-OTHER", "study");

    private Decks.Written add(WorkspaceRef ws, String deck, String yaml) {
        return core.decks().write(ws, Optional.of(deck), "form", yaml, Decks.Mode.ADD, "U1", clock.instant());
    }

    @Test
    void aWorkspacesOwnQuestionsAreFoundThereAndNowhereElse() {
        assertThat(add(mine.workspaceRef(), "team", OWN).problems()).isEmpty();

        assertThat(core.say("x", "study", "/study question team-review").reply()).isInstanceOf(Reply.QuestionCard.class);
        assertThat(((Reply.SearchResults) core.say("x", "study", "/study search data leakage review").reply()).hits())
                .extracting(h -> h.question().id()).contains("team-review");
        assertThat(((Reply.Topics) core.say("x", "study", "/study topics").reply()).topics())
                .extracting(TopicCount::topic).contains("Team Practices");

        assertThat(core.text(core.say(theirs, dev.studybot.domain.Actor.member("y", "y"), "/study question team-review")))
                .contains("No question has the id 'team-review'");
        assertThat(((Reply.SearchResults) core.say(theirs, dev.studybot.domain.Actor.member("y", "y"), "/study search data leakage review")
                .reply()).hits()).extracting(h -> h.question().id()).doesNotContain("team-review");
        assertThat(((Reply.Topics) core.say(theirs, dev.studybot.domain.Actor.member("y", "y"), "/study topics").reply()).topics())
                .extracting(TopicCount::topic).doesNotContain("Team Practices");
        assertThat(core.decks().decks(theirs.workspaceRef())).extracting(Reply.DeckList.DeckLine::name).containsExactly(Decks.BUILT_IN);
        assertThat(core.decks().decks(mine.workspaceRef())).extracting(Reply.DeckList.DeckLine::name, Reply.DeckList.DeckLine::questions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Decks.BUILT_IN, core.bank().all().size()),
                        org.assertj.core.groups.Tuple.tuple("team", 1));
    }

    @Test
    void aDeckDrawsOnlyItsOwnQuestionsAndTheWholeBankDrawsAll() {
        add(mine.workspaceRef(), "team", OWN);
        assertThat(core.decks().questionsIn(mine.workspaceRef(), List.of("team"))).extracting(Question::id).containsExactly("team-review");
        assertThat(core.decks().questionsIn(mine.workspaceRef(), List.of())).hasSize(core.bank().all().size() + 1);
        assertThat(core.decks().questionsIn(mine.workspaceRef(), List.of(Decks.BUILT_IN))).hasSize(core.bank().all().size());
        assertThat(core.decks().questionsIn(theirs.workspaceRef(), List.of("team"))).isEmpty();
    }

    @Test
    void nothingIsStoredWhenAnythingIsWrong() {
        String claimNotInAnswer = OWN.replace("phrasings: [data leakage, leaked test data]", "phrasings: [gradient clipping]");
        Decks.Written bad = add(mine.workspaceRef(), "team", claimNotInAnswer);
        assertThat(bad.ok()).isFalse();
        assertThat(bad.problems()).anyMatch(p -> p.startsWith("form:") && p.contains("does not occur in the answer"));
        assertThat(core.decks().bank(mine.workspaceRef()).byId("team-review")).isEmpty();

        String bankId = OWN.replace("id: team-review", "id: " + core.bank().all().get(0).id());
        assertThat(add(mine.workspaceRef(), "team", bankId).problems()).anyMatch(p -> p.contains("is a question of the built-in bank"));
        assertThat(add(mine.workspaceRef(), Decks.BUILT_IN, OWN).problems()).anyMatch(p -> p.contains("cannot be changed in chat"));
        assertThat(add(mine.workspaceRef(), "team", "not: [a question list").problems()).anyMatch(p -> p.contains("YAML syntax"));

        String longId = "team-" + "x".repeat(Decks.MAX_ID);
        assertThat(add(mine.workspaceRef(), "team", OWN.replace("id: team-review", "id: " + longId)).problems())
                .anyMatch(p -> p.contains("an id of the team's own is at most " + Decks.MAX_ID));
        assertThat(core.decks().bank(mine.workspaceRef()).byId(longId)).isEmpty();

        assertThat(add(mine.workspaceRef(), "team", OWN).ok()).isTrue();
        assertThat(add(mine.workspaceRef(), "team", OWN).problems()).anyMatch(p -> p.contains("the id 'team-review' is taken"));
    }

    @Test
    void aRemovedQuestionIsNoLongerDrawnButItsIdStaysTaken() {
        add(mine.workspaceRef(), "team", OWN);
        assertThat(core.decks().remove(mine.workspaceRef(), "team-review", clock.instant())).isTrue();
        assertThat(core.decks().questionsIn(mine.workspaceRef(), List.of("team"))).isEmpty();
        assertThat(core.decks().bank(mine.workspaceRef()).byId("team-review")).as("posts and history still name it").isPresent();
        assertThat(add(mine.workspaceRef(), "team", OWN).problems()).anyMatch(p -> p.contains("a removed question"));
        assertThat(core.decks().write(mine.workspaceRef(), Optional.empty(), "form", OWN, Decks.Mode.REPLACE, "U1", clock.instant()).ok())
                .as("an edit brings it back").isTrue();
        assertThat(core.decks().questionsIn(mine.workspaceRef(), List.of("team"))).hasSize(1);
    }

    @Test
    void whileTheDecksCannotBeReadTheLastViewServesAndAWorkspaceNeverSeenHasTheBankAlone() {
        add(mine.workspaceRef(), "team", OWN);
        assertThat(core.decks().bank(mine.workspaceRef()).byId("team-review")).isPresent();
        core.faults().fail(dev.studybot.port.out.DeckStore.class, new dev.studybot.port.out.StoreException("database is locked", true, null));
        assertThat(core.decks().bank(mine.workspaceRef()).byId("team-review")).as("the view read before").isPresent();
        assertThat(((Reply.SearchResults) core.say("x", "study", "/study search data leakage review").reply()).hits())
                .extracting(h -> h.question().id()).contains("team-review");
        assertThat(core.decks().bank(theirs.workspaceRef()).all()).as("the shared bank alone").hasSize(core.bank().all().size());
        core.faults().heal();
        assertThat(core.decks().bank(theirs.workspaceRef()).byId("team-review")).isEmpty();
    }

    @Test
    void aChangedQuestionIsReadAgainAndTheWorkspacesViewFollowsEveryWrite() {
        add(mine.workspaceRef(), "team", OWN);
        QuestionBank before = core.decks().bank(mine.workspaceRef());
        assertThat(core.decks().bank(mine.workspaceRef())).as("kept while nothing changed").isSameAs(before);
        String edited = OWN.replace("Why do we review model changes before they ship?", "Why does a second engineer review model changes?");
        assertThat(core.decks().write(mine.workspaceRef(), Optional.empty(), "form", edited, Decks.Mode.REPLACE, "U1", clock.instant()).ok())
                .isTrue();
        assertThat(core.decks().bank(mine.workspaceRef()).byId("team-review").orElseThrow().text())
                .isEqualTo("Why does a second engineer review model changes?");
    }

    @Test
    void anExportedDeckReadsBackAsTheSameQuestions() {
        add(mine.workspaceRef(), "team", OWN);
        String yaml = core.decks().export(mine.workspaceRef(), "team");
        assertThat(yaml).startsWith("topic: Team Practices");
        Decks.Written again = core.decks().write(theirs.workspaceRef(), Optional.of("imported"), "team.yaml", yaml, Decks.Mode.ADD, "U2",
                clock.instant());
        assertThat(again.problems()).isEmpty();
        assertThat(core.decks().bank(theirs.workspaceRef()).byId("team-review")).get()
                .isEqualTo(core.decks().bank(mine.workspaceRef()).byId("team-review").orElseThrow());
    }
}
