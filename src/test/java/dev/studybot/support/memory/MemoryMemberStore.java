package dev.studybot.support.memory;

import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.MemberStore;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stands for {@code SqlMemberStore}: display names by (workspace, member). {@link #find} matches
 * the id exactly or the name ignoring case, and of several matches gives the smallest id.
 */
public final class MemoryMemberStore implements MemberStore {
    private final Map<String, Map<String, String>> names = new HashMap<>();

    @Override
    public synchronized void remember(WorkspaceRef workspace, String userId, String displayName) {
        names.computeIfAbsent(workspace.key(), k -> new HashMap<>()).put(userId, displayName);
    }

    @Override
    public synchronized Optional<String> displayName(WorkspaceRef workspace, String userId) {
        return Optional.ofNullable(of(workspace).get(userId));
    }

    @Override
    public synchronized Optional<String> find(WorkspaceRef workspace, String idOrName) {
        String nameKey = idOrName.toLowerCase(Locale.ROOT);
        return of(workspace).entrySet().stream()
                .filter(e -> e.getKey().equals(idOrName) || e.getValue().toLowerCase(Locale.ROOT).equals(nameKey))
                .map(Map.Entry::getKey)
                .min(Columns.BINARY);
    }

    private Map<String, String> of(WorkspaceRef workspace) {
        return names.getOrDefault(workspace.key(), Map.of());
    }
}
