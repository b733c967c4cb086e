package dev.studybot.app;

import dev.studybot.domain.Level;
import dev.studybot.domain.Question;
import dev.studybot.domain.TopicCount;
import dev.studybot.domain.Reply;
import dev.studybot.port.out.PostStore;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.QuestionBank;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Questions by id, at random, by search, by topic, and today's. Answers stay hidden. */
public final class Lookups {
    static final int SEARCH_LIMIT = 5;
    static final int MAX_SEARCH_LENGTH = 200;

    private final Decks decks;
    private final PostStore posts;
    private final RandomGenerator random;

    public Lookups(Decks decks, PostStore posts, RandomGenerator random) {
        this.decks = decks;
        this.posts = posts;
        this.random = random;
    }

    public Reply byId(WorkspaceRef workspace, String id) {
        QuestionBank bank = decks.bank(workspace);
        return bank.byId(id.strip())
                .<Reply>map(q -> new Reply.QuestionCard(q, Optional.empty(), false))
                .orElseGet(() -> new Reply.Error("No question has the id '" + Texts.shorten(id, 40)
                        + "'." + Suggestions.closest(id.strip(), bank.all().stream().map(Question::id).toList())
                        .map(s -> " Did you mean " + s + "?").orElse(" Try /study search WORDS.")));
    }

    public Reply random(WorkspaceRef workspace, Optional<String> topic, Optional<Level> level) {
        Optional<String> resolved = Optional.empty();
        if (topic.isPresent()) {
            resolved = resolveTopic(workspace, topic.get());
            if (resolved.isEmpty()) {
                return new Reply.Error("No topic matches '" + Texts.shorten(topic.get(), 40)
                        + "'. The topics: " + String.join(", ", topicNames(workspace)) + ".");
            }
        }
        String wantedTopic = resolved.orElse(null);
        List<Question> pool = decks.bank(workspace).all().stream()
                .filter(q -> wantedTopic == null || q.topic().equals(wantedTopic))
                .filter(q -> level.map(l -> l == q.level()).orElse(true))
                .toList();
        if (pool.isEmpty()) {
            return new Reply.Error("No question matches " + resolved.orElse("any topic")
                    + level.map(l -> " at level " + l.label()).orElse("") + ".");
        }
        return new Reply.QuestionCard(pool.get(random.nextInt(pool.size())), Optional.empty(), false);
    }

    public Reply search(WorkspaceRef workspace, String words) {
        if (words.length() > MAX_SEARCH_LENGTH) {
            return new Reply.Error("Search words are at most " + MAX_SEARCH_LENGTH + " characters.");
        }
        if (words.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return new Reply.Error("Search needs at least one word with letters or digits.");
        }
        return new Reply.SearchResults(words, decks.search(workspace).search(words, SEARCH_LIMIT));
    }

    public Reply topics(WorkspaceRef workspace) {
        return new Reply.Topics(decks.bank(workspace).topics());
    }

    /** A topic by its name, or by a word of it when only one topic has that word ("cnns", "nlp"). */
    Optional<String> resolveTopic(WorkspaceRef workspace, String wanted) {
        String w = wanted.strip().toLowerCase(Locale.ROOT);
        List<String> names = topicNames(workspace);
        Optional<String> exact = names.stream().filter(n -> n.equalsIgnoreCase(w)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<String> partial = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(w)).toList();
        return partial.size() == 1 ? Optional.of(partial.get(0)) : Optional.empty();
    }

    private List<String> topicNames(WorkspaceRef workspace) {
        return decks.bank(workspace).topics().stream().map(TopicCount::topic).toList();
    }
}
