package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.MemoryState;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.in.Acknowledgement;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.DailyPostUseCase.Outcome;
import dev.studybot.port.in.Response;
import dev.studybot.port.in.Visibility;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Spaced repetition over in-memory stores: every graded answer updates the member's memory, the
 * most overdue question comes back privately, its answer is graded and rescheduled without points,
 * reminders go out once a day outside quiet hours, and mastery reads the memory.
 */
class ReviewsTest {
    /** Monday 09:00 UTC. */
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");
    private static final ChannelRef STUDY = MemoryCore.channel("study");

    private final MutableClock clock = new MutableClock(MONDAY.minus(Duration.ofHours(1)));
    private final MemoryCore core = new MemoryCore(clock);

    @Test
    void aGradeBecomesARatingByTheShareOfTheRubricCovered() {
        Question q = core.bank().byId("reg-dropout").orElseThrow();
        assertThat(q.keyPoints()).hasSize(4);
        assertThat(Memories.rating(grade(q, 0))).isEqualTo(Fsrs.Rating.AGAIN);
        assertThat(Memories.rating(grade(q, 1))).isEqualTo(Fsrs.Rating.AGAIN);
        assertThat(Memories.rating(grade(q, 2))).isEqualTo(Fsrs.Rating.HARD);
        assertThat(Memories.rating(grade(q, 3))).isEqualTo(Fsrs.Rating.GOOD);
        assertThat(Memories.rating(grade(q, 4))).isEqualTo(Fsrs.Rating.EASY);
    }

    @Test
    void anAnsweredQuestionComesBackWhenDueOnlyForTheMemberAndEarnsNothing() {
        schedule();
        Question q = post(0);
        say("alice", "/study answer " + firstPoint(q));
        Reply.Leaderboard before = (Reply.Leaderboard) say("x", "/study leaderboard all").reply();
        int sent = core.platform().sent().size();

        Response early = say("alice", "/study review");
        assertThat(early.visibility()).isEqualTo(Visibility.ASKER);
        assertThat(early.reply()).isInstanceOfSatisfying(Reply.NothingDue.class, r -> {
            assertThat(r.tracked()).isEqualTo(1);
            // an answer covering a quarter of the rubric rates again: due the next day
            assertThat(r.next()).contains(day(1).plus(Duration.ofMinutes(1)));
        });
        assertThat(core.text(early)).contains("No review is due", "the next is due Tue 17 Nov 2026 09:01 UTC");

        clock.set(day(1).plus(Duration.ofHours(2)));
        assertThat(say("bob", "/study review").reply()).as("bob answered nothing").isInstanceOfSatisfying(Reply.NothingDue.class,
                r -> assertThat(r.tracked()).isZero());
        Response review = say("alice", "/study review");
        assertThat(review.visibility()).isEqualTo(Visibility.ASKER);
        assertThat(review.reply()).isInstanceOfSatisfying(Reply.ReviewCard.class, card -> {
            assertThat(card.question().id()).isEqualTo(q.id());
            assertThat(card.due()).isEqualTo(1);
            assertThat(card.early()).isFalse();
        });
        assertThat(core.text(review)).contains(q.text(), "/study review answer");

        Response graded = say("alice", "/study review answer " + fullAnswer(q));
        assertThat(graded.visibility()).isEqualTo(Visibility.ASKER);
        Reply.Reviewed reviewed = (Reply.Reviewed) graded.reply();
        assertThat(reviewed.rating()).isEqualTo("easy");
        assertThat(reviewed.covered()).hasSize(q.keyPoints().size());
        assertThat(reviewed.stillDue()).isZero();
        assertThat(reviewed.nextDue()).isAfter(clock.instant().plus(Duration.ofDays(1)));
        assertThat(core.text(graded)).contains("rated easy", "/study reveal " + q.id()).doesNotContain("point");

        assertThat(say("x", "/study leaderboard all").reply()).as("reviews earn no points").isEqualTo(before);
        assertThat(core.platform().sent()).as("nothing goes to the channel").hasSize(sent);
        assertThat(say("alice", "/study review answer again").reply()).isInstanceOfSatisfying(Reply.Error.class,
                e -> assertThat(e.text()).contains("no review open"));
    }

    @Test
    void theMostOverdueQuestionComesFirst() {
        schedule();
        Question first = post(0);
        say("alice", "/study answer " + fullAnswer(first));
        Question second = post(1);
        say("alice", "/study answer " + firstPoint(second));
        Question third = post(2);
        say("alice", "/study answer " + firstPoint(third));

        // forty days on, all three are due; the well-known one the least overdue, of the others the one answered first
        clock.set(day(40));
        Reply.ReviewCard card = (Reply.ReviewCard) say("alice", "/study review").reply();
        assertThat(card.due()).isEqualTo(3);
        assertThat(card.question().id()).isEqualTo(second.id());
        assertThat(card.recallPercent()).isLessThan(70);
        say("alice", "/study review answer " + fullAnswer(second));
        assertThat(((Reply.ReviewCard) say("alice", "/study review").reply()).question().id()).isEqualTo(third.id());
        say("alice", "/study review answer " + fullAnswer(third));
        assertThat(((Reply.ReviewCard) say("alice", "/study review").reply()).question().id()).isEqualTo(first.id());
    }

