package dev.studybot.support.memory;

import dev.studybot.domain.MemoryState;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.MemoryStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Stands for {@code SqlMemoryStore}: one state per workspace, member and question, listed by question id. */
public final class MemoryMemoryStore implements MemoryStore {
    private final Map<String, Map<String, MemoryState>> byMember = new TreeMap<>(Columns.BINARY);

    @Override
    public synchronized Optional<MemoryState> find(WorkspaceRef workspace, String userId, String questionId) {
        return Optional.ofNullable(byMember.getOrDefault(key(workspace, userId), Map.of()).get(questionId));
    }

    @Override
    public synchronized void save(WorkspaceRef workspace, String userId, MemoryState state) {
        // instants as a millisecond column reads them back
        MemoryState stored = new MemoryState(state.questionId(), state.stability(), state.difficulty(), state.reviews(), state.lapses(),
                Columns.millis(state.lastReview()), Columns.millis(state.due()), state.forgotten());
        byMember.computeIfAbsent(key(workspace, userId), k -> new TreeMap<>(Columns.BINARY)).put(state.questionId(), stored);
    }

    @Override
    public synchronized List<MemoryState> of(WorkspaceRef workspace, String userId) {
        return List.copyOf(byMember.getOrDefault(key(workspace, userId), Map.of()).values());
    }

    private static String key(WorkspaceRef workspace, String userId) {
        return workspace.key() + "\u0000" + userId;
    }
}
