package dev.studybot.app;

import dev.studybot.domain.MemoryState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * FSRS-6, the Free Spaced Repetition Scheduler, with its published default parameters: pure
 * functions of a memory state, a rating and a time.
 *
 * <p>The formulas are those of the open-spaced-repetition project's algorithm description
 * ("The Algorithm", FSRS-6, in the fsrs4anki wiki: https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm)
 * and of its reference implementations py-fsrs 6 ({@code fsrs/scheduler.py}) and ts-fsrs. With
 * {@code w} the 21 parameters w0..w20 and G the rating (1 again, 2 hard, 3 good, 4 easy):
 * <ul>
 *   <li>retrievability after t days: R(t, S) = (1 + factor · t / S)^(−w20), factor = 0.9^(−1/w20) − 1,
 *       so that R(S, S) = 0.9;</li>
 *   <li>first rating: S0 = w[G−1]; D0(G) = w4 − e^(w5·(G−1)) + 1, clamped to [1, 10];</li>
 *   <li>difficulty: ΔD = −w6·(G − 3); D' = D + ΔD·(10 − D)/9 (linear damping);
 *       D'' = w7·D0(4) + (1 − w7)·D' (mean reversion to the unclamped D0 of easy), clamped to [1, 10];</li>
 *   <li>stability after a recall: S' = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1 − R)) − 1)·(w15 if hard)·(w16 if easy));</li>
 *   <li>stability after forgetting: S' = min(w11·D^(−w12)·((S + 1)^w13 − 1)·e^(w14·(1 − R)), S / e^(w17·w18));</li>
 *   <li>a review on the day of the last one (under a whole day later): S' = S·e^(w17·(G − 3 + w18))·S^(−w19),
 *       never less than S for good and easy;</li>
 *   <li>interval for a desired retention r: I = S / factor · (r^(−1/w20) − 1), rounded to whole days,
 *       at least 1 and at most 36500.</li>
 * </ul>
 * As in py-fsrs, elapsed time counts whole days, stability is at least 0.001, and the difficulty
 * is updated on every review. There are no minute-long learning steps (a study bot's answers are
 * a day or more apart) and no interval fuzz, so the same answers always give the same schedule.
 */
public final class Fsrs {
    /** FSRS-6's default parameters w0..w20, as py-fsrs 6 and ts-fsrs ship them. */
    public static final double[] DEFAULT_PARAMETERS = {0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
            0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};
    public static final double DESIRED_RETENTION = 0.9;
    public static final int MAX_INTERVAL_DAYS = 36500;
    static final double MIN_STABILITY = 0.001;

    /** How well an answer was recalled. */
    public enum Rating {
        AGAIN(1), HARD(2), GOOD(3), EASY(4);

        final int grade;

        Rating(int grade) {
            this.grade = grade;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final double[] w;
    private final double retention;
    private final double decay;
    private final double factor;

    /** FSRS-6 with its default parameters, scheduling for the desired retention. */
    public Fsrs() {
        this.w = DEFAULT_PARAMETERS.clone();
        this.retention = DESIRED_RETENTION;
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    /** The memory state after a graded answer at {@code at}; {@code before} is empty for a question never answered. */
    public MemoryState review(Optional<MemoryState> before, String questionId, Rating rating, Instant at) {
        double stability;
        double difficulty;
        int reviews = 1;
        int lapses = 0;
        if (before.isEmpty()) {
            stability = initialStability(rating);
            difficulty = initialDifficulty(rating);
        } else {
            MemoryState s = before.get();
            long days = elapsedDays(s.lastReview(), at);
            if (days < 1) {
                stability = shortTermStability(s.stability(), rating);
            } else {
                double r = retrievability(days, s.stability());
                stability = rating == Rating.AGAIN ? forgetStability(s.difficulty(), s.stability(), r)
                        : recallStability(s.difficulty(), s.stability(), r, rating);
            }
            difficulty = nextDifficulty(s.difficulty(), rating);
            reviews = s.reviews() + 1;
            lapses = s.lapses() + (rating == Rating.AGAIN ? 1 : 0);
        }
        return new MemoryState(questionId, stability, difficulty, reviews, lapses, at, at.plus(Duration.ofDays(interval(stability))),
                rating == Rating.AGAIN);
    }

    /** The probability of recalling the question at {@code now}: R of the whole days since the last review. */
    public double retrievability(MemoryState state, Instant now) {
        return retrievability(elapsedDays(state.lastReview(), now), state.stability());
    }

    /** R(t, S) = (1 + factor · t / S)^(−w20). */
    public double retrievability(double elapsedDays, double stability) {
        return Math.pow(1 + factor * elapsedDays / stability, decay);
    }

    double initialStability(Rating rating) {
        return Math.max(w[rating.grade - 1], MIN_STABILITY);
    }

    double initialDifficulty(Rating rating) {
        return clampDifficulty(rawInitialDifficulty(rating));
    }

    private double rawInitialDifficulty(Rating rating) {
        return w[4] - Math.exp(w[5] * (rating.grade - 1)) + 1;
    }

    double nextDifficulty(double difficulty, Rating rating) {
        double delta = -w[6] * (rating.grade - 3);
        double damped = difficulty + delta * (10 - difficulty) / 9;
        return clampDifficulty(w[7] * rawInitialDifficulty(Rating.EASY) + (1 - w[7]) * damped);
    }

    double recallStability(double difficulty, double stability, double retrievability, Rating rating) {
        double hard = rating == Rating.HARD ? w[15] : 1;
        double easy = rating == Rating.EASY ? w[16] : 1;
        return Math.max(MIN_STABILITY, stability * (1 + Math.exp(w[8]) * (11 - difficulty) * Math.pow(stability, -w[9])
                * (Math.exp((1 - retrievability) * w[10]) - 1) * hard * easy));
    }

    double forgetStability(double difficulty, double stability, double retrievability) {
        double longTerm = w[11] * Math.pow(difficulty, -w[12]) * (Math.pow(stability + 1, w[13]) - 1) * Math.exp((1 - retrievability) * w[14]);
        double shortTerm = stability / Math.exp(w[17] * w[18]);
        return Math.max(MIN_STABILITY, Math.min(longTerm, shortTerm));
    }

    double shortTermStability(double stability, Rating rating) {
        double increase = Math.exp(w[17] * (rating.grade - 3 + w[18])) * Math.pow(stability, -w[19]);
        if (rating == Rating.GOOD || rating == Rating.EASY) {
            increase = Math.max(increase, 1);
        }
        return Math.max(MIN_STABILITY, stability * increase);
    }

    /** Days until recall falls to the desired retention, whole, from 1 to {@link #MAX_INTERVAL_DAYS}. */
    public int interval(double stability) {
        double days = stability / factor * (Math.pow(retention, 1 / decay) - 1);
        // Python's round() rounds halves to even; Math.rint does the same
        return (int) Math.min(Math.max(Math.rint(days), 1), MAX_INTERVAL_DAYS);
    }

    private static double clampDifficulty(double d) {
        return Math.min(Math.max(d, 1), 10);
    }

    private static long elapsedDays(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }
}