    @Test
    void aTopicReviewServesItsWeakestQuestionEvenBeforeItIsDue() {
        schedule();
        Question q = post(0);
        say("alice", "/study answer " + fullAnswer(q));
        Reply reply = say("alice", "/study review next " + q.topic().substring(0, 5)).reply();
        assertThat(reply).isInstanceOfSatisfying(Reply.ReviewCard.class, c -> {
            assertThat(c.early()).isTrue();
            assertThat(c.question().id()).isEqualTo(q.id());
        });
        assertThat(say("alice", "/study review next quantum chemistry").reply()).isInstanceOf(Reply.Error.class);
        String other = core.bank().topics().stream().map(t -> t.topic()).filter(t -> !t.equals(q.topic())).findFirst().orElseThrow();
        assertThat(core.text(say("alice", "/study review next " + other))).contains("not answered any question of " + other);
    }

    @Test
    void practiceAnswersAfterTheCloseCountToo() {
        schedule();
        Question q = post(0);
        post(1);
        Reply.Graded practice = (Reply.Graded) core.bot().handle(new Command(STUDY, Actor.member("alice", "alice"),
                new Action.Answer(Optional.of(firstPoint(q)), Optional.of(1L)))).reply();
        assertThat(practice.practice()).isTrue();
        clock.set(day(3));
        assertThat(say("alice", "/study review").reply()).isInstanceOfSatisfying(Reply.ReviewCard.class,
                c -> assertThat(c.question().id()).isEqualTo(q.id()));
    }

    @Test
    void reviewsTurnOffAndOn() {
        schedule();
        Question q = post(0);
        say("alice", "/study answer " + firstPoint(q));
        clock.set(day(2));
        assertThat(core.text(say("alice", "/study review off"))).contains("Your reviews are off");
        assertThat(core.text(say("alice", "/study review"))).contains("Your reviews are off");
        assertThat(core.text(say("alice", "/study review on"))).contains("Your reviews are on");
        assertThat(say("alice", "/study review").reply()).isInstanceOf(Reply.ReviewCard.class);
        // off closes the open review
        say("alice", "/study review off");
        say("alice", "/study review on");
        assertThat(say("alice", "/study review answer " + fullAnswer(q)).reply()).isInstanceOf(Reply.Error.class);
    }

    @Test
    void everyReviewCommandIsTheAskersFromTheAcknowledgementOn() throws CommandSyntaxException {
        for (String text : List.of("/study review", "/study review next Regularization", "/study review answer x", "/study review off",
                "/study review on", "/study review remind 08:00", "/study review remind 23:00")) {
            Command command = new Command(STUDY, Actor.member("alice", "alice"), new CommandParser().parse(text));
            assertThat(core.bot().acknowledgement(command)).as(text).isEqualTo(Acknowledgement.ASKER);
            assertThat(core.bot().handle(command).visibility()).as(text).isEqualTo(Visibility.ASKER);
        }
    }

    @Test
    void aReminderGoesOutOnceADayAfterItsTimeWhenReviewsAreDue() {
        schedule();
        Question q = post(0);
        say("alice", "/study answer " + firstPoint(q));
        say("bob", "/study answer " + firstPoint(q));
        say("carol", "/study answer " + firstPoint(q));
        assertThat(core.text(say("alice", "/study review remind 08:30 Europe/Berlin"))).contains("08:30 Europe/Berlin");
        say("bob", "/study review remind 9:15");
        say("carol", "/study review remind 08:30 Europe/Berlin");
        say("carol", "/study review off");
        FakePlatform platform = core.platform();

        // Tuesday 07:00 UTC is 08:00 in Berlin: alice's reminder time has not come
        clock.set(Instant.parse("2026-11-17T07:00:00Z"));
        assertThat(core.reminders().remindDue()).isZero();
        clock.set(Instant.parse("2026-11-17T07:30:00Z"));
        assertThat(core.reminders().remindDue()).as("a question answered Monday 09:00 is due from Tuesday 09:01").isZero();
        clock.set(Instant.parse("2026-11-17T09:05:00Z"));
        assertThat(core.reminders().remindDue()).isEqualTo(1);
        assertThat(platform.told()).singleElement().satisfies(t -> {
            assertThat(t.userId()).isEqualTo("alice");
            assertThat(t.reply()).isEqualTo(new Reply.ReviewReminder(1, false));
            assertThat(t.text()).contains("1 review is due", "/study review", "remind off");
        });
        assertThat(core.reminders().remindDue()).as("once a day").isZero();
        clock.set(Instant.parse("2026-11-17T09:15:00Z"));
        assertThat(core.reminders().remindDue()).as("bob, at 09:15 in the configured zone").isEqualTo(1);
        assertThat(platform.told()).extracting(FakePlatform.Told::userId).containsExactly("alice", "bob");

        // quiet hours: after 22:00 local nothing goes out, even to someone not reminded yet that day
        say("dave", "/study review remind 21:00");
        clock.set(Instant.parse("2026-11-17T21:30:00Z"));
        assertThat(core.reminders().remindDue()).as("dave has nothing due").isZero();
        clock.set(Instant.parse("2026-11-18T21:59:00Z"));
        assertThat(core.reminders().remindDue()).as("Wednesday: bob").isEqualTo(1);
        clock.set(Instant.parse("2026-11-18T22:30:00Z"));
        assertThat(core.reminders().remindDue()).as("alice's Berlin evening is quiet").isZero();
        assertThat(platform.told()).extracting(FakePlatform.Told::userId).containsExactly("alice", "bob", "bob");
    }

