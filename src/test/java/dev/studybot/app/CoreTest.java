package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.studybot.domain.Actor;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Period;
import dev.studybot.domain.Post;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Standing;
import dev.studybot.port.in.Acknowledgement;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.DailyPostUseCase.Outcome;
import dev.studybot.port.in.Response;
import dev.studybot.port.in.Visibility;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.LeaderboardQuery;
import dev.studybot.port.out.StoreException;
import dev.studybot.port.out.TeamStore;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The core's rules over in-memory stores: rotation, one post per slot, scoring, closing,
 * leaderboards and teams, who sees which reply, workspaces kept apart, and failures as replies.
 */
class CoreTest {
    /** Monday 09:00 UTC, the hour the channels' schedules post at. */
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");
    private static final ChannelRef STUDY = MemoryCore.channel("study");
    private static final Actor ADMIN = new Actor("ada", "ada", true, Set.of());

    private final MutableClock clock = new MutableClock(MONDAY.minus(Duration.ofHours(1)));
    private final MemoryCore core = new MemoryCore(clock);

    // --- rotation and slots ---

    @Test
    void eachChannelPostsEveryEligibleQuestionOnceBeforeAnyRepeats() {
        schedule("a", "daily 09:00 UTC");
        schedule("b", "daily 09:00 UTC");
        Set<String> eligible = core.bank().all().stream().filter(Question::hasAnswer).map(Question::id).collect(Collectors.toSet());
        int n = eligible.size();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int d = 0; d < 2 * n; d++) {
            a.add(post("a", day(d)).id());
            if (d % 2 == 0) {
                b.add(post("b", day(d)).id());
            }
        }
        assertThat(a.subList(0, n)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(eligible);
        assertThat(a.subList(n, 2 * n)).as("the second cycle").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(eligible);
        assertThat(b).as("a channel posting half as often keeps its own rotation").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(eligible);
    }

    @Test
    void aTopicFilterNarrowsTheRotationAndItCyclesWithinIt() {
        schedule("study", "daily 09:00 UTC topic:regularization");
        Set<String> eligible = core.bank().all().stream().filter(q -> q.topic().equals("Regularization")).map(Question::id)
                .collect(Collectors.toSet());
        List<String> ids = new ArrayList<>();
        for (int d = 0; d < 2 * eligible.size(); d++) {
            ids.add(post("study", day(d)).id());
        }
        assertThat(ids.subList(0, eligible.size())).containsExactlyInAnyOrderElementsOf(eligible);
        assertThat(ids.subList(eligible.size(), ids.size())).containsExactlyInAnyOrderElementsOf(eligible);
    }

