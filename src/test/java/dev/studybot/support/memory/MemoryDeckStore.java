package dev.studybot.support.memory;

import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.DeckStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Decks in memory, as {@code SqlDeckStore} keeps them: per workspace, removed questions kept. */
public final class MemoryDeckStore implements DeckStore {
    private final Map<String, Map<String, StoredDeck>> decks = new LinkedHashMap<>();
    private final Map<String, Map<String, StoredQuestion>> questions = new LinkedHashMap<>();
    private final Map<String, Long> revisions = new LinkedHashMap<>();

    @Override
    public synchronized List<StoredDeck> decks(WorkspaceRef workspace) {
        return List.copyOf(decks.getOrDefault(workspace.key(), new TreeMap<>()).values());
    }

    @Override
    public synchronized boolean createDeck(WorkspaceRef workspace, String name, String by, Instant at) {
        return decks.computeIfAbsent(workspace.key(), k -> new TreeMap<>()).putIfAbsent(name, new StoredDeck(name, by, at)) == null;
    }

    @Override
    public synchronized List<StoredQuestion> questions(WorkspaceRef workspace) {
        return new ArrayList<>(questions.getOrDefault(workspace.key(), Map.of()).values());
    }

    @Override
    public synchronized Optional<StoredQuestion> question(WorkspaceRef workspace, String id) {
        return Optional.ofNullable(questions.getOrDefault(workspace.key(), Map.of()).get(id));
    }

    @Override
    public synchronized void put(WorkspaceRef workspace, List<StoredQuestion> written) {
        Map<String, StoredQuestion> rows = questions.computeIfAbsent(workspace.key(), k -> new LinkedHashMap<>());
        for (StoredQuestion q : written) {
            StoredQuestion before = rows.get(q.id());
            Instant first = before == null ? q.writtenAt() : before.writtenAt();
            rows.put(q.id(), new StoredQuestion(q.id(), q.deck(), q.body(), q.writtenBy(), first, Optional.empty()));
        }
        revisions.merge(workspace.key(), 1L, Long::sum);
    }

    @Override
    public synchronized boolean remove(WorkspaceRef workspace, String id, Instant at) {
        Map<String, StoredQuestion> rows = questions.getOrDefault(workspace.key(), Map.of());
        StoredQuestion q = rows.get(id);
        if (q == null || q.removed()) {
            return false;
        }
        rows.put(id, new StoredQuestion(q.id(), q.deck(), q.body(), q.writtenBy(), q.writtenAt(), Optional.of(at)));
        revisions.merge(workspace.key(), 1L, Long::sum);
        return true;
    }

    @Override
    public synchronized long revision(WorkspaceRef workspace) {
        return revisions.getOrDefault(workspace.key(), 0L);
    }
}