    @Test
    void aReminderTimeInQuietHoursIsRefusedAndOffStopsIt() {
        assertThat(say("alice", "/study review remind 23:00").reply()).isInstanceOfSatisfying(Reply.Error.class,
                e -> assertThat(e.text()).contains("quiet hours (22:00 to 08:00)"));
        assertThat(say("alice", "/study review remind 07:59").reply()).isInstanceOf(Reply.Error.class);
        assertThat(say("alice", "/study review remind 25:00").reply()).isInstanceOfSatisfying(Reply.Error.class,
                e -> assertThat(e.text()).contains("not a time of day"));
        assertThat(say("alice", "/study review remind 08:00 Mars/Base").reply()).isInstanceOfSatisfying(Reply.Error.class,
                e -> assertThat(e.text()).contains("Unknown timezone"));
        assertThat(core.text(say("alice", "/study review remind 8:00 CET"))).contains("08:00 Europe/Berlin", "CET read as Europe/Berlin");
        assertThat(core.text(say("alice", "/study review remind off"))).contains("No more review reminders");
        assertThat(core.text(say("alice", "/study review remind off"))).contains("You had no review reminder");
    }

    @Test
    void aReminderForMoreDueThanTheCapNamesTheCapAndSaysMore() {
        // more questions due than the cap: the team's own, each remembered as due since Monday
        StringBuilder yaml = new StringBuilder("topic: Team Practices\nquestions:\n");
        int many = Reminders.CAP + 3;
        for (int i = 0; i < many; i++) {
            String w = Character.toString('a' + i);
            yaml.append("  - id: team-").append(i).append("\n    question: What does step q").append(w).append("x do?\n    level: basic\n")
                    .append("    answer: It keeps zq").append(w).append(" apart from yq").append(w).append(".\n")
                    .append("    key_points:\n      - [zq").append(w).append("]\n");
        }
        WorkspaceRef ws = MemoryCore.channel("study").workspaceRef();
        Decks.Written written = core.decks().write(ws, Optional.of("team"), "team.yaml", yaml.toString(), Decks.Mode.ADD, "U1", clock.instant());
        assertThat(written.problems()).isEmpty();
        Instant monday = Instant.parse("2026-11-16T09:00:00Z");
        for (int i = 0; i < many; i++) {
            core.memoryStates().save(ws, "alice", new MemoryState("team-" + i, 1.0, 5.0, 1, 0, monday, monday.plusSeconds(60), false));
        }
        say("alice", "/study review remind 08:00 UTC");
        clock.set(Instant.parse("2026-11-17T08:30:00Z"));
        assertThat(core.reminders().remindDue()).isEqualTo(1);
        assertThat(core.platform().told()).singleElement().satisfies(t -> {
            assertThat(t.reply()).isEqualTo(new Reply.ReviewReminder(Reminders.CAP, true));
            assertThat(t.text()).contains("More than 20 reviews are due");
        });
    }

    @Test
    void aReminderPastTheCapSaysMoreThanIt() {
        assertThat(core.text(new Response(new Reply.ReviewReminder(Reminders.CAP, true), Visibility.ASKER)))
                .contains("More than 20 reviews are due");
        assertThat(core.text(new Response(new Reply.ReviewReminder(2, false), Visibility.ASKER))).contains("2 reviews are due");
    }

