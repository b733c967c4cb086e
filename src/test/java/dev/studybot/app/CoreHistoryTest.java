package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Actor;
import dev.studybot.domain.BankReload;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.DailyPostUseCase.Outcome;
import dev.studybot.port.in.Response;
import dev.studybot.port.in.Visibility;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /study history} and {@code /study bank reload} over in-memory stores. */
class CoreHistoryTest {
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    private final MutableClock clock = new MutableClock(MONDAY.minus(Duration.ofHours(1)));
    private final MemoryCore core = new MemoryCore(clock);

    @Test
    void theHistoryListsTheChannelsClosedPostsNewestFirstAndLeavesTheOpenOneOut() {
        core.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC");
        Question first = post(0);
        Question second = post(1);
        Question open = post(2);

        Response response = core.say("bob", "study", "/study history");
        assertThat(response.visibility()).isEqualTo(Visibility.ASKER);
        Reply.History history = (Reply.History) response.reply();
        assertThat(history.open()).isTrue();
        assertThat(history.lines()).extracting(Reply.History.HistoryLine::questionId).containsExactly(second.id(), first.id());
        assertThat(history.lines()).extracting(Reply.History.HistoryLine::postedAt).containsExactly(MONDAY.plus(Duration.ofDays(1)), MONDAY);
        assertThat(history.lines()).allSatisfy(l -> assertThat(l.messageRef()).isPresent());
        assertThat(history.lines()).noneMatch(l -> l.questionId().equals(open.id()));
        assertThat(core.text(response)).contains("Past questions here, newest first:", "Tue 17 Nov 2026 · " + second.id() + " " + second.text(),
                "Mon 16 Nov 2026 · " + first.id(), "/study reveal ID");

        // a listed post is closed: its model answer costs nothing
        Reply.ModelAnswer reveal = (Reply.ModelAnswer) core.say("bob", "study", "/study reveal " + first.id()).reply();
        assertThat(reveal.forfeited()).isFalse();
        assertThat(core.say("bob", "study", "/study question " + second.id()).reply()).isInstanceOf(Reply.QuestionCard.class);

        assertThat(((Reply.History) core.say("bob", "study", "/study history 1").reply()).lines()).hasSize(1);
    }

    @Test
    void aCountOutsideOneToTwentyFiveIsRefusedToTheAsker() {
        for (String count : List.of("0", "26", "ten", "-1")) {
            Response response = core.say("bob", "study", "/study history " + count);
            assertThat(response.visibility()).isEqualTo(Visibility.ASKER);
            assertThat(core.text(response)).as(count).contains("a number from 1 to 25");
        }
    }

    @Test
    void theHistoryIsTheChannelsAndTheWorkspacesOwn() {
        core.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC");
        post(0);
        post(1);
        assertThat(((Reply.History) core.say("bob", "study", "/study history").reply()).lines()).hasSize(1);
        assertThat(core.text(core.say("bob", "other", "/study history"))).isEqualTo("No question has been posted in this channel yet.");
        ChannelRef elsewhere = MemoryCore.channel("w2", "study");
        Reply.History theirs = (Reply.History) core.say(elsewhere, Actor.member("zed", "zed"), "/study history").reply();
        assertThat(theirs.lines()).isEmpty();
        assertThat(theirs.open()).isFalse();
    }

    @Test
    void aQuestionOpenAgainInANewRoundIsMarkedSoThatItsRevealForfeitsNothingByAccident() {
        Question q = core.bank().all().get(0);
        Reply.History history = new Reply.History(MemoryCore.channel("study"), List.of(
                new Reply.History.HistoryLine(q.id(), Optional.of(q.text()), MONDAY, Optional.of("m1"), true)), true, java.time.ZoneOffset.UTC);
        assertThat(new dev.studybot.domain.words.MarkupRenderer(dev.studybot.domain.words.Markup.PLAIN).render(history))
                .contains(q.id() + " " + q.text() + " · open again today: answer it first");
    }

    @Test
    void bankReloadIsForAdminsAndSaysWhenTheBankIsTheOneBuiltIn() {
        Response member = core.say("bob", "study", "/study bank reload");
        assertThat(member.visibility()).isEqualTo(Visibility.ASKER);
        assertThat(core.text(member)).contains("Only admins");

        assertThat(core.text(core.sayAsAdmin("ada", "study", "/study bank reload"))).contains("built into its jar");
    }

    @Test
    void bankReloadReportsEachProblemAsFileLineAndTheFilesThatKeepTheirLastGoodVersion() {
        core.bankReloadsAs(new BankReload(true, 12, 3, List.of("new-one"), List.of("reg-dropout"), List.of("old-one"),
                List.of("questions/regularization.yaml:7: YAML syntax: mapping values are not allowed here"),
                List.of("questions/regularization.yaml")));
        Response response = core.sayAsAdmin("ada", "study", "/study bank reload");
        assertThat(response.visibility()).isEqualTo(Visibility.ASKER);
        assertThat(core.text(response)).contains("Question bank reloaded: 12 questions in 3 topics · 1 new, 1 changed, 1 removed.",
                "Removed: old-one. Posts and history that name them still find them until the next restart",
                "The last good version stays live for questions/regularization.yaml.",
                "1 problem:\n• questions/regularization.yaml:7: YAML syntax: mapping values are not allowed here");
    }

    private Question post(int day) {
        Instant slot = MONDAY.plus(Duration.ofDays(day));
        clock.set(slot);
        assertThat(core.dailyPosts().postScheduled(MemoryCore.channel("study"), slot)).isEqualTo(Outcome.POSTED);
        return ((Reply.QuestionCard) core.say("x", "study", "/study today").reply()).question();
    }
}
