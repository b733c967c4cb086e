package dev.studybot.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.app.DailyPosts;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.port.in.Response;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.MutableClock;
import dev.studybot.support.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A week in a study channel, end to end over a real SQLite file: daily posts by the schedule,
 * answers graded by key points, reveals, the close with results in the thread, streaks, a team
 * competition and a season, and the leaderboards of each period.
 */
class StudyWeekTest {
    private static final Instant MONDAY = Instant.parse("2026-11-16T08:00:00Z");

    @TempDir
    Path dir;
    MutableClock clock;
    TestBot bot;

    @BeforeEach
    void boot() {
        clock = new MutableClock(MONDAY);
        bot = new TestBot(dir, clock);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void aWeekOfDailyQuestionsWithAnswersRevealsTeamsAndLeaderboards() {
        assertThat(bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC").ephemeral()).isFalse();
        bot.say("alice", "study", "/study team create Tensors");
        bot.say("bob", "study", "/study team join tensors");
        bot.say("carol", "study", "/study team create Gradients");

        Set<String> posted = new HashSet<>();
        for (int day = 0; day < 7; day++) {
            Instant slot = MONDAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(1));
            clock.set(slot.plusSeconds(2));
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), slot)).isEqualTo(DailyPosts.Outcome.POSTED);
            Question q = today();
            assertThat(posted.add(q.id())).as("no question repeats within a rotation").isTrue();
            if (day == 3) {
                assertThat(bot.sayAsAdmin("ada", "study", "/study season start Winter Sprint").ephemeral()).isFalse();
            }
            clock.advance(Duration.ofMinutes(5));
            Response alice = bot.say("alice", "study", "/study answer " + fullAnswer(q));
            assertThat(alice.ephemeral()).isTrue();
            Reply.Graded graded = (Reply.Graded) alice.reply();
            assertThat(graded.missed()).isEmpty();
            assertThat(graded.streak()).isEqualTo(day + 1);
            assertThat(graded.points()).isEqualTo(1 + 10 + Math.min(day, 5));

