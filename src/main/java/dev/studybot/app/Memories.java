package dev.studybot.app;

import dev.studybot.domain.MemoryState;
import dev.studybot.domain.Question;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.MemoryStore;
import dev.studybot.port.out.QuestionBank;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Every graded answer (today's question, practice after the close, a review) as an FSRS review of
 * the member's memory of that question, rated by the share of the rubric the answer covered.
 */
public final class Memories {
    /**
     * Ratings by {@link Grader.Grade#share()} (covered claim weight less contradicted weight, over
     * the rubric's): under 0.4 again, under 0.7 hard, under 0.9 good, otherwise easy.
     */
    static final double HARD_FROM = 0.4;
    static final double GOOD_FROM = 0.7;
    static final double EASY_FROM = 0.9;

    private final Clock clock;
    private final Decks decks;
    private final MemoryStore store;
    private final Fsrs fsrs;

    public Memories(Clock clock, Decks decks, MemoryStore store, Fsrs fsrs) {
        this.clock = clock;
        this.decks = decks;
        this.store = store;
        this.fsrs = fsrs;
    }

    static Fsrs.Rating rating(Grader.Grade grade) {
        double share = grade.share();
        if (share < HARD_FROM) {
            return Fsrs.Rating.AGAIN;
        }
        if (share < GOOD_FROM) {
            return Fsrs.Rating.HARD;
        }
        return share < EASY_FROM ? Fsrs.Rating.GOOD : Fsrs.Rating.EASY;
    }

    /** Reviews the member's memory of the question with the grade's rating, now; the state after it. */
    MemoryState record(WorkspaceRef workspace, String userId, Question question, Grader.Grade grade) {
        MemoryState next = fsrs.review(store.find(workspace, userId, question.id()), question.id(), rating(grade), clock.instant());
        store.save(workspace, userId, next);
        return next;
    }

    /** The member's states of questions still in the bank. */
    List<MemoryState> of(WorkspaceRef workspace, String userId) {
        QuestionBank bank = decks.bank(workspace);
        return store.of(workspace, userId).stream().filter(s -> bank.byId(s.questionId()).isPresent()).toList();
    }

    /** The due ones, most overdue first: lowest recall now, then the earliest due, then by id. */
    List<MemoryState> due(List<MemoryState> states, Instant now) {
        return states.stream().filter(s -> s.dueAt(now)).sorted(weakestFirst(now)).toList();
    }

    Comparator<MemoryState> weakestFirst(Instant now) {
        return Comparator.comparingDouble((MemoryState s) -> fsrs.retrievability(s, now))
                .thenComparing(MemoryState::due).thenComparing(MemoryState::questionId);
    }

    /** What mastery counts: the probability of recall now, or 0 while the last answer showed the question forgotten. */
    double mastered(MemoryState state, Instant now) {
        return state.forgotten() ? 0 : fsrs.retrievability(state, now);
    }
}
