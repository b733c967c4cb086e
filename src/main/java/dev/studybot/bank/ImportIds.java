package dev.studybot.bank;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ids for imported questions, made from the question's own words ("What is dropout, and how does
 * it work?" is {@code dropout-work}), so that importing a file again gives the same ids, and
 * editing or moving one question leaves the others' ids alone. Questions whose words give the
 * same id get {@code -2}, {@code -3} in the order they appear.
 */
final class ImportIds {
    private static final Set<String> SKIP = Set.of("a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with",
            "by", "at", "as", "from", "into", "its", "it", "is", "are", "was", "were", "be", "been", "being", "do", "does",
            "did", "what", "whats", "why", "how", "when", "where", "which", "who", "can", "could", "should", "would",
            "will", "you", "your", "we", "our", "they", "their", "this", "that", "these", "those", "some", "any", "there",
            "explain", "describe", "discuss", "define", "give", "name", "list", "mention", "concept", "idea", "role",
            "between", "about", "like", "such", "e", "g", "eg", "etc", "i", "me", "my", "have", "has", "if", "than",
            "then", "so", "also", "one", "them", "used", "use", "using", "work", "works", "term");
    private static final int MAX_WORDS = 5;
    private static final int MAX_LENGTH = 48;

    private ImportIds() {
    }

    /** One id per question, in order; unique among them and never one of {@code taken}. */
    static List<String> assign(List<ImportedQuestion> questions, Set<String> taken) {
        Set<String> used = new HashSet<>(taken);
        Map<String, Integer> next = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (ImportedQuestion q : questions) {
            String base = slug(q.text());
            String id = base;
            int n = next.getOrDefault(base, 1);
            while (used.contains(id)) {
                n++;
                id = base + "-" + n;
            }
            next.put(base, n);
            used.add(id);
            ids.add(id);
        }
        return ids;
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        List<String> words = new ArrayList<>();
        for (String w : ascii.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "").split("[^a-z0-9]+")) {
            if (w.length() > 1 && !SKIP.contains(w)) {
                words.add(w);
            }
        }
        StringBuilder id = new StringBuilder();
        for (String w : words.subList(0, Math.min(MAX_WORDS, words.size()))) {
            if (id.length() > 0 && id.length() + 1 + w.length() > MAX_LENGTH) {
                break;
            }
            id.append(id.length() == 0 ? "" : "-").append(w);
        }
        return id.length() == 0 ? "question" : id.toString();
    }
}
