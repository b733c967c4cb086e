package dev.studybot.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a phrasing counts as said: its words appear in the text as whole words, in order and next to
 * each other, compared by their stems; case, plurals and simple inflections do not matter
 * ("drops", "dropped" and "dropping" all match "drop"), substrings never do ("air" does not match
 * "chair"). The grader, the validator and the importer all match this way.
 */
public final class WordMatch {
    private WordMatch() {
    }

    /** Whether {@code phrase}'s words occur in {@code text} as whole words (used by the validator too). */
    public static boolean mentions(String text, String phrase) {
        return containsRun(stems(text), stems(phrase));
    }

    public static boolean containsRun(List<String> words, List<String> run) {
        if (run.isEmpty() || run.size() > words.size()) {
            return false;
        }
        outer:
        for (int i = 0; i + run.size() <= words.size(); i++) {
            for (int j = 0; j < run.size(); j++) {
                if (!words.get(i + j).equals(run.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (c == '\'' && word.length() > 0) {
                // possessives and contractions: "network's" is "network"
                while (i + 1 < lower.length() && Character.isLetter(lower.charAt(i + 1))) {
                    i++;
                }
            } else if (word.length() > 0) {
                out.add(stem(word.toString()));
                word.setLength(0);
            }
        }
        return out;
    }

    /** A light English stemmer: enough for plurals, -ed, -ing and -ly, the same on both sides. */
    public static String stem(String w) {
        if (w.length() <= 3 || !Character.isLetter(w.charAt(w.length() - 1))) {
            return w;
        }
        String s = singular(w);
        if (s.endsWith("ing") && s.length() > 5) {
            s = undouble(s.substring(0, s.length() - 3));
        } else if (s.endsWith("ied") && s.length() > 4) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.endsWith("ed") && s.length() > 4) {
            s = undouble(s.substring(0, s.length() - 2));
        } else if (s.endsWith("ly") && s.length() > 5) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.endsWith("e") && s.length() > 3) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** A word without its plural ending: "activations", "batches", "probabilities" become singular. */
    public static String singular(String w) {
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes") || w.endsWith("zes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String undouble(String s) {
        int n = s.length();
        if (n >= 3 && s.charAt(n - 1) == s.charAt(n - 2) && "lsz".indexOf(s.charAt(n - 1)) < 0
                && "aeiou".indexOf(s.charAt(n - 1)) < 0) {
            return s.substring(0, n - 1);
        }
        return s;
    }
}
