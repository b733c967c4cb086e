package dev.studybot.store;

import dev.studybot.domain.Question;
import dev.studybot.domain.SearchHit;
import dev.studybot.port.out.QuestionSearch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search with SQLite FTS5, ranked by bm25 with the question text weighted above tags, topic and
 * answer. A user's words are never FTS5 syntax: each word is quoted, so {@code "}, {@code AND(},
 * {@code *} and {@code NEAR} are searched as text. All words must match; if nothing does, any
 * word may.
 */
public final class SqliteQuestionSearch implements QuestionSearch {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 16;
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does",
            "for", "from", "how", "in", "is", "it", "its", "of", "on", "or", "not", "the", "to", "what", "when", "where", "which",
            "why", "with", "you", "your", "near");
    private static final String QUERY = "SELECT id, snippet(question_fts, 2, char(2), char(3), '…', 16) FROM question_fts "
            + "WHERE question_fts MATCH ? ORDER BY bm25(question_fts, 0.0, 10.0, 1.0, 3.0, 5.0) LIMIT ?";

    private final Jdbc jdbc;
    private final Map<String, Question> byId = new ConcurrentHashMap<>();

    public SqliteQuestionSearch(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void index(Collection<Question> questions) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM question_fts");
            for (Question q : questions) {
                Jdbc.update(c, "INSERT INTO question_fts (id, question, answer, topic, tags) VALUES (?, ?, ?, ?, ?)",
                        q.id(), q.text(), q.answer(), q.topic(), String.join(" ", q.tags()));
            }
            return null;
        });
        byId.clear();
        questions.forEach(q -> byId.put(q.id(), q));
    }

    @Override
    public List<SearchHit> search(String words, int limit) {
        List<String> terms = terms(words);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>(run(String.join(" ", terms), limit));
        if (hits.size() < limit && terms.size() > 1) {
            Set<String> seen = new HashSet<>();
            hits.forEach(h -> seen.add(h.question().id()));
            for (SearchHit hit : run(String.join(" OR ", terms), limit)) {
                if (hits.size() < limit && seen.add(hit.question().id())) {
                    hits.add(hit);
                }
            }
        }
        return hits;
    }

    /** Each word of the input as an FTS5 string: letters and digits only, so quoting is safe. */
    static List<String> terms(String words) {
        Matcher m = WORD.matcher(words);
        List<String> all = new ArrayList<>();
        while (m.find() && all.size() < MAX_WORDS) {
            all.add(m.group().toLowerCase(Locale.ROOT));
        }
        List<String> kept = all.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
        return (kept.isEmpty() ? all : kept).stream().distinct().map(w -> '"' + w + '"').toList();
    }

    private List<SearchHit> run(String match, int limit) {
        return jdbc.list(QUERY, rs -> new String[] {rs.getString(1), rs.getString(2)}, match, limit).stream()
                .filter(row -> byId.containsKey(row[0]))
                .map(row -> new SearchHit(byId.get(row[0]), row[1]))
                .toList();
    }
}
