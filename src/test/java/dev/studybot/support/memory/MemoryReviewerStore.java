package dev.studybot.support.memory;

import dev.studybot.domain.Reviewer;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.ReviewerStore;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Stands for {@code SqlReviewerStore}: settings per workspace and member; the day of the last reminder only by claim and release. */
public final class MemoryReviewerStore implements ReviewerStore {
    private record Key(String workspace, String userId) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::workspace, Columns.BINARY).thenComparing(Key::userId, Columns.BINARY);
    private final Map<Key, Reviewer> rows = new TreeMap<>(ORDER);

    @Override
    public synchronized Optional<Reviewer> find(WorkspaceRef workspace, String userId) {
        return Optional.ofNullable(rows.get(new Key(workspace.key(), userId)));
    }

    @Override
    public synchronized void save(Reviewer r) {
        Key key = new Key(r.workspace().key(), r.userId());
        Optional<LocalDate> reminded = Optional.ofNullable(rows.get(key)).flatMap(Reviewer::remindedOn);
        rows.put(key, new Reviewer(r.workspace(), r.userId(), r.on(), r.remindAt(), r.zone(), reminded, r.openQuestion()));
    }

    @Override
    public synchronized List<Reviewer> withReminders() {
        return rows.values().stream().filter(r -> r.on() && r.remindAt().isPresent()).toList();
    }

    @Override
    public synchronized boolean claimReminder(WorkspaceRef workspace, String userId, LocalDate day) {
        Reviewer r = rows.get(new Key(workspace.key(), userId));
        if (r == null || r.remindedOn().equals(Optional.of(day))) {
            return false;
        }
        rows.put(new Key(workspace.key(), userId), new Reviewer(r.workspace(), r.userId(), r.on(), r.remindAt(), r.zone(), Optional.of(day),
                r.openQuestion()));
        return true;
    }

    @Override
    public synchronized void releaseReminder(WorkspaceRef workspace, String userId, LocalDate day) {
        Reviewer r = rows.get(new Key(workspace.key(), userId));
        if (r != null && r.remindedOn().equals(Optional.of(day))) {
            rows.put(new Key(workspace.key(), userId), new Reviewer(r.workspace(), r.userId(), r.on(), r.remindAt(), r.zone(), Optional.empty(),
                    r.openQuestion()));
        }
    }
}
