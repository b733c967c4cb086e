package dev.studybot.app;

import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import dev.studybot.port.out.AnswerJudge;
import dev.studybot.port.out.SentenceSimilarity;
import dev.studybot.port.out.TextAnalysis;
import dev.studybot.port.out.TextAnalysis.Clause;
import dev.studybot.port.out.TextAnalysis.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grades an answer against its question's rubric, claim by claim. A claim is covered when one of
 * its phrasings is said with its own polarity ("it is not off-policy" does not say "off-policy"), or,
 * with a sentence model, when a clause means what the claim says; a stated misconception cancels
 * its claim and counts against the grade. Clauses that only echo the question or the rubric's
 * subjects (the open-window feedback) earn nothing. An optional judge may confirm or contradict
 * claims, but never covers one the answer gives no evidence for.
 */
public final class Grader {

    /**
     * The grader's thresholds, calibrated on the labelled answers in the tests: {@code semantic},
     * the cosine from which a clause covers a claim; {@code judgeFloor}, the least local evidence
     * (cosine) a judge's "covered" needs; {@code echo}, the share of a clause's words taken from
     * the question or the subjects from which it counts as an echo.
     */
    public record Tuning(double semantic, double margin, double judgeFloor, double echo) {
        public static final Tuning DEFAULT = new Tuning(0.8, 0.05, 0.35, 0.7);
    }

    /** How one claim fared. */
    public enum Status {
        COVERED, MISSED, CONTRADICTED
    }

    /** What the grade rests on for a claim. */
    public enum Evidence {
        PHRASING, MEANING, JUDGE, NONE
    }

    /**
     * One claim's result; {@code similarity} is the local evidence for it: the best clause's cosine
     * with the claim, or the share of the claim's words one clause uses, whichever is higher.
     */
    public record ClaimGrade(KeyPoint point, Status status, Evidence evidence, double similarity, Optional<String> reason) {
    }

    /** Every claim's result in rubric order, and the weighted share that makes the points. */
    public record Grade(List<ClaimGrade> claims) {
        public Grade {
            claims = List.copyOf(claims);
        }

        public List<KeyPoint> covered() {
            return claims.stream().filter(c -> c.status() == Status.COVERED).map(ClaimGrade::point).toList();
        }

        public List<KeyPoint> missed() {
            return claims.stream().filter(c -> c.status() != Status.COVERED).map(ClaimGrade::point).toList();
        }

        public List<KeyPoint> contradicted() {
            return claims.stream().filter(c -> c.status() == Status.CONTRADICTED).map(ClaimGrade::point).toList();
        }

        public int total() {
            return claims.size();
        }

        /** Covered weight less contradicted weight, over the rubric's weight: 0 to 1. */
        public double share() {
            int all = claims.stream().mapToInt(c -> c.point().weight().value()).sum();
            if (all == 0) {
                return 1;
            }
            int got = claims.stream().mapToInt(c -> switch (c.status()) {
                case COVERED -> c.point().weight().value();
                case CONTRADICTED -> -c.point().weight().value();
                case MISSED -> 0;
            }).sum();
            return Math.max(0, Math.min(1, (double) got / all));
        }

        /** Points for coverage, 0 to 10. */
        public int coveragePoints() {
            return (int) Math.round(10 * share());
        }
    }

    private final TextAnalysis analysis;
    private final SentenceSimilarity similarity;
    private final AnswerJudge judge;
    private final Tuning tuning;
    private final Map<String, float[]> claimVectors = new ConcurrentHashMap<>();

    public Grader(TextAnalysis analysis, SentenceSimilarity similarity, AnswerJudge judge, Tuning tuning) {
        this.analysis = analysis;
        this.similarity = similarity;
        this.judge = judge;
        this.tuning = tuning;
    }

    /** Grades by words alone. */
    public Grader(TextAnalysis analysis) {
        this(analysis, SentenceSimilarity.NONE, AnswerJudge.NONE, Tuning.DEFAULT);
    }

    public Grade grade(Question question, String answer) {
        List<KeyPoint> rubric = question.keyPoints();
        Set<String> echoTerms = echoTerms(question);
        List<Clause> usable = analysis.clauses(answer).stream().filter(c -> !echo(c.words(), echoTerms)).toList();
        Optional<double[][]> sim = similarities(rubric, usable);
        List<ClaimGrade> grades = new ArrayList<>();
        for (int i = 0; i < rubric.size(); i++) {
            KeyPoint point = rubric.get(i);
            double best = 0;
            double evidence = 0;
            boolean denies = analysis.clauses(point.claim()).stream().anyMatch(Clause::negated);
            Set<String> claimTerms = contentTerms(analysis.words(point.claim()));
            for (int c = 0; c < usable.size(); c++) {
                Clause clause = usable.get(c);
                if (clause.negated() != denies) {
                    continue;
                }
                evidence = Math.max(evidence, overlap(claimTerms, clause));
                if (sim.isPresent() && assigned(sim.get(), i, c) && meaningful(clause)) {
                    best = Math.max(best, sim.get()[i][c]);
                }
            }
            evidence = Math.max(evidence, best);
            if (point.misconceptions().stream().anyMatch(m -> said(usable, m))) {
                grades.add(new ClaimGrade(point, Status.CONTRADICTED, Evidence.PHRASING, evidence, Optional.empty()));
            } else if (point.phrasings().stream().anyMatch(p -> said(usable, p))) {
                grades.add(new ClaimGrade(point, Status.COVERED, Evidence.PHRASING, evidence, Optional.empty()));
            } else if (best >= tuning.semantic()) {
                grades.add(new ClaimGrade(point, Status.COVERED, Evidence.MEANING, evidence, Optional.empty()));
            } else {
                grades.add(new ClaimGrade(point, Status.MISSED, Evidence.NONE, evidence, Optional.empty()));
            }
        }
        return new Grade(judged(question, answer, grades));
    }

