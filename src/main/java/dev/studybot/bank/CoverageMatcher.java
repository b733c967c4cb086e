package dev.studybot.bank;

import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import dev.studybot.port.out.TextAnalysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the bank question that already covers a question written in other words.
 *
 * <p>Each bank question is a bag of {@link Terms}, read with the shared text analysis: its question text counts most, then its tags,
 * key points and answer. A new question is scored against each by BM25, with a term's rarity
 * taken from the bank's questions and tags (what questions are about, not the words answers
 * use), then divided by the best score its terms could reach, so that scores run from 0 to 1 and
 * one threshold serves short and long questions alike. The best bank question covers the new one
 * when its score reaches the threshold; otherwise the question is new.
 */
public final class CoverageMatcher {
    /** Tuned on the seed lists against the writers' own coverage records; see docs/bank.md. */
    public static final double DEFAULT_THRESHOLD = 0.35;
    private static final double QUESTION_WEIGHT = 3.0;
    private static final double TAG_WEIGHT = 1.5;
    private static final double KEY_POINT_WEIGHT = 0.5;
    private static final double ANSWER_WEIGHT = 0.3;
    private static final double K1 = 2.0;
    private static final double B = 0.5;

    private final List<Question> bank;
    private final Terms terms;
    private final List<Map<String, Double>> docs = new ArrayList<>();
    private final double[] lengths;
    private final double averageLength;
    private final Map<String, Double> idf = new HashMap<>();
    private final double maxIdf;
    private final double threshold;

    /** What covers a question: the bank question and how well it covers it (0 to 1). */
    public record Match(Question question, double score) {
    }

    public CoverageMatcher(List<Question> bank, TextAnalysis analysis) {
        this(bank, analysis, DEFAULT_THRESHOLD);
    }

    public CoverageMatcher(List<Question> bank, TextAnalysis analysis, double threshold) {
        this(bank, new Terms(analysis), threshold);
    }

    /** With terms read by {@code terms}, which may remember them from earlier matchers. */
    CoverageMatcher(List<Question> bank, Terms terms, double threshold) {
        this.bank = List.copyOf(bank);
        this.terms = terms;
        this.threshold = threshold;
        Map<String, Integer> headDf = new HashMap<>();
        Map<String, Integer> allDf = new HashMap<>();
        for (Question q : this.bank) {
            Map<String, Double> head = new HashMap<>();
            add(head, terms.of(q.text()), QUESTION_WEIGHT);
            add(head, terms.of(String.join(" ", q.tags()).replace('-', ' ')), TAG_WEIGHT);
            Map<String, Double> doc = new HashMap<>(head);
            for (KeyPoint k : q.keyPoints()) {
                add(doc, terms.of(String.join(" ", k.phrasings())), KEY_POINT_WEIGHT);
            }
            add(doc, terms.of(q.answer()), ANSWER_WEIGHT);
            head.keySet().forEach(t -> headDf.merge(t, 1, Integer::sum));
            doc.keySet().forEach(t -> allDf.merge(t, 1, Integer::sum));
            docs.add(doc);
        }
        int n = Math.max(1, this.bank.size());
        maxIdf = Math.log(1.0 + n);
        // a term no question is about, but some answers use, is as rare as its answers make it
        allDf.forEach((t, d) -> idf.put(t, Math.log(1.0 + n / (double) headDf.getOrDefault(t, d))));
        lengths = docs.stream().mapToDouble(d -> d.values().stream().mapToDouble(Double::doubleValue).sum()).toArray();
        averageLength = Math.max(1e-9, Arrays.stream(lengths).average().orElse(1));
    }

    /** The bank question that covers {@code text}, if one covers it well enough. */
    public Optional<Match> covering(String text) {
        List<Match> ranked = ranked(text);
        return ranked.isEmpty() || ranked.get(0).score() < threshold ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /** Every bank question that shares a term with {@code text}, best first. */
    public List<Match> ranked(String text) {
        // what is asked about weighs more than how it is asked, or the field's everyday words
        Map<String, Double> query = new HashMap<>();
        for (String t : terms.of(text)) {
            query.merge(t, terms.weight(t), Double::sum);
        }
        double best = 0;
        for (Map.Entry<String, Double> e : query.entrySet()) {
            best += e.getValue() * idf(e.getKey()) * (K1 + 1);
        }
        List<Match> out = new ArrayList<>();
        if (best == 0) {
            return out;
        }
        for (int i = 0; i < bank.size(); i++) {
            double s = score(query, i) / best;
            if (s > 0) {
                out.add(new Match(bank.get(i), s));
            }
        }
        out.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.question().id()));
        return out;
    }

    private double score(Map<String, Double> query, int doc) {
        Map<String, Double> d = docs.get(doc);
        double norm = K1 * (1 - B + B * lengths[doc] / averageLength);
        double s = 0;
        for (Map.Entry<String, Double> e : query.entrySet()) {
            Double tf = d.get(e.getKey());
            if (tf != null) {
                s += e.getValue() * idf(e.getKey()) * tf * (K1 + 1) / (tf + norm);
            }
        }
        return s;
    }

    private double idf(String term) {
        return idf.getOrDefault(term, maxIdf);
    }

    /**
     * How alike two questions are, 0 to 1: the cosine of their terms weighted by rarity in the
     * bank, aspects ("challenges", "best practices") counting in full since they tell questions apart.
     */
    public double similarity(String a, String b) {
        return dot(vector(a), vector(b));
    }

    /** The terms {@code text} is compared by. */
    List<String> terms(String text) {
        return terms.of(text);
    }

    Map<String, Double> vector(String text) {
        Map<String, Double> v = new HashMap<>();
        for (String t : terms.of(text)) {
            v.merge(t, terms.distinctness(t) * idf(t), Double::sum);
        }
        return unit(v);
    }

    static Map<String, Double> unit(Map<String, Double> v) {
        double len = Math.sqrt(v.values().stream().mapToDouble(w -> w * w).sum());
        if (len > 0) {
            v.replaceAll((k, w) -> w / len);
        }
        return v;
    }

    static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double s = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            s += e.getValue() * large.getOrDefault(e.getKey(), 0.0);
        }
        return s;
    }

    private static void add(Map<String, Double> tf, List<String> terms, double weight) {
        for (String t : terms) {
            tf.merge(t, weight, Double::sum);
        }
    }
}
