package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Reply.Results.ResultLine;
import dev.studybot.domain.TopicCount;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import dev.studybot.support.MutableClock;
import dev.studybot.support.memory.MemoryCore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Counts in the right number everywhere, and one tie rule for the leaderboard and the results at close. */
class WordingTest {
    private final MarkupRenderer plain = new MarkupRenderer(Markup.PLAIN);
    private final Question q = new MemoryCore(new MutableClock(Instant.EPOCH)).bank().byId("reg-dropout").orElseThrow();

    @Test
    void oneIsSingularAndEveryOtherCountPlural() {
        assertThat(plain.render(new Reply.Graded(q, List.of(), List.of("x"), 1, 1, false, Optional.empty()))).contains("+1 point.")
                .contains("You covered 0 of 1 claim of");
        assertThat(plain.render(new Reply.Graded(q, List.of("a", "b"), List.of(), 2, 1, false, Optional.empty()))).contains("+2 points.")
                .contains("2 of 2 claims");
        assertThat(plain.render(new Reply.Stats("bob", 1, 1, 1, Optional.empty(), List.of()))).contains("1 point · 1 answer · streak 1");
        assertThat(plain.render(new Reply.Stats("bob", 0, 2, 0, Optional.empty(), List.of()))).contains("0 points · 2 answers");
        assertThat(plain.render(new Reply.Topics(List.of(new TopicCount("Regularization", 1, 0, 0)))))
                .contains("1 question in 1 topic");
        assertThat(plain.render(new Reply.Teams(List.of(new Reply.Teams.TeamLine("Tensors", 1))))).contains("Tensors (1 member)");
        assertThat(plain.render(new Reply.Results(q, List.of(new ResultLine("bob", 0, 3, 1, false))))).contains("bob — 1 point (0/3 claims)");
    }

    @Test
    void theResultsAtCloseRankTiesAsTheLeaderboardDoes() {
        String results = plain.render(new Reply.Results(q, List.of(new ResultLine("alice", 3, 3, 11, false),
                new ResultLine("bob", 3, 3, 11, false), new ResultLine("carol", 1, 3, 5, false), new ResultLine("dave", 0, 3, 0, true))));
        assertThat(results).contains("1. alice — 11 points").contains("1. bob — 11 points").contains("3. carol — 5 points")
                .contains("4. dave — revealed first, 0 points");
    }
}