    /**
     * Whether clause {@code c} may stand for claim {@code i} by meaning: it is about that claim as
     * much as about any other of the rubric (within the margin), so that a clause near several
     * claims ("SGD uses the full dataset") counts for the one it is most about.
     */
    private boolean assigned(double[][] sim, int i, int c) {
        double top = Double.NEGATIVE_INFINITY;
        for (double[] row : sim) {
            top = Math.max(top, row[c]);
        }
        return sim[i][c] >= top - tuning.margin();
    }

    private static Set<String> contentTerms(List<Word> words) {
        Set<String> terms = new HashSet<>();
        words.stream().filter(w -> !w.stop()).forEach(w -> terms.add(w.term()));
        return terms;
    }

    /** The share of the claim's words that one clause uses: the local evidence a judge needs without a model. */
    private static double overlap(Set<String> claimTerms, Clause clause) {
        if (claimTerms.isEmpty()) {
            return 0;
        }
        long shared = contentTerms(clause.words()).stream().filter(claimTerms::contains).count();
        return (double) shared / claimTerms.size();
    }

    private static boolean meaningful(Clause c) {
        return c.words().stream().filter(w -> !w.stop()).count() >= 2;
    }

    /**
     * The judge's word where the answer backs it: it may contradict any claim, and confirm a claim
     * the local grade missed only when some clause comes near it (in meaning, or in the claim's own
     * words), so that an answer telling the judge what to do earns nothing it does not show.
     */
    private List<ClaimGrade> judged(Question question, String answer, List<ClaimGrade> local) {
        Optional<List<AnswerJudge.ClaimVerdict>> verdicts = judge.judge(question.text(),
                local.stream().map(c -> c.point().claim()).toList(), answer);
        if (verdicts.isEmpty() || verdicts.get().size() != local.size()) {
            return local;
        }
        List<ClaimGrade> out = new ArrayList<>();
        for (AnswerJudge.ClaimVerdict v : verdicts.get()) {
            ClaimGrade mine = local.get(v.index());
            Optional<String> reason = Optional.ofNullable(v.reason()).filter(r -> !r.isBlank());
            out.add(switch (v.verdict()) {
                case CONTRADICTED -> new ClaimGrade(mine.point(), Status.CONTRADICTED, Evidence.JUDGE, mine.similarity(), reason);
                case COVERED -> mine.status() == Status.COVERED || mine.similarity() >= tuning.judgeFloor()
                        ? new ClaimGrade(mine.point(), Status.COVERED, mine.status() == Status.COVERED ? mine.evidence() : Evidence.JUDGE,
                        mine.similarity(), reason)
                        : mine;
                case MISSING -> mine.evidence() == Evidence.PHRASING ? mine
                        : new ClaimGrade(mine.point(), Status.MISSED, Evidence.JUDGE, mine.similarity(), reason);
            });
        }
        return out;
    }

    /** The cosine of each claim (rows) with each clause (columns); empty without a model. */
    private Optional<double[][]> similarities(List<KeyPoint> rubric, List<Clause> clauses) {
        if (clauses.isEmpty() || rubric.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = rubric.stream().map(KeyPoint::claim).filter(c -> !claimVectors.containsKey(c)).distinct().toList();
        if (!missing.isEmpty()) {
            Optional<List<float[]>> vectors = similarity.embed(missing);
            if (vectors.isEmpty()) {
                return Optional.empty();
            }
            for (int i = 0; i < missing.size(); i++) {
                claimVectors.put(missing.get(i), vectors.get().get(i));
            }
        }
        Optional<List<float[]>> answerVectors = similarity.embed(clauses.stream().map(Clause::text).toList());
        if (answerVectors.isEmpty()) {
            return Optional.empty();
        }
        double[][] sim = new double[rubric.size()][clauses.size()];
        for (int i = 0; i < rubric.size(); i++) {
            float[] claim = claimVectors.get(rubric.get(i).claim());
            for (int c = 0; c < clauses.size(); c++) {
                sim[i][c] = SentenceSimilarity.cosine(claim, answerVectors.get().get(c));
            }
        }
        return Optional.of(sim);
    }

    private boolean said(List<Clause> clauses, String phrase) {
        List<Word> wanted = analysis.words(phrase);
        return clauses.stream().anyMatch(c -> analysis.says(c, wanted));
    }

    private Set<String> echoTerms(Question question) {
        Set<String> terms = new HashSet<>();
        analysis.words(question.text()).stream().filter(w -> !w.stop()).forEach(w -> terms.add(w.term()));
        // a subject is what the open-window feedback shows; where it is only the first phrasing (older key points), it is no hint
        question.keyPoints().stream().filter(k -> !k.phrasings().contains(k.subject()))
                .forEach(k -> analysis.words(k.subject()).stream().filter(w -> !w.stop()).forEach(w -> terms.add(w.term())));
        return terms;
    }

    private boolean echo(List<Word> words, Set<String> echoTerms) {
        List<Word> counted = words.stream().filter(w -> !w.stop()).toList();
        if (counted.isEmpty()) {
            return true;
        }
        long echoed = counted.stream().filter(w -> echoTerms.contains(w.term())).count();
        return (double) echoed / counted.size() >= tuning.echo();
    }

}
