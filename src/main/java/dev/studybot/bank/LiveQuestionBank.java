package dev.studybot.bank;

import dev.studybot.domain.Question;
import dev.studybot.domain.TopicCount;
import dev.studybot.port.out.QuestionBank;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bank that reloading replaces while the bot runs. A question whose id left the files is
 * retired: no longer in {@link #all()} (so never posted, drawn or counted) but still found by
 * {@link #byId} until the next start, because posts, history and reviews name it.
 */
public final class LiveQuestionBank implements QuestionBank {
    private volatile State state;

    private record State(MemoryQuestionBank live, Map<String, Question> retired) {
    }

    /** Which ids a replacement added, changed or retired, in bank order. */
    public record Change(List<String> added, List<String> changed, List<String> removed) {
        public Change {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }
    }

    public LiveQuestionBank(List<Question> questions) {
        state = new State(new MemoryQuestionBank(questions), Map.of());
    }

    /** Serves these questions from now on; ids that are gone are retired, ids that return are live again. */
    public synchronized Change replace(List<Question> questions) {
        State before = state;
        MemoryQuestionBank next = new MemoryQuestionBank(questions);
        Map<String, Question> retired = new HashMap<>(before.retired());
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Question q : next.all()) {
            retired.remove(key(q.id()));
            Optional<Question> old = before.live().byId(q.id());
            if (old.isEmpty()) {
                added.add(q.id());
            } else if (!old.get().equals(q)) {
                changed.add(q.id());
            }
        }
        for (Question q : before.live().all()) {
            if (next.byId(q.id()).isEmpty()) {
                removed.add(q.id());
                retired.put(key(q.id()), q);
            }
        }
        state = new State(next, Map.copyOf(retired));
        return new Change(added, changed, removed);
    }

    @Override
    public List<Question> all() {
        return state.live().all();
    }

    @Override
    public Optional<Question> byId(String id) {
        State s = state;
        return s.live().byId(id).or(() -> Optional.ofNullable(s.retired().get(key(id))));
    }

    @Override
    public List<TopicCount> topics() {
        return state.live().topics();
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
