package dev.studybot.store;

import dev.studybot.domain.Level;
import dev.studybot.domain.Suggestion;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.StoreException;
import dev.studybot.port.out.SuggestionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The suggestion queues in portable SQL, every statement bound to one workspace. */
public final class SqlSuggestionStore implements SuggestionStore {
    private static final String COLUMNS = "number, user_id, user_name, question, answer, claims, topic, level, created_at";
    private final Jdbc jdbc;

    public SqlSuggestionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** How often a suggestion is numbered again when another took its number at the same moment. */
    private static final int ATTEMPTS = 25;

    @Override
    public Suggestion add(WorkspaceRef workspace, Suggestion s) {
        for (int attempt = 1; ; attempt++) {
            try {
                return insert(workspace, s);
            } catch (StoreException e) {
                // two suggestions at once in one workspace may count the same next number; the one that loses counts again
                if (attempt == ATTEMPTS || !(e.getCause() instanceof SQLException sql) || !jdbc.dialect().isTaken(sql)) {
                    throw e;
                }
            }
        }
    }

    private Suggestion insert(WorkspaceRef workspace, Suggestion s) {
        long number = jdbc.inTransaction(c -> {
            long next = Jdbc.list(c, "SELECT COALESCE(MAX(number), 0) + 1 FROM suggestions WHERE workspace = ?", rs -> rs.getLong(1),
                    workspace.key()).get(0);
            Jdbc.update(c, "INSERT INTO suggestions (workspace, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", workspace.key(), next,
                    s.userId(), s.userName(), s.question(), s.answer(), claims(s.claims()), s.topic(), s.level().label(), s.at().toEpochMilli());
            return next;
        });
        return new Suggestion(number, s.userId(), s.userName(), s.question(), s.answer(), s.claims(), s.topic(), s.level(), s.at());
    }

    @Override
    public List<Suggestion> open(WorkspaceRef workspace) {
        return jdbc.list("SELECT " + COLUMNS + " FROM suggestions WHERE workspace = ? AND decided_at IS NULL ORDER BY number",
                SqlSuggestionStore::row, workspace.key());
    }

    @Override
    public Optional<Suggestion> get(WorkspaceRef workspace, long number) {
        return jdbc.one("SELECT " + COLUMNS + " FROM suggestions WHERE workspace = ? AND number = ? AND decided_at IS NULL",
                SqlSuggestionStore::row, workspace.key(), number);
    }

    @Override
    public boolean decide(WorkspaceRef workspace, long number, boolean approved, String outcome, String by, Instant at) {
        return jdbc.update("UPDATE suggestions SET decided_at = ?, decided_by = ?, approved = ?, outcome = ? "
                + "WHERE workspace = ? AND number = ? AND decided_at IS NULL", at.toEpochMilli(), by, approved ? 1 : 0, outcome,
                workspace.key(), number) > 0;
    }

    @Override
    public void reopen(WorkspaceRef workspace, long number) {
        jdbc.update("UPDATE suggestions SET decided_at = NULL, decided_by = NULL, approved = NULL, outcome = NULL WHERE workspace = ? AND number = ?",
                workspace.key(), number);
    }

    /** One claim a line, its phrasings separated by tabs (a form's field holds neither inside a phrasing). */
    static String claims(List<List<String>> claims) {
        return claims.stream().map(c -> String.join("\t", c)).collect(Collectors.joining("\n"));
    }

    static List<List<String>> claims(String text) {
        return text.isBlank() ? List.of() : text.lines().map(l -> Arrays.asList(l.split("\t"))).toList();
    }

    private static Suggestion row(ResultSet rs) throws SQLException {
        return new Suggestion(rs.getLong("number"), rs.getString("user_id"), rs.getString("user_name"), rs.getString("question"),
                rs.getString("answer"), claims(rs.getString("claims")), rs.getString("topic"),
                Level.parse(rs.getString("level")).orElse(Level.INTERMEDIATE), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
