package dev.studybot.port.out;

import java.util.List;

/**
 * One analysis of English text for grading, validation and matching: what counts as the same word
 * (case, accents and superscripts folded, R² as r2; British and American spellings as one;
 * plurals, inflections and common irregular forms to one stem; hyphenated and joined compounds
 * alike).
 */
public interface TextAnalysis {

    /** A word as written, and its normalized term; {@code stop} marks words too common to count alone. */
    record Word(String raw, String term, boolean stop) {
    }

    /** A clause of a text, and its words. */
    record Clause(String text, List<Word> words) {
        public Clause {
            words = List.copyOf(words);
        }

        /** Whether the clause denies something: "not", "no", "never", "without", "isn't"... ("not only" does not count). */
        public boolean negated() {
            return negatedBefore(words, words.size());
        }
    }

    /** Where a sentence ends: ., !, ?, ; and :, blank lines, and list items. */
    java.util.regex.Pattern SENTENCE_BREAK = java.util.regex.Pattern.compile(
            "(?<=[.!?;:])\\s+|;\\s*|\\n\\s*\\n\\s*|\\n(?=\\s*(?:[-*+\u2022]|\\d+[.)])\\s)");

    /** Where a sentence's clauses part: commas, contrasting conjunctions, and "and" before a second predicate. */
    java.util.regex.Pattern CLAUSE_BREAK = java.util.regex.Pattern.compile(
            ",\\s*|\\s+(?=(?:but|however|whereas|although|though|yet)\\b)"
                    + "|\\s+(?=and\\s+(?:is|are|was|were|does|do|did|has|have|can|will|should|never|not|it|they)\\b)",
            java.util.regex.Pattern.CASE_INSENSITIVE);


    /** Words that deny what follows them in a clause. */
    java.util.Set<String> NEGATIONS = java.util.Set.of("not", "no", "never", "none", "nothing", "neither", "nor", "cannot", "without",
            "nobody", "nowhere", "hardly", "isnt", "arent", "wasnt", "werent", "doesnt", "dont", "didnt", "cant", "wont", "wouldnt",
            "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt", "aint", "lack", "lacks", "fails", "irrelevant",
            "unnecessary", "unrelated", "useless");

    /** The words of {@code text}, in order. */
    List<Word> words(String text);

    /** The clauses of {@code text}, each with its words; empty clauses are left out. */
    default List<Clause> clauses(String text) {
        List<Clause> out = new java.util.ArrayList<>();
        for (String sentence : SENTENCE_BREAK.split(text)) {
            List<Clause> parts = new java.util.ArrayList<>();
            for (String piece : CLAUSE_BREAK.split(sentence)) {
                List<Word> w = words(piece);
                if (!w.isEmpty()) {
                    parts.add(new Clause(piece.strip(), w));
                }
            }
            out.addAll(parts);
        }
        return out;
    }

    /**
     * Whether {@code clause} says {@code phrase}: the phrase is found in it (by {@link #find}) with
     * the same polarity. A phrase without a negation is not said in a clause that denies anything
     * ("it is not off-policy", "object detection is never done with CNNs"); a phrase with one
     * ("cannot co-adapt") needs the clause to deny too.
     */
    default boolean says(Clause clause, List<Word> phrase) {
        return clause.negated() == negatedBefore(phrase, phrase.size()) && find(clause.words(), phrase, 0) >= 0;
    }

    /** Whether some clause of {@code text} says {@code phrase}: what the grader and the validator both ask. */
    default boolean mentions(String text, String phrase) {
        List<Word> wanted = words(phrase);
        return clauses(text).stream().anyMatch(c -> says(c, wanted));
    }

    /** Whether a negation stands among the first {@code end} words ("not only" does not count). */
    static boolean negatedBefore(List<Word> words, int end) {
        for (int i = 0; i < Math.min(end, words.size()); i++) {
            String raw = words.get(i).raw().toLowerCase(java.util.Locale.ROOT).replace("'", "").replace("\u2019", "");
            boolean notOnly = raw.equals("not") && i + 1 < words.size() && words.get(i + 1).raw().equalsIgnoreCase("only");
            if (NEGATIONS.contains(raw) && !notOnly) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where {@code phrase} is said in {@code text}, searching from {@code from}: the index of the
     * word where the match starts, or -1. Said means: the phrase's words that count (all of them
     * when every one is a stop word) appear by their terms in order, with at most one other word
     * that counts between two of them, and stop words in between ignored; a compound matches
     * its parts written apart ("dropout" and "drop out").
     */
    default int find(List<Word> text, List<Word> phrase, int from) {
        List<String> wanted = phrase.stream().filter(w -> !w.stop()).map(Word::term).toList();
        if (wanted.isEmpty()) {
            wanted = phrase.stream().map(Word::term).toList();
        }
        if (wanted.isEmpty()) {
            return -1;
        }
        for (int start = Math.max(0, from); start < text.size(); start++) {
            if (matchesAt(text, start, wanted)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean matchesAt(List<Word> text, int start, List<String> wanted) {
        int i = start;
        for (int k = 0; k < wanted.size(); k++) {
            String term = wanted.get(k);
            int skipped = 0;
            while (true) {
                if (i >= text.size()) {
                    return false;
                }
                Word w = text.get(i);
                if (w.term().equals(term)) {
                    i++;
                    break;
                }
                // a compound written apart: "drop out" for "dropout"
                if (i + 1 < text.size() && (w.term() + text.get(i + 1).term()).equals(term)) {
                    i += 2;
                    break;
                }
                // or written together: "selfattention" for "self attention"
                if (k + 1 < wanted.size() && w.term().equals(term + wanted.get(k + 1))) {
                    i++;
                    k++;
                    break;
                }
                // the first word must match where the match starts
                if (k == 0) {
                    return false;
                }
                if (!w.stop() && ++skipped > 1) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
