package dev.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.studybot.app.Fsrs.Rating;
import dev.studybot.domain.MemoryState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * FSRS-6 against reference numbers: py-fsrs 6's own documented examples, and sequences computed
 * independently from the published formulas by {@code src/test/resources/fsrs/reference.py}
 * (which agrees with py-fsrs 6.3 run with no learning steps and no fuzz to six decimals).
 */
class FsrsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final double TOLERANCE = 1e-4;
    private final Fsrs fsrs = new Fsrs();

    /** One review of a sequence: the day it happens, the rating, and the state and interval expected after it. */
    private record Step(int day, Rating rating, double stability, double difficulty, int interval) {
    }

    private static Step step(int day, Rating rating, double stability, double difficulty, int interval) {
        return new Step(day, rating, stability, difficulty, interval);
    }

    private void replay(List<Step> steps) {
        Optional<MemoryState> state = Optional.empty();
        for (Step s : steps) {
            Instant at = T0.plus(Duration.ofDays(s.day()));
            MemoryState next = fsrs.review(state, "q", s.rating(), at);
            String where = "day " + s.day() + " " + s.rating();
            assertThat(next.stability()).as(where + " stability").isCloseTo(s.stability(), within(TOLERANCE));
            assertThat(next.difficulty()).as(where + " difficulty").isCloseTo(s.difficulty(), within(TOLERANCE));
            assertThat(Duration.between(at, next.due()).toDays()).as(where + " interval").isEqualTo(s.interval());
            assertThat(next.lastReview()).isEqualTo(at);
            state = Optional.of(next);
        }
    }

    @Test
    void pyFsrsMemoStateExample() {
        // py-fsrs tests/test_basic.py, test_memo_state: again, then good five times, on days 0, 0, 1, 4, 12 and 33
        replay(List.of(
                step(0, Rating.AGAIN, 0.212000, 6.413300, 1),
                step(0, Rating.GOOD, 0.246689, 6.402115, 1),
                step(1, Rating.GOOD, 2.021477, 6.390941, 2),
                step(4, Rating.GOOD, 7.863699, 6.379779, 8),
                step(12, Rating.GOOD, 21.917713, 6.368627, 22),
                step(33, Rating.GOOD, 53.626903, 6.357487, 54)));
        // the values py-fsrs asserts: stability 53.62691 and difficulty 6.3574867 (abs 1e-4)
    }

    @Test
    void pyFsrsRepeatedEasyReviewsReachTheLeastDifficulty() {
        // py-fsrs test_repeated_correct_reviews: ten easy reviews in a row end at difficulty 1.0
        Optional<MemoryState> state = Optional.empty();
        for (int i = 0; i < 10; i++) {
            state = Optional.of(fsrs.review(state, "q", Rating.EASY, T0.plusMillis(i)));
        }
        assertThat(state.get().difficulty()).isEqualTo(1.0);
        assertThat(state.get().reviews()).isEqualTo(10);
    }

    @Test
    void eachReviewOnItsDueDay() {
        // py-fsrs's TEST_RATINGS_1, each review on the day it falls due (reference.py)
        replay(List.of(
                step(0, Rating.GOOD, 2.306500, 2.118104, 2),
                step(2, Rating.GOOD, 10.964332, 2.111214, 11),
                step(13, Rating.GOOD, 46.280217, 2.104331, 46),
                step(59, Rating.GOOD, 162.862202, 2.097455, 163),
                step(222, Rating.GOOD, 497.447194, 2.090586, 497),
                step(719, Rating.GOOD, 1345.528778, 2.083724, 1346),
                step(2065, Rating.AGAIN, 9.444601, 7.383202, 9),
                step(2074, Rating.AGAIN, 1.312639, 9.125105, 1),
                step(2075, Rating.GOOD, 2.349673, 9.111208, 2),
                step(2077, Rating.GOOD, 4.194028, 9.097325, 4),
                step(2081, Rating.GOOD, 7.466540, 9.083456, 7),
                step(2088, Rating.GOOD, 12.731547, 9.069601, 13),
                step(2101, Rating.GOOD, 21.528151, 9.055760, 22)));
    }

    @Test
    void lateEarlyAndSameDayReviewsWithEveryRating() {
        replay(List.of(
                step(0, Rating.HARD, 1.293100, 5.112171, 1),
                step(1, Rating.EASY, 7.385512, 3.464114, 7),
                step(9, Rating.GOOD, 30.126972, 3.455879, 30),
                step(60, Rating.AGAIN, 2.543946, 7.834220, 3),
                step(60, Rating.GOOD, 2.543946, 7.821614, 3),
                step(63, Rating.HARD, 5.061136, 8.539114, 5),
                step(70, Rating.EASY, 17.049126, 8.036183, 17),
                step(400, Rating.AGAIN, 2.736444, 9.339735, 3),
                step(401, Rating.AGAIN, 0.577955, 9.768204, 1),
                step(401, Rating.GOOD, 0.629576, 9.753664, 1)));
    }

    @Test
    void firstRatingsTakeTheInitialStabilityAndDifficulty() {
        assertThat(fsrs.review(Optional.empty(), "q", Rating.AGAIN, T0)).extracting(MemoryState::stability, MemoryState::difficulty)
                .containsExactly(0.212, 6.4133);
        replay(List.of(step(0, Rating.HARD, 1.293100, 5.112171, 1)));
        replay(List.of(step(0, Rating.GOOD, 2.306500, 2.118104, 2)));
        replay(List.of(step(0, Rating.EASY, 8.295600, 1.000000, 8)));
    }

    @Test
    void retrievabilityIsNinetyPercentAfterStabilityDays() {
        assertThat(fsrs.retrievability(10, 10)).isCloseTo(0.9, within(1e-12));
        assertThat(fsrs.retrievability(0, 3)).isEqualTo(1.0);
        // reference.py: R(1, 2.3065) and R(30, 8.2956)
        assertThat(fsrs.retrievability(1, 2.3065)).isCloseTo(0.946847499, within(1e-9));
        assertThat(fsrs.retrievability(30, 8.2956)).isCloseTo(0.791778759, within(1e-9));
        MemoryState s = fsrs.review(Optional.empty(), "q", Rating.GOOD, T0);
        assertThat(fsrs.retrievability(s, T0.plus(Duration.ofHours(23)))).as("whole days count").isEqualTo(1.0);
        assertThat(fsrs.retrievability(s, T0.plus(Duration.ofDays(1)))).isCloseTo(0.946847499, within(1e-9));
    }

    @Test
    void lapsesCountForgettingAfterTheFirstAnswer() {
        MemoryState first = fsrs.review(Optional.empty(), "q", Rating.AGAIN, T0);
        MemoryState second = fsrs.review(Optional.of(first), "q", Rating.AGAIN, T0.plus(Duration.ofDays(2)));
        assertThat(first.lapses()).isZero();
        assertThat(first.forgotten()).isTrue();
        assertThat(fsrs.review(Optional.of(second), "q", Rating.HARD, T0.plus(Duration.ofDays(3))).forgotten()).isFalse();
        assertThat(second.lapses()).isEqualTo(1);
        assertThat(second.reviews()).isEqualTo(2);
    }

    @Test
    void intervalsStayWithinOneDayAndOneHundredYears() {
        assertThat(fsrs.interval(0.001)).isEqualTo(1);
        assertThat(fsrs.interval(1e9)).isEqualTo(Fsrs.MAX_INTERVAL_DAYS);
    }
}
