package dev.studybot.store;

import dev.studybot.core.model.Question;
import dev.studybot.core.model.SearchHit;
import dev.studybot.port.QuestionSearch;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Search with SQLite FTS5, ranked by bm25 with the question text weighted above tags, topic and
 * answer. A user's words are never FTS5 syntax: each word is quoted, so {@code "}, {@code AND(},
 * {@code *} and {@code NEAR} are searched as text. All words must match; if nothing does, any
 * word may.
 */
public final class SqliteQuestionSearch implements QuestionSearch {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 16;
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
        List<SearchHit> hits = run(String.join(" ", terms), limit);
        if (hits.isEmpty() && terms.size() > 1) {
            hits = run(String.join(" OR ", terms), limit);
        }
        return hits;
    }

    /** Each word of the input as an FTS5 string: letters and digits only, so quoting is safe. */
    static List<String> terms(String words) {
        Matcher m = WORD.matcher(words);
        List<String> out = new java.util.ArrayList<>();
        while (m.find() && out.size() < MAX_WORDS) {
            out.add('"' + m.group() + '"');
        }
        return out.stream().distinct().collect(Collectors.toList());
    }

    private List<SearchHit> run(String match, int limit) {
        return jdbc.list(QUERY, rs -> new String[] {rs.getString(1), rs.getString(2)}, match, limit).stream()
                .filter(row -> byId.containsKey(row[0]))
                .map(row -> new SearchHit(byId.get(row[0]), row[1]))
                .toList();
    }
}