    @Test
    void ownStatsShowMasteryAndTheWeakestTopicsOthersStatsDoNot() {
        schedule();
        Question q = post(0);
        say("alice", "/study answer " + fullAnswer(q));
        Question other = post(1);
        say("alice", "/study answer " + firstPoint(other));
        clock.set(day(3));

        Reply.Stats own = (Reply.Stats) say("alice", "/study stats").reply();
        Reply.Progress progress = own.progress().orElseThrow();
        assertThat(progress.topics()).isNotEmpty();
        int questionsOfTopic = (int) core.bank().all().stream().filter(x -> x.topic().equals(q.topic())).count();
        assertThat(progress.topics()).filteredOn(t -> t.topic().equals(q.topic())).singleElement().satisfies(t -> {
            assertThat(t.questions()).isEqualTo(questionsOfTopic);
            assertThat(t.percent()).isBetween(1, 100 / questionsOfTopic + (other.topic().equals(q.topic()) ? 100 / questionsOfTopic : 0));
        });
        assertThat(progress.weakest()).isNotEmpty();
        assertThat(progress.due()).isEqualTo(1);
        assertThat(core.text(say("alice", "/study stats"))).contains("Mastery", "Weakest:", "/study review next ", "1 review is due");

        Reply.Stats seen = (Reply.Stats) say("bob", "/study stats alice").reply();
        assertThat(seen.progress()).as("reviews are private: no mastery in someone else's stats").isEmpty();
        assertThat(core.text(say("bob", "/study stats"))).contains("Nothing yet");
    }

    @Test
    void anAdminSeesTheChannelsMasteryWithoutAnyonesAnswers() {
        schedule();
        Question q = post(0);
        say("alice", "/study answer " + fullAnswer(q));
        say("bob", "/study answer " + firstPoint(q));
        assertThat(core.text(say("bob", "/study mastery"))).contains("Only admins");

        Response mastery = core.sayAsAdmin("ada", "study", "/study mastery");
        assertThat(mastery.visibility()).isEqualTo(Visibility.ASKER);
        Reply.ChannelMastery channel = (Reply.ChannelMastery) mastery.reply();
        assertThat(channel.members()).isEqualTo(2);
        int questionsOfTopic = (int) core.bank().all().stream().filter(x -> x.topic().equals(q.topic())).count();
        assertThat(channel.topics()).singleElement().satisfies(t -> {
            assertThat(t.topic()).isEqualTo(q.topic());
            assertThat(t.seen()).isEqualTo(1);
            // alice just answered it in full and recalls it for certain; bob's answer showed it forgotten: half of one question
            assertThat(t.percent()).isEqualTo((int) Math.round(50.0 / questionsOfTopic));
        });
        assertThat(core.text(mastery)).contains("2 members", q.topic()).doesNotContain("alice", "bob");
        assertThat(core.text(core.sayAsAdmin("ada", "elsewhere", "/study mastery"))).contains("Nobody has answered here yet");
    }

    @Test
    void memoryIsKeptPerWorkspace() {
        schedule();
        Question q = post(0);
        say("alice", "/study answer " + firstPoint(q));
        clock.set(day(2));
        ChannelRef other = MemoryCore.channel("w2", "study");
        assertThat(core.say(other, Actor.member("alice", "alice"), "/study review").reply()).isInstanceOfSatisfying(Reply.NothingDue.class,
                r -> assertThat(r.tracked()).isZero());
        assertThat(say("alice", "/study review").reply()).isInstanceOf(Reply.ReviewCard.class);
    }

    // --- helpers ---

    private static Grader.Grade grade(Question q, int covered) {
        List<Grader.ClaimGrade> claims = new ArrayList<>();
        for (int i = 0; i < q.keyPoints().size(); i++) {
            KeyPoint k = q.keyPoints().get(i);
            claims.add(new Grader.ClaimGrade(k, i < covered ? Grader.Status.COVERED : Grader.Status.MISSED, Grader.Evidence.NONE, 0,
                    Optional.empty()));
        }
        return new Grader.Grade(claims);
    }

    private static Instant day(int n) {
        return MONDAY.plus(Duration.ofDays(n));
    }

    private void schedule() {
        assertThat(core.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC").reply()).isInstanceOf(Reply.ScheduleInfo.class);
    }

    private Question post(int day) {
        clock.set(day(day));
        assertThat(core.dailyPosts().postScheduled(STUDY, day(day))).isEqualTo(Outcome.POSTED);
        clock.advance(Duration.ofMinutes(1));
        return ((Reply.QuestionCard) say("x", "/study today").reply()).question();
    }

    private Response say(String user, String text) {
        return core.say(user, "study", text);
    }

    private static String fullAnswer(Question q) {
        return q.keyPoints().stream().map(KeyPoint::label).collect(Collectors.joining(". ")) + ".";
    }

    private static String firstPoint(Question q) {
        return q.keyPoints().get(0).label();
    }
}
