package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.bank.BankCodec;
import dev.studybot.bank.MemoryQuestionBank;
import dev.studybot.domain.ChannelRef;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Standing;
import dev.studybot.port.in.DailyPostUseCase.Outcome;
import dev.studybot.port.out.PostedMessage;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import dev.studybot.support.memory.MemoryDeckStore;
import dev.studybot.support.memory.MemoryMemberStore;
import dev.studybot.support.memory.MemoryPostScheduler;
import dev.studybot.support.memory.MemoryPostStore;
import dev.studybot.support.memory.MemoryQuestionSearch;
import dev.studybot.support.memory.MemoryScheduleStore;
import dev.studybot.support.memory.MemorySubmissionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A post's close time is a time, not a job run: past it answers are practice at once; today and
 * answer say closed from open, and a question that left the bank; /study post names why nothing goes out.
 */
class ClosingTimeTest {
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");
    private static final ChannelRef STUDY = MemoryCore.channel("study");

    private final MutableClock clock = new MutableClock(MONDAY.minus(Duration.ofHours(1)));
    private final MemoryCore core = new MemoryCore(clock, Map.of("STUDYBOT_SCHEDULE_CLOSE_AFTER", "2h"));

    private Question postMonday() {
        core.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC");
        clock.set(MONDAY);
        assertThat(core.dailyPosts().postScheduled(STUDY, MONDAY)).isEqualTo(Outcome.POSTED);
        return ((Reply.QuestionCard) core.say("x", "study", "/study today").reply()).question();
    }

    private Reply.Graded answer(String user, String text) {
        return (Reply.Graded) core.say(user, "study", "/study answer " + text).reply();
    }

    @Test
    void pastItsCloseTimeAnAnswerIsPracticeBeforeTheCloseJobRunsAndReplacesNothing() {
        Question q = postMonday();
        assertThat(answer("alice", full(q)).points()).isEqualTo(11);
        Reply.QuestionCard open = (Reply.QuestionCard) core.say("x", "study", "/study today").reply();
        assertThat(open.closed()).isFalse();
        assertThat(core.text(core.say("x", "study", "/study today"))).contains("Answer with /study answer");

        clock.advance(Duration.ofHours(2));
        // the close job has not run: the post is still open in the store
        assertThat(core.posts().open(STUDY)).isPresent();
        Reply.Graded worse = answer("alice", "no idea");
        assertThat(worse.practice()).isTrue();
        assertThat(worse.practiceReason()).contains("this question is closed; answers now are practice");
        assertThat(core.text(core.say("alice", "study", "/study answer no idea at all"))).contains("answers now are practice");
        assertThat(answer("bob", full(q)).practice()).as("a first answer after the close time scores nothing either").isTrue();
        assertThat(board()).extracting(Standing::name, Standing::points).containsExactly(tuple("alice", 11L));

        Reply.QuestionCard closed = (Reply.QuestionCard) core.say("x", "study", "/study today").reply();
        assertThat(closed.closed()).isTrue();
        assertThat(core.text(core.say("x", "study", "/study today"))).contains("Closed; answers now are practice")
                .doesNotContain("Answer with");
        Reply.ModelAnswer reveal = (Reply.ModelAnswer) core.say("carol", "study", "/study reveal").reply();
        assertThat(reveal.forfeited()).as("nothing left to forfeit").isFalse();

        assertThat(core.dailyPosts().closeDue()).isEqualTo(1);
        Reply.Results results = (Reply.Results) core.platform().results().get(0).reply();
        assertThat(results.lines()).extracting(Reply.Results.ResultLine::member, Reply.Results.ResultLine::points)
                .containsExactly(tuple("alice", 11));
        assertThat(answer("dave", full(q)).practice()).as("with nothing open, an answer goes to the newest post, as practice").isTrue();
    }

    @Test
    void aPostWhoseQuestionLeftTheBankIsSaidSo() {
        core.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC");
        clock.set(MONDAY);
        long id = core.posts().reserve(STUDY, "gone-question", 1, MONDAY, MONDAY, null).orElseThrow().id();
        core.posts().attach(id, new PostedMessage("m1", Optional.of("t1")));
        Reply today = core.say("x", "study", "/study today").reply();
        assertThat(today).isInstanceOf(Reply.Notice.class);
        assertThat(core.text(core.say("x", "study", "/study today"))).contains("gone-question").contains("no longer in the bank")
                .doesNotContain("No question has been posted");
        assertThat(core.text(core.say("x", "study", "/study answer something"))).contains("gone-question, is no longer in the bank");
    }

    @Test
    void postingWithNothingEligibleNamesTheReason() {
        core.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC topic:Fundamentals level:advanced");
        String text = core.text(core.sayAsAdmin("ada", "study", "/study post"));
        assertThat(text).contains("No question in the bank matches this channel's schedule filters, topic Fundamentals and level advanced")
                .contains("the topic has 3 questions, none at that level");
        assertThat(text).doesNotContain("bank is empty");

        MemoryQuestionSearch none = new MemoryQuestionSearch();
        Decks noDecks = new Decks(new MemoryQuestionBank(List.of()), none, questions -> none, new MemoryDeckStore(), new BankCodec(new LuceneTextAnalysis()));
        DailyPosts empty = new DailyPosts(clock, Settings.defaults(), noDecks, new MemoryPostStore(),
                new MemorySubmissionStore(), new MemoryMemberStore(), new MemoryScheduleStore(), new MemoryPostScheduler(clock), new Platforms());
        assertThat(empty.whyNoQuestion(STUDY)).contains("The question bank is empty");
    }

    private List<Standing> board() {
        return ((Reply.Leaderboard) core.say("x", "study", "/study leaderboard all").reply()).standings();
    }

    private static String full(Question q) {
        return q.keyPoints().stream().map(KeyPoint::label).collect(Collectors.joining(". ")) + ".";
    }
}