            bot.say("bob", "study", "/study answer " + firstPoint(q));
            if (day % 2 == 0) {
                Response reveal = bot.say("carol", "study", "/study reveal");
                assertThat(((Reply.ModelAnswer) reveal.reply()).forfeited()).isTrue();
                Reply.Graded practice = (Reply.Graded) bot.say("carol", "study", "/study answer " + fullAnswer(q)).reply();
                assertThat(practice.practice()).isTrue();
                assertThat(practice.points()).isZero();
            } else {
                bot.say("carol", "study", "/study answer " + fullAnswer(q));
            }
        }

        FakePlatform platform = bot.platform();
        assertThat(platform.dailyPosts()).hasSize(7);
        List<FakePlatform.Sent> results = platform.results();
        assertThat(results).as("each earlier post closes with results in its own thread").hasSize(6);
        for (FakePlatform.Sent r : results) {
            assertThat(r.inThreadOf()).isPresent();
            assertThat(r.inThreadOf().get().threadRef()).isPresent();
        }
        String firstResults = results.get(0).text();
        assertThat(firstResults).contains("alice — 11 points").contains("carol — revealed first, 0 points");

        // Monday to Sunday: alice 11+12+13+14+15+16+16
        String week = bot.text(bot.say("dave", "study", "/study leaderboard week"));
        assertThat(week).contains("1. alice — 97 points · 7 answers");
        assertThat(week.indexOf("alice")).isLessThan(week.indexOf("bob"));

        // the season began on Thursday, before that day's answers
        String season = bot.text(bot.say("dave", "study", "/study leaderboard season"));
        assertThat(season).contains("season Winter Sprint").contains("1. alice — 61 points");

        // a team's score is its members' points summed, with the average per member
        java.util.Map<String, Long> members = ((Reply.Leaderboard) bot.say("dave", "study", "/study leaderboard week").reply()).standings()
                .stream().collect(Collectors.toMap(st -> st.name(), st -> st.points()));
        List<dev.studybot.domain.Standing> teams =
                ((Reply.Leaderboard) bot.say("dave", "study", "/study leaderboard week teams").reply()).standings();
        assertThat(teams).extracting(t -> t.name()).containsExactly("Tensors", "Gradients");
        assertThat(teams.get(0).points()).isEqualTo(members.get("alice") + members.get("bob"));
        assertThat(teams.get(0).members()).isEqualTo(2);
        assertThat(teams.get(0).average()).isEqualTo((members.get("alice") + members.get("bob")) / 2.0);
        assertThat(teams.get(1).points()).isEqualTo(members.get("carol"));

        // the next Monday starts a new week; month and all time keep everything
        Instant nextMonday = MONDAY.plus(Duration.ofDays(7)).plus(Duration.ofHours(1));
        clock.set(nextMonday.plusSeconds(1));
        bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), nextMonday);
        bot.say("alice", "study", "/study answer " + fullAnswer(today()));
        assertThat(bot.text(bot.say("dave", "study", "/study leaderboard week"))).contains("1. alice — 16 points · 1 answer");
        assertThat(bot.text(bot.say("dave", "study", "/study leaderboard all"))).contains("1. alice — 113 points · 8 answers");
        assertThat(bot.text(bot.say("dave", "study", "/study leaderboard month"))).contains("alice — 113 points");

        String stats = bot.text(bot.say("dave", "study", "/study stats alice"));
        assertThat(stats).contains("113 points · 8 answers · streak 8 · team Tensors").contains("100% of claims");
    }

    @Test
    void aResubmissionReplacesTheLastAnswerUntilTheMemberReveals() {
        bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00");
        Instant slot = MONDAY.plus(Duration.ofHours(1));
        clock.set(slot);
        bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), slot);
        Question q = today();

        Reply.Graded first = (Reply.Graded) bot.say("bob", "study", "/study answer " + firstPoint(q)).reply();
        Reply.Graded second = (Reply.Graded) bot.say("bob", "study", "/study answer " + fullAnswer(q)).reply();
        assertThat(second.points()).isGreaterThan(first.points());
        assertThat(bot.text(bot.say("bob", "study", "/study leaderboard all"))).contains("bob — 11 points · 1 answer");

        Reply.ModelAnswer reveal = (Reply.ModelAnswer) bot.say("bob", "study", "/study reveal").reply();
        assertThat(reveal.forfeited()).as("answered before revealing: points kept").isFalse();
        Reply.Graded after = (Reply.Graded) bot.say("bob", "study", "/study answer " + firstPoint(q)).reply();
        assertThat(after.practice()).isTrue();
        assertThat(bot.text(bot.say("bob", "study", "/study leaderboard all"))).contains("bob — 11 points");
    }

    @Test
    void anAnswerAfterTheCloseIsPractice() {
        bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00");
        Instant slot = MONDAY.plus(Duration.ofHours(1));
        clock.set(slot);
        bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), slot);
        long firstPost = bot.platform().dailyPosts().get(0).postId().orElseThrow();
        bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), slot.plus(Duration.ofDays(1)));

        Question first = bot.wiring().bank().byId(bot.platform().dailyPosts().get(0).question().id()).orElseThrow();
        Response late = bot.wiring().bot().handle(new dev.studybot.port.in.Command(TestBot.channel("study"),
                dev.studybot.domain.Actor.member("eve", "eve"),
                new dev.studybot.port.in.Action.Answer(java.util.Optional.of(fullAnswer(first)), java.util.Optional.of(firstPost))));
        Reply.Graded graded = (Reply.Graded) late.reply();
        assertThat(graded.practice()).isTrue();
        assertThat(graded.practiceReason()).contains("this question is closed; answers now are practice");
        assertThat(bot.text(bot.say("eve", "study", "/study leaderboard all"))).contains("No points yet");
    }

    @Test
    void channelsRotateIndependentlyAndNeverRepeatBeforeTheBankIsExhausted() {
        bot.sayAsAdmin("ada", "a", "/study schedule set daily 09:00");
        int bankSize = bot.wiring().bank().all().size();
        List<String> ids = new java.util.ArrayList<>();
        for (int day = 0; day < bankSize * 2; day++) {
            Instant slot = MONDAY.plus(Duration.ofDays(day));
            clock.set(slot);
            bot.wiring().dailyPosts().postScheduled(TestBot.channel("a"), slot);
            ids.add(today("a").id());
        }
        assertThat(new HashSet<>(ids.subList(0, bankSize))).hasSize(bankSize);
        assertThat(new HashSet<>(ids.subList(bankSize, 2 * bankSize))).hasSize(bankSize);
    }

    @Test
    void everythingIsScopedToItsWorkspace() {
        bot.sayAsAdmin("ada", "study", "/study post");
        bot.say("alice", "study", "/study answer " + fullAnswer(today()));
        bot.say("alice", "study", "/study team create Tensors");
        dev.studybot.domain.ChannelRef other = new dev.studybot.domain.ChannelRef(TestBot.PLATFORM, "w2", "study");
        java.util.function.Function<String, String> inW2 = text -> bot.text(bot.wiring().bot().handleText(other,
                dev.studybot.domain.Actor.member("zed", "zed"), text));
        assertThat(inW2.apply("/study leaderboard all")).contains("No points yet");
        assertThat(inW2.apply("/study team list")).contains("No teams yet");
        assertThat(inW2.apply("/study team create Tensors")).contains("zed created team Tensors");
        assertThat(inW2.apply("/study stats alice")).contains("No member called 'alice'");
        assertThat(inW2.apply("/study today")).contains("No question has been posted");
        assertThat(bot.text(bot.say("alice", "study", "/study leaderboard all teams"))).contains("1. Tensors — 11 points · 1 member");
    }

    private Question today() {
        return today("study");
    }

    private Question today(String channel) {
        Reply.QuestionCard card = (Reply.QuestionCard) bot.say("x", channel, "/study today").reply();
        return card.question();
    }

    private static String fullAnswer(Question q) {
        return q.keyPoints().stream().map(KeyPoint::label).collect(Collectors.joining(". ")) + ".";
    }

    private static String firstPoint(Question q) {
        return q.keyPoints().get(0).label();
    }
}