    @Test
    void eightConcurrentAttemptsAtOneSlotMakeOnePost() throws Exception {
        schedule("study", "daily 09:00 UTC");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int d = 0; d < 5; d++) {
                Instant slot = day(d);
                clock.set(slot.plusSeconds(1));
                List<Outcome> outcomes = allAtOnce(pool, 8, () -> core.dailyPosts().postScheduled(STUDY, slot));
                assertThat(outcomes).as("slot %s", slot).containsOnlyOnce(Outcome.POSTED)
                        .filteredOn(o -> o != Outcome.POSTED).containsOnly(Outcome.ALREADY_POSTED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(core.platform().dailyPosts()).hasSize(5);
        assertThat(core.platform().results()).as("each post closed its predecessor once").hasSize(4);
    }

    @Test
    void aReservationNeverSentIsLeftToItsAttemptUntilItIsAbandonedThenSentUnderItsOwnId() {
        schedule("study", "daily 09:00 UTC");
        Instant slot = day(0);
        clock.set(slot.plusSeconds(1));
        String question = core.bank().all().get(0).id();
        // another attempt reserved the slot and has not heard back from the platform yet
        long id = core.posts().reserve(STUDY, question, 1, slot, clock.instant(), null).orElseThrow().id();
        assertThat(core.dailyPosts().postScheduled(STUDY, slot)).isEqualTo(Outcome.ALREADY_POSTED);
        assertThat(core.platform().dailyPosts()).isEmpty();

        // that attempt's node stopped: once the reservation is abandoned, the slot goes out under its id and question
        clock.set(slot.plusSeconds(1).plus(DailyPosts.ABANDONED));
        assertThat(core.dailyPosts().postScheduled(STUDY, slot)).isEqualTo(Outcome.POSTED);
        assertThat(core.platform().dailyPosts()).singleElement().satisfies(card -> {
            assertThat(card.postId()).contains(id);
            assertThat(card.question().id()).isEqualTo(question);
        });
        assertThat(core.dailyPosts().postScheduled(STUDY, slot)).isEqualTo(Outcome.ALREADY_POSTED);
    }

    @Test
    void aSlotTakesOnePostAndARefusedPostFreesItForTheRetry() {
        schedule("study", "daily 09:00 UTC");
        clock.set(day(0).plusSeconds(1));
        core.platform().failWith(new DeliveryException(new DeliveryException.Refusal.Unavailable(), "timed out"));
        assertThat(core.dailyPosts().postScheduled(STUDY, day(0))).isEqualTo(Outcome.RETRY_LATER);
        assertThat(core.say("x", "study", "/study today").reply()).as("the reservation was undone").isInstanceOf(Reply.Notice.class);

        core.platform().failWith(null);
        assertThat(core.dailyPosts().postScheduled(STUDY, day(0))).isEqualTo(Outcome.POSTED);
        assertThat(core.dailyPosts().postScheduled(STUDY, day(0))).isEqualTo(Outcome.ALREADY_POSTED);
        clock.set(day(1).plus(core.settings().grace()).plusSeconds(1));
        assertThat(core.dailyPosts().postScheduled(STUDY, day(1))).isEqualTo(Outcome.TOO_LATE);
        assertThat(core.dailyPosts().postScheduled(MemoryCore.channel("elsewhere"), day(1))).isEqualTo(Outcome.NOT_SCHEDULED);
        assertThat(core.platform().dailyPosts()).hasSize(1);
    }

    // --- answers ---

    @Test
    void anAnswerEarnsOnePlusCoveragePlusAStreakBonusCappedAtFive() {
        schedule("study", "daily 09:00 UTC");
        for (int d = 0; d < 8; d++) {
            Question q = post("study", day(d));
            Reply.Graded full = answer("alice", fullAnswer(q));
            assertThat(full.streak()).isEqualTo(d + 1);
            assertThat(full.points()).as("day %d", d).isEqualTo(1 + 10 + Math.min(d, 5));
            Reply.Graded one = answer("bob", firstPoint(q));
            int keyPoints = q.keyPoints().size();
            assertThat(one.covered()).hasSize(1);
            assertThat(one.missed()).hasSize(keyPoints - 1);
            assertThat(one.points()).as("day %d", d).isEqualTo(1 + Math.round(10f / keyPoints) + Math.min(d, 5));
        }
        assertThat(board("all")).first().extracting(Standing::name, Standing::points, Standing::answers)
                .containsExactly("alice", 11L + 12 + 13 + 14 + 15 + 16 + 16 + 16, 8L);
    }

    @Test
    void aMissedPostStartsTheStreakAgain() {
        schedule("study", "daily 09:00 UTC");
        answer("alice", fullAnswer(post("study", day(0))));
        answer("alice", fullAnswer(post("study", day(1))));
        post("study", day(2));
        Reply.Graded after = answer("alice", fullAnswer(post("study", day(3))));
        assertThat(after.streak()).isEqualTo(1);
        assertThat(after.points()).isEqualTo(11);
    }

    @Test
    void aResubmissionReplacesTheLastAnswerEvenWhenItScoresLess() {
        schedule("study", "daily 09:00 UTC");
        Question q = post("study", day(0));
        Reply.Graded partial = answer("bob", firstPoint(q));
        assertThat(answer("bob", fullAnswer(q)).points()).isEqualTo(11);
        assertThat(board("all")).extracting(Standing::points, Standing::answers).containsExactly(tuple(11L, 1L));
        answer("bob", firstPoint(q));
        assertThat(board("all")).extracting(Standing::points, Standing::answers).containsExactly(tuple((long) partial.points(), 1L));
        assertThat(board("week")).extracting(Standing::points).containsExactly((long) partial.points());
    }

    @Test
    void revealingBeforeAnsweringForfeitsAndLaterAnswersArePractice() {
        schedule("study", "daily 09:00 UTC");
        Question q = post("study", day(0));
        Reply.ModelAnswer reveal = (Reply.ModelAnswer) core.say("carol", "study", "/study reveal").reply();
        assertThat(reveal.forfeited()).isTrue();
        Reply.Graded practice = answer("carol", fullAnswer(q));
        assertThat(practice.practice()).isTrue();
        assertThat(practice.practiceReason()).contains("you revealed the model answer");
        assertThat(practice.points()).isZero();

        answer("bob", fullAnswer(q));
        assertThat(((Reply.ModelAnswer) core.say("bob", "study", "/study reveal").reply()).forfeited())
                .as("answered first: the points stay").isFalse();
        assertThat(answer("bob", firstPoint(q)).practice()).isTrue();
        assertThat(board("all")).extracting(Standing::name, Standing::points).containsExactly(tuple("bob", 11L));

        post("study", day(1));
        Reply.Results results = (Reply.Results) core.platform().results().get(0).reply();
        assertThat(results.lines()).extracting(Reply.Results.ResultLine::member, Reply.Results.ResultLine::points,
                        Reply.Results.ResultLine::revealedFirst)
                .containsExactly(tuple("bob", 11, false), tuple("carol", 0, true));
    }

    @Test
    void anAnswerToAClosedPostIsPracticeAndScoresNothing() {
        schedule("study", "daily 09:00 UTC");
        post("study", day(0));
        long first = core.posts().latest(STUDY).orElseThrow().id();
        Question firstQuestion = today("study");
        post("study", day(1));
        Response late = core.bot().handle(new Command(STUDY, Actor.member("eve", "eve"),
                new Action.Answer(Optional.of(fullAnswer(firstQuestion)), Optional.of(first))));
        Reply.Graded graded = (Reply.Graded) late.reply();
        assertThat(graded.practice()).isTrue();
        assertThat(graded.practiceReason()).contains("this question is closed; answers now are practice");
        assertThat(graded.points()).isZero();
        assertThat(board("all")).isEmpty();
    }

    // --- closing ---

    @Test
    void closingAPostPostsItsResultsOnceInItsThread() throws Exception {
        schedule("study", "daily 09:00 UTC");
        Question q = post("study", day(0));
        answer("alice", fullAnswer(q));
        Post open = core.posts().open(STUDY).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            allAtOnce(pool, 8, () -> {
                core.dailyPosts().close(open);
                return null;
            });
        } finally {
            pool.shutdownNow();
        }
        core.dailyPosts().close(open);
        post("study", day(1));
        List<FakePlatform.Sent> results = core.platform().results();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).inThreadOf()).hasValueSatisfying(m -> {
            assertThat(m.messageRef()).isEqualTo(open.messageRef());
            assertThat(m.threadRef()).isEqualTo(open.thread());
        });
        assertThat(((Reply.Results) results.get(0).reply()).question()).isEqualTo(q);
    }

    @Test
    void aPostWithACloseTimeClosesOnceWhenItIsDue() {
        MemoryCore timed = new MemoryCore(clock, Map.of("STUDYBOT_SCHEDULE_CLOSE_AFTER", "2h"));
        timed.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC");
        clock.set(day(0));
        assertThat(timed.dailyPosts().postScheduled(STUDY, day(0))).isEqualTo(Outcome.POSTED);
        clock.advance(Duration.ofMinutes(119));
        assertThat(timed.dailyPosts().closeDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(timed.dailyPosts().closeDue()).isEqualTo(1);
        assertThat(timed.dailyPosts().closeDue()).isZero();
        assertThat(timed.platform().results()).hasSize(1);
        Question q = ((Reply.QuestionCard) timed.say("eve", "study", "/study today").reply()).question();
        Response late = timed.bot().handle(new Command(STUDY, Actor.member("eve", "eve"), new Action.Answer(Optional.of(fullAnswer(q)),
                Optional.of(timed.posts().latest(STUDY).orElseThrow().id()))));
        assertThat(((Reply.Graded) late.reply()).practice()).isTrue();
        clock.set(day(1));
        timed.dailyPosts().postScheduled(STUDY, day(1));
        assertThat(timed.platform().results()).as("the next post finds nothing open to close").hasSize(1);
    }

    // --- leaderboards and teams ---

    @Test
    void leaderboardsSumThePointsScoredInTheWeekTheMonthTheSeasonAndAllTime() {
        Instant thursday = Instant.parse("2026-11-26T09:00:00Z");
        schedule("study", "daily 09:00 UTC");
        int[] alice = new int[6];
        Map<String, Integer> scored = new HashMap<>();
        for (int d = 0; d < 6; d++) {
            Instant slot = thursday.plus(Duration.ofDays(d));
            Question q = post("study", slot);
            if (d == 2) {
                core.sayAsAdmin("ada", "study", "/study season start Winter Sprint");
                scored.put("bob", answer("bob", firstPoint(q)).points());
            }
            clock.advance(Duration.ofMinutes(5));
            alice[d] = answer("alice", fullAnswer(q)).points();
            if (d == 3) {
                clock.set(Instant.parse("2026-11-29T23:59:59.999Z"));
                scored.put("hank", answer("hank", firstPoint(q)).points());
                clock.set(Instant.parse("2026-11-30T00:00:00Z"));
                scored.put("gina", answer("gina", firstPoint(q)).points());
            }
            if (d == 4) {
                clock.advance(Duration.ofMinutes(5));
                core.sayAsAdmin("ada", "study", "/study season end");
                scored.put("carol", answer("carol", firstPoint(q)).points());
            }
        }
        assertThat(alice).containsExactly(11, 12, 13, 14, 15, 16);
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(points(board("week"))).as("from Monday 00:00").isEqualTo(Map.of("alice", 31L, "gina", (long) scored.get("gina"),
                "carol", (long) scored.get("carol")));
        assertThat(points(board("month"))).as("from the first of December").isEqualTo(Map.of("alice", 16L));
        assertThat(points(board("season"))).as("from the start, before the end").isEqualTo(Map.of("alice", 13L + 14 + 15,
                "bob", (long) scored.get("bob"), "hank", (long) scored.get("hank"), "gina", (long) scored.get("gina")));
        assertThat(((Reply.Leaderboard) core.say("x", "study", "/study leaderboard season").reply()).season())
                .contains("Winter Sprint (ended)");
        assertThat(points(board("all"))).containsEntry("alice", 81L).containsKeys("bob", "carol", "gina", "hank").hasSize(5);
    }

    @Test
    void equalPointsShareARankAndTiesAreOrderedByMemberId() {
        schedule("study", "daily 09:00 UTC");
        Question q = post("study", day(0));
        answer("alice", fullAnswer(q));
        core.say(STUDY, Actor.member("u2", "Bob"), "/study answer " + firstPoint(q));
        core.say(STUDY, Actor.member("u1", "Carol"), "/study answer " + firstPoint(q));
        answer("dave", "no idea");
        assertThat(board("week")).extracting(Standing::rank, Standing::name)
                .containsExactly(tuple(1, "alice"), tuple(2, "Carol"), tuple(2, "Bob"), tuple(4, "dave"));
    }

    @Test
    void teamBoardsSumTheirMembersAsTheyAreNowAndLeaveOutEmptyTeams() {
        schedule("study", "daily 09:00 UTC");
        core.say("alice", "study", "/study team create Tensors");
        core.say("bob", "study", "/study team join tensors");
        core.say("carol", "study", "/study team create Gradients");
        core.say("erin", "study", "/study team create Empty");
        core.say("erin", "study", "/study team leave");
        Question q = post("study", day(0));
        answer("alice", fullAnswer(q));
        long bob = answer("bob", firstPoint(q)).points();
        answer("carol", fullAnswer(q));

        assertThat(board("all teams")).extracting(Standing::rank, Standing::name, Standing::points, Standing::members, Standing::average)
                .containsExactly(tuple(1, "Tensors", 11 + bob, 2, (11 + bob) / 2.0), tuple(2, "Gradients", 11L, 1, 11.0));
        assertThat(((Reply.Teams) core.say("x", "study", "/study team list").reply()).teams())
                .as("a team nobody is in is not listed")
                .containsExactly(new Reply.Teams.TeamLine("Gradients", 1), new Reply.Teams.TeamLine("Tensors", 2));

        assertThat(core.text(core.say("bob", "study", "/study team join Gradients"))).contains("(leaving Tensors)");
        core.say("dave", "study", "/study team create Alpha");
        answer("dave", fullAnswer(q));
        assertThat(board("week teams")).extracting(Standing::rank, Standing::name, Standing::points)
                .containsExactly(tuple(1, "Gradients", 11 + bob), tuple(2, "Alpha", 11L), tuple(2, "Tensors", 11L));
    }

    @Test
    void teamNamesAreUniqueWhateverTheirCaseAndAMemberIsInOneTeam() {
        core.say("alice", "study", "/study team create Tensors");
        Response taken = core.say("bob", "study", "/study team create TENSORS");
        assertThat(taken.reply()).isInstanceOf(Reply.Error.class);
        assertThat(taken.visibility()).as("only the store knew: said where team create answers").isEqualTo(Visibility.CHANNEL);
        assertThat(core.text(core.say("alice", "study", "/study team create Gradients")))
                .isEqualTo("alice created team Gradients and joined it (leaving Tensors).");
        assertThat(core.text(core.say("alice", "study", "/study stats"))).contains("team Gradients");
        assertThat(((Reply.Teams) core.say("x", "study", "/study team list").reply()).teams())
                .as("Tensors has nobody left").containsExactly(new Reply.Teams.TeamLine("Gradients", 1));
        assertThat(core.text(core.say("alice", "study", "/study team join gradients"))).contains("already in team Gradients");
        assertThat(core.text(core.say("alice", "study", "/study team leave"))).contains("left team Gradients");
        assertThat(core.say("alice", "study", "/study team leave").reply()).isInstanceOf(Reply.Error.class);
    }

    // --- acknowledgement and visibility ---

    @Test
    void theAcknowledgementIsDecidedFromTheCommandAloneWithoutAStore() {
        core.faults().failAll(new IllegalStateException("the acknowledgement asked a store"));
        Actor member = Actor.member("bob", "bob");
        Map<Command, Acknowledgement> expected = new LinkedHashMap<>();
        expected.put(command(member, new Action.Answer(Optional.empty(), Optional.empty())), Acknowledgement.FORM);
        expected.put(command(member, new Action.Answer(Optional.of("  "), Optional.of(7L))), Acknowledgement.FORM);
        expected.put(command(member, new Action.Answer(Optional.of("dropout drops units"), Optional.empty())), Acknowledgement.ASKER);
        expected.put(command(member, new Action.Stats(Optional.empty())), Acknowledgement.ASKER);
        expected.put(command(member, new Action.Leaderboard(Period.WEEK, false)), Acknowledgement.CHANNEL);
        expected.put(command(member, new Action.Leaderboard(Period.SEASON, true)), Acknowledgement.CHANNEL);
        expected.put(command(member, new Action.TeamCreate("Tensors")), Acknowledgement.CHANNEL);
        expected.put(command(member, new Action.TeamJoin("Tensors")), Acknowledgement.CHANNEL);
        expected.put(command(member, new Action.SeasonStart("Spring")), Acknowledgement.ASKER);
        expected.put(command(member, new Action.ScheduleOff()), Acknowledgement.ASKER);
        expected.put(command(member, new Action.PostNow()), Acknowledgement.ASKER);
        expected.put(command(ADMIN, new Action.SeasonStart("Spring")), Acknowledgement.CHANNEL);
        expected.put(command(ADMIN, new Action.ScheduleOff()), Acknowledgement.CHANNEL);
        expected.put(command(ADMIN, scheduleSet("daily 09:00", "Europe/Berlin", null)), Acknowledgement.CHANNEL);
        refusedWithoutAStore(member).forEach(c -> expected.put(c, Acknowledgement.ASKER));
        expected.forEach((c, ack) -> assertThat(core.bot().acknowledgement(c)).as("%s", c.action()).isEqualTo(ack));
    }

    @Test
    void aRefusalKnownWithoutTheStoreGoesToTheAskerAndChangesNothing() {
        for (Command c : refusedWithoutAStore(Actor.member("bob", "bob"))) {
            Response response = core.bot().handle(c);
            assertThat(response.reply()).as("%s", c.action()).isInstanceOf(Reply.Error.class);
            assertThat(response.visibility()).as("%s", c.action()).isEqualTo(Visibility.ASKER);
        }
        assertThat(((Reply.Teams) core.say("x", "study", "/study team list").reply()).teams()).isEmpty();
        assertThat(core.scheduler().triggers()).isEmpty();
        assertThat(((Reply.ScheduleInfo) core.say("x", "study", "/study schedule show").reply()).schedule()).isEmpty();
        assertThat(core.say("x", "study", "/study leaderboard season").reply()).as("no season was started").isInstanceOf(Reply.Error.class);
    }

    @Test
    void everyReplyGoesWhereTheAcknowledgementPromised() {
        schedule("study", "daily 09:00 UTC");
        post("study", day(0));
        List<Command> commands = everyCommand();
        for (Command c : commands) {
            assertThat(core.bot().handle(c).visibility()).as("%s", c.action()).isEqualTo(core.bot().acknowledgement(c).visibility());
        }
        core.faults().failAll(new StoreException("database is locked", true, null));
        for (Command c : commands) {
            assertThat(core.bot().handle(c).visibility()).as("failing: %s", c.action()).isEqualTo(core.bot().acknowledgement(c).visibility());
        }
    }

    // --- workspaces ---

    @Test
    void nothingOfOneWorkspaceIsSeenFromAnother() {
        schedule("study", "daily 09:00 UTC");
        Question q = post("study", day(0));
        answer("alice", fullAnswer(q));
        core.say("alice", "study", "/study team create Tensors");
        core.sayAsAdmin("ada", "study", "/study season start Spring");
        long w1Post = core.posts().latest(STUDY).orElseThrow().id();

        ChannelRef other = MemoryCore.channel("w2", "study");
        Actor zed = Actor.member("zed", "zed");
        for (String period : List.of("week", "month", "all")) {
            assertThat(standings(core.say(other, zed, "/study leaderboard " + period))).as(period).isEmpty();
            assertThat(standings(core.say(other, zed, "/study leaderboard " + period + " teams"))).as(period + " teams").isEmpty();
        }
        assertThat(core.text(core.say(other, zed, "/study leaderboard season"))).contains("No season has been run here yet");
        assertThat(core.text(core.say(other, zed, "/study team list"))).contains("No teams yet");
        assertThat(core.text(core.say(other, zed, "/study team join Tensors"))).contains("No team is called 'Tensors'");
        assertThat(core.text(core.say(other, zed, "/study stats alice"))).contains("No member called 'alice'");
        assertThat(core.text(core.say(other, zed, "/study today"))).contains("No question has been posted");
        assertThat(core.text(core.say(other, zed, "/study schedule show"))).contains("No daily question is scheduled");
        assertThat(core.text(core.bot().handle(new Command(other, zed, new Action.Answer(Optional.of(fullAnswer(q)), Optional.of(w1Post))))))
                .contains("That post is not in this workspace");

        assertThat(core.text(core.say(other, zed, "/study team create Tensors"))).contains("zed created team Tensors");
        assertThat(core.text(core.say(other, zed, "/study season start Spring"))).as("zed is no admin").contains("Only admins");
        core.say(other, new Actor("yan", "yan", true, Set.of()), "/study post");
        answer(other, zed, fullAnswer(((Reply.QuestionCard) core.say(other, zed, "/study today").reply()).question()));
        assertThat(board("all teams")).extracting(Standing::name, Standing::points, Standing::members)
                .containsExactly(tuple("Tensors", 11L, 1));
        for (String period : List.of("week", "all")) {
            assertThat(points(board(period))).as(period).isEqualTo(Map.of("alice", 11L));
            assertThat(points(standings(core.say(other, zed, "/study leaderboard " + period)))).as(period).isEqualTo(Map.of("zed", 11L));
        }
        assertThat(((Reply.Stats) core.say(other, zed, "/study stats").reply()).topics()).hasSize(1);
    }

    // --- failures ---

    @Test
    void aStoreThatThrowsGivesOneReplyInTheRightWords() {
        core.faults().fail(TeamStore.class, new IllegalStateException("a bug in a store"));
        Response bug = core.say("alice", "study", "/study team create Tensors");
        assertThat(bug.reply()).isEqualTo(Reply.Error.unexpected());
        assertThat(((Reply.Error) bug.reply()).text()).startsWith("Something went wrong on studybot's side");
        assertThat(bug.visibility()).as("where team create answers").isEqualTo(Visibility.CHANNEL);

        core.faults().fail(TeamStore.class, new StoreException("database is locked", true, null));
        assertThat(core.text(core.say("alice", "study", "/study team create Tensors")))
                .contains("The database is busy right now; nothing was changed");
        core.faults().fail(TeamStore.class, new StoreException("disk I/O error", false, null));
        assertThat(core.text(core.say("alice", "study", "/study team create Tensors"))).contains("Something went wrong on our side");
        core.faults().fail(LeaderboardQuery.class, new StoreException("database is locked", true, null));
        assertThat(core.text(core.say("alice", "study", "/study leaderboard"))).contains("The database is busy right now");

        core.faults().heal();
        assertThat(core.text(core.say("alice", "study", "/study team list"))).contains("No teams yet");
        assertThat(core.text(core.say("alice", "study", "/study team create Tensors"))).contains("alice created team Tensors");
        assertThat(core.platform().sent()).isEmpty();
    }

    @Test
    void everyCommandAnswersWithOneErrorWhenEveryStoreFails() {
        core.faults().failAll(new IllegalStateException("broken"));
        for (Command c : everyCommand()) {
            assertThat(core.bot().handle(c).reply()).as("%s", c.action()).isEqualTo(Reply.Error.unexpected());
        }
        assertThat(core.platform().sent()).isEmpty();
    }

    // --- helpers ---

    private static Instant day(int n) {
        return MONDAY.plus(Duration.ofDays(n));
    }

    private void schedule(String channel, String when) {
        assertThat(core.sayAsAdmin("ada", channel, "/study schedule set " + when).reply()).isInstanceOf(Reply.ScheduleInfo.class);
    }

    /** The scheduled post of {@code slot}, with the clock at the slot; the question posted. */
    private Question post(String channel, Instant slot) {
        clock.set(slot);
        assertThat(core.dailyPosts().postScheduled(MemoryCore.channel(channel), slot)).isEqualTo(Outcome.POSTED);
        return today(channel);
    }

    private Question today(String channel) {
        return ((Reply.QuestionCard) core.say("x", channel, "/study today").reply()).question();
    }

    private Reply.Graded answer(String user, String text) {
        return answer(STUDY, Actor.member(user, user), text);
    }

    private Reply.Graded answer(ChannelRef channel, Actor actor, String text) {
        Reply reply = core.say(channel, actor, "/study answer " + text).reply();
        assertThat(reply).isInstanceOf(Reply.Graded.class);
        return (Reply.Graded) reply;
    }

    private List<Standing> board(String args) {
        return standings(core.say("x", "study", "/study leaderboard " + args));
    }

    private static List<Standing> standings(Response response) {
        assertThat(response.reply()).isInstanceOf(Reply.Leaderboard.class);
        return ((Reply.Leaderboard) response.reply()).standings();
    }

    private static Map<String, Long> points(List<Standing> standings) {
        return standings.stream().collect(Collectors.toMap(Standing::name, Standing::points));
    }

    private static Command command(Actor actor, Action action) {
        return new Command(STUDY, actor, action);
    }

    private static Action.ScheduleSet scheduleSet(String when, String zone, String topic) {
        return new Action.ScheduleSet(when, Optional.ofNullable(zone), Optional.ofNullable(topic), Optional.empty());
    }

    /** Commands refused from their text alone: channel commands among them. */
    private static List<Command> refusedWithoutAStore(Actor member) {
        return List.of(
                command(member, new Action.TeamCreate("@everyone")),
                command(member, new Action.TeamCreate("a".repeat(40))),
                command(member, new Action.TeamCreate("**bold**")),
                command(member, new Action.SeasonEnd()),
                command(ADMIN, new Action.SeasonStart("<!here>")),
                command(ADMIN, scheduleSet("daily 09:00", "Mars/Olympus_Mons", null)),
                command(ADMIN, scheduleSet("daily 25:00", null, null)),
                command(ADMIN, scheduleSet("0 0 0 30 2 ?", null, null)),
                command(ADMIN, scheduleSet("0 0 9 ? * MON-FRI 1999", null, null)),
                command(ADMIN, scheduleSet("daily 09:00", null, "quantum chemistry")),
                command(member, new Action.History(Optional.of("26"))),
                command(member, new Action.History(Optional.of("ten"))),
                command(member, new Action.BankReload()));
    }

    /** One of each command, as members and admins send them. */
    private static List<Command> everyCommand() {
        Actor member = Actor.member("bob", "bob");
        return List.of(
                command(member, new Action.Help()),
                command(member, new Action.Today()),
                command(member, new Action.ShowQuestion("reg-dropout")),
                command(member, new Action.RandomQuestion(Optional.empty(), Optional.empty())),
                command(member, new Action.Search("dropout")),
                command(member, new Action.Topics()),
                command(member, new Action.Answer(Optional.empty(), Optional.empty())),
                command(member, new Action.Answer(Optional.of("dropout randomly drops units"), Optional.empty())),
                command(member, new Action.Reveal(Optional.empty(), Optional.empty())),
                command(member, new Action.Leaderboard(Period.ALL, false)),
                command(member, new Action.Leaderboard(Period.SEASON, true)),
                command(member, new Action.Stats(Optional.of("alice"))),
                command(ADMIN, new Action.ChannelMastery()),
                command(member, new Action.ReviewNext(Optional.empty())),
                command(member, new Action.ReviewAnswer("dropout randomly drops units")),
                command(member, new Action.ReviewRemind("08:30", Optional.of("Europe/Berlin"))),
                command(member, new Action.ReviewSwitch(false)),
                command(member, new Action.TeamCreate("Tensors")),
                command(member, new Action.TeamJoin("Tensors")),
                command(member, new Action.TeamLeave()),
                command(member, new Action.TeamList()),
                command(ADMIN, scheduleSet("weekdays 09:30", "Europe/Berlin", null)),
                command(member, new Action.ScheduleShow()),
                command(ADMIN, new Action.PostNow()),
                command(ADMIN, new Action.SeasonStart("Spring")),
                command(ADMIN, new Action.SeasonEnd()),
                command(ADMIN, new Action.ScheduleOff()),
                command(member, new Action.History(Optional.empty())),
                command(ADMIN, new Action.BankReload()));
    }

    private static String fullAnswer(Question q) {
        return q.keyPoints().stream().map(KeyPoint::label).collect(Collectors.joining(". ")) + ".";
    }

    private static String firstPoint(Question q) {
        return q.keyPoints().get(0).label();
    }

    /** Runs {@code task} on {@code n} threads released together; their results. */
    private static <T> List<T> allAtOnce(ExecutorService pool, int n, Callable<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(10, TimeUnit.SECONDS));
        }
        return results;
    }
}
