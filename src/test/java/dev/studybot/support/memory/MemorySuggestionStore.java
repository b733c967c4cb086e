package dev.studybot.support.memory;

import dev.studybot.domain.Suggestion;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.SuggestionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Suggestion queues in memory, as {@code SqlSuggestionStore} keeps them: numbered per workspace, decided ones kept. */
public final class MemorySuggestionStore implements SuggestionStore {
    private record Row(Suggestion suggestion, boolean decided) {
    }

    private final Map<String, TreeMap<Long, Row>> rows = new ConcurrentHashMap<>();

    @Override
    public synchronized Suggestion add(WorkspaceRef workspace, Suggestion s) {
        TreeMap<Long, Row> queue = rows.computeIfAbsent(workspace.key(), k -> new TreeMap<>());
        long number = queue.isEmpty() ? 1 : queue.lastKey() + 1;
        Suggestion stored = new Suggestion(number, s.userId(), s.userName(), s.question(), s.answer(), s.claims(), s.topic(), s.level(), s.at());
        queue.put(number, new Row(stored, false));
        return stored;
    }

    @Override
    public synchronized List<Suggestion> open(WorkspaceRef workspace) {
        List<Suggestion> out = new ArrayList<>();
        rows.getOrDefault(workspace.key(), new TreeMap<>()).values().stream().filter(r -> !r.decided()).forEach(r -> out.add(r.suggestion()));
        return out;
    }

    @Override
    public synchronized Optional<Suggestion> get(WorkspaceRef workspace, long number) {
        return Optional.ofNullable(rows.getOrDefault(workspace.key(), new TreeMap<>()).get(number)).filter(r -> !r.decided()).map(Row::suggestion);
    }

    @Override
    public synchronized boolean decide(WorkspaceRef workspace, long number, boolean approved, String outcome, String by, Instant at) {
        TreeMap<Long, Row> queue = rows.getOrDefault(workspace.key(), new TreeMap<>());
        Row row = queue.get(number);
        if (row == null || row.decided()) {
            return false;
        }
        queue.put(number, new Row(row.suggestion(), true));
        return true;
    }

    @Override
    public synchronized void reopen(WorkspaceRef workspace, long number) {
        TreeMap<Long, Row> queue = rows.getOrDefault(workspace.key(), new TreeMap<>());
        Row row = queue.get(number);
        if (row != null) {
            queue.put(number, new Row(row.suggestion(), false));
        }
    }
}
