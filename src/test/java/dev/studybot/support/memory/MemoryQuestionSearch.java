package dev.studybot.support.memory;

import dev.studybot.domain.Question;
import dev.studybot.domain.SearchHit;
import dev.studybot.analysis.LuceneTextAnalysis;
import dev.studybot.port.out.TextAnalysis;
import dev.studybot.port.out.QuestionSearch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands for {@code LuceneQuestionSearch}, simply: the same words are taken from the input (letters
 * and digits, at most 16, stop words dropped unless nothing else is left), compared by stem over a
 * question's text, answer, topic and tags. Questions with every word come first, then those with
 * any; each group ranked by how often the words occur, then in bank order. The snippet is up to 16
 * words of the answer with the matched words marked.
 */
public final class MemoryQuestionSearch implements QuestionSearch {
    private final TextAnalysis analysis = new LuceneTextAnalysis();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 16;
    private static final int SNIPPET_WORDS = 16;
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does",
            "for", "from", "how", "in", "is", "it", "its", "of", "on", "or", "not", "the", "to", "what", "when", "where", "which",
            "why", "with", "you", "your", "near");

    private record Indexed(Question question, List<String> stems) {
    }

    private record Scored(Question question, int order, int matched, int occurrences) {
    }

    private volatile List<Indexed> index = List.of();

    @Override
    public void index(Collection<Question> questions) {
        index = questions.stream()
                .map(q -> new Indexed(q, stems(String.join(" ", q.text(), q.answer(), q.topic(), String.join(" ", q.tags())))))
                .toList();
    }

    @Override
    public List<SearchHit> search(String words, int limit) {
        List<String> terms = terms(words);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<Indexed> all = index;
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            List<String> stems = all.get(i).stems();
            int matched = (int) terms.stream().filter(stems::contains).count();
            int occurrences = (int) stems.stream().filter(terms::contains).count();
            if (matched > 0) {
                scored.add(new Scored(all.get(i).question(), i, matched, occurrences));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparing((Scored s) -> s.matched() < terms.size())
                        .thenComparing(Comparator.comparingInt(Scored::occurrences).reversed())
                        .thenComparingInt(Scored::order))
                .limit(limit)
                .map(s -> new SearchHit(s.question(), snippet(s.question().answer(), terms)))
                .toList();
    }

    private List<String> terms(String words) {
        Matcher m = WORD.matcher(words);
        List<String> all = new ArrayList<>();
        while (m.find() && all.size() < MAX_WORDS) {
            all.add(m.group().toLowerCase(Locale.ROOT));
        }
        List<String> kept = all.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
        return (kept.isEmpty() ? all : kept).stream().map(this::stem).distinct().toList();
    }

    private List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(stem(m.group().toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** A word's term by the shared analysis, as search and grading fold it. */
    private String stem(String word) {
        List<TextAnalysis.Word> words = analysis.words(word);
        return words.isEmpty() ? word : words.get(0).term();
    }

    /** Up to {@link #SNIPPET_WORDS} words of the answer from the first match, the matched ones between the markers. */
    private String snippet(String answer, List<String> terms) {
        List<int[]> spans = new ArrayList<>();
        int first = -1;
        Matcher m = WORD.matcher(answer);
        while (m.find()) {
            if (first < 0 && terms.contains(stem(m.group().toLowerCase(Locale.ROOT)))) {
                first = spans.size();
            }
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return "";
        }
        int from = Math.max(0, Math.min(first < 0 ? 0 : first, spans.size() - SNIPPET_WORDS));
        int to = Math.min(spans.size(), from + SNIPPET_WORDS);
        StringBuilder out = new StringBuilder(from > 0 ? "…" : "");
        for (int i = from; i < to; i++) {
            int[] span = spans.get(i);
            String word = answer.substring(span[0], span[1]);
            boolean hit = terms.contains(stem(word.toLowerCase(Locale.ROOT)));
            out.append(hit ? SearchHit.MARK_START + word + SearchHit.MARK_END : word);
            out.append(i + 1 < to ? answer.substring(span[1], spans.get(i + 1)[0]) : "");
        }
        return out.append(to < spans.size() ? "…" : "").toString();
    }
}
