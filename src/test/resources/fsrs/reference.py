"""FSRS-6 from its published formulas, to compute the expected numbers of FsrsTest.

Written from the algorithm description (open-spaced-repetition, "The Algorithm", FSRS-6), with
py-fsrs's conventions: whole days elapsed, a review on the day of the last one uses the same-day
stability, intervals rounded to whole days between 1 and 36500. No learning steps and no fuzz.
Run: python3 src/test/resources/fsrs/reference.py
"""
import math

W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
     1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]
RETENTION = 0.9
DECAY = -W[20]
FACTOR = 0.9 ** (1 / DECAY) - 1
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


def clamp_d(d):
    return min(max(d, 1.0), 10.0)


def clamp_s(s):
    return max(s, 0.001)


def r(t, s):
    return (1 + FACTOR * t / s) ** DECAY


def d0(g):
    return W[4] - math.exp(W[5] * (g - 1)) + 1


def next_d(d, g):
    delta = -W[6] * (g - 3)
    damped = d + delta * (10 - d) / 9
    return clamp_d(W[7] * d0(EASY) + (1 - W[7]) * damped)


def recall_s(d, s, rr, g):
    hard = W[15] if g == HARD else 1
    easy = W[16] if g == EASY else 1
    return s * (1 + math.exp(W[8]) * (11 - d) * s ** -W[9] * (math.exp((1 - rr) * W[10]) - 1) * hard * easy)


def forget_s(d, s, rr):
    long_term = W[11] * d ** -W[12] * ((s + 1) ** W[13] - 1) * math.exp((1 - rr) * W[14])
    return min(long_term, s / math.exp(W[17] * W[18]))


def short_s(s, g):
    inc = math.exp(W[17] * (g - 3 + W[18])) * s ** -W[19]
    if g >= GOOD:
        inc = max(inc, 1.0)
    return clamp_s(s * inc)


def interval(s):
    i = s / FACTOR * (RETENTION ** (1 / DECAY) - 1)
    return min(max(round(i), 1), 36500)


def review(state, g, day):
    """state: None or (s, d, last_day); returns the new state and its interval."""
    if state is None:
        s, d = clamp_s(W[g - 1]), clamp_d(d0(g))
    else:
        s, d, last = state
        t = day - last
        if t < 1:
            s = short_s(s, g)
        else:
            rr = r(t, s)
            s = clamp_s(forget_s(d, s, rr) if g == AGAIN else recall_s(d, s, rr, g))
        d = next_d(d, g)
    return (s, d, day), interval(s)


def run(name, ratings, days=None):
    state = None
    day = 0
    print(name)
    for i, g in enumerate(ratings):
        if days is not None:
            day = days[i]
        state, ivl = review(state, g, day)
        print(f"  day {day:4d} rating {g}: stability {state[0]:.6f} difficulty {state[1]:.6f} interval {ivl}")
        if days is None:
            day += ivl


if __name__ == "__main__":
    print(f"factor {FACTOR:.9f}; R(S, S) = {r(10, 10):.9f}; R(1, 2.3065) = {r(1, 2.3065):.9f}; R(30, 8.2956) = {r(30, 8.2956):.9f}")
    run("each review on its due day", [GOOD, GOOD, GOOD, GOOD, GOOD, GOOD, AGAIN, AGAIN, GOOD, GOOD, GOOD, GOOD, GOOD])
    run("py-fsrs memo state", [AGAIN, GOOD, GOOD, GOOD, GOOD, GOOD], [0, 0, 1, 4, 12, 33])
    run("late, early and same-day reviews", [HARD, EASY, GOOD, AGAIN, GOOD, HARD, EASY, AGAIN, AGAIN, GOOD],
        [0, 1, 9, 60, 60, 63, 70, 400, 401, 401])
    run("first ratings", [AGAIN])
    run("", [HARD])
    run("", [GOOD])
    run("", [EASY])
