package dev.studybot.app;

import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.SearchHit;
import dev.studybot.domain.TopicCount;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.out.DeckStore;
import dev.studybot.port.out.QuestionBank;
import dev.studybot.port.out.QuestionCodec;
import dev.studybot.port.out.QuestionSearch;
import dev.studybot.port.out.SearchIndexes;
import dev.studybot.port.out.StoreException;
import dev.studybot.port.out.WorkspaceBanks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * The questions each workspace studies: the shared bank (the deck {@value #BUILT_IN}) and the
 * workspace's own decks, kept in the store as bank YAML. Every lookup, draw, search and grade goes
 * through {@link #bank} or {@link #search} of the workspace asking, so one workspace never sees
 * another's questions. A workspace's view is built once and kept until its decks change (the
 * store's revision) or the shared bank is reloaded; while the database cannot be reached, the last
 * view stays in use.
 */
public final class Decks implements WorkspaceBanks {
    /** The name of the shared bank among a workspace's decks. */
    public static final String BUILT_IN = "builtin";
    /** An own question's id at most: short enough to type, and to travel in a form's custom id on every platform. */
    public static final int MAX_ID = 64;

    private final QuestionBank shared;
    private final QuestionSearch sharedSearch;
    private final SearchIndexes indexes;
    private final DeckStore store;
    private final QuestionCodec codec;
    private final ConcurrentMap<String, View> views = new ConcurrentHashMap<>();

    public Decks(QuestionBank shared, QuestionSearch sharedSearch, SearchIndexes indexes, DeckStore store, QuestionCodec codec) {
        this.shared = shared;
        this.sharedSearch = sharedSearch;
        this.indexes = indexes;
        this.store = store;
        this.codec = codec;
    }

    /** The workspace's own questions as read from the store: live, removed, and each one's deck. */
    record Own(List<Question> live, Map<String, Question> removed, Map<String, String> deckOf) {
        static final Own NONE = new Own(List.of(), Map.of(), Map.of());
    }

    /** A stored question as last read: its YAML and the question it reads as. */
    private record Read(String body, Question question) {
    }

    private record View(List<Question> base, long revision, Own own, QuestionBank bank, QuestionSearch search, Map<String, Read> reads) {
    }

    /** Every question the workspace can draw, look up and grade. */
    public QuestionBank bank(WorkspaceRef workspace) {
        return view(workspace).bank();
    }

    /** The same, for a platform's suggestions while a member types. */
    @Override
    public QuestionBank of(WorkspaceRef workspace) {
        return bank(workspace);
    }

    /** Search over the workspace's questions. */
    public QuestionSearch search(WorkspaceRef workspace) {
        return view(workspace).search();
    }

    /** The deck a question of the workspace is in. */
    public Optional<String> deckOf(WorkspaceRef workspace, String questionId) {
        View v = view(workspace);
        String own = v.own().deckOf().get(questionId);
        if (own != null) {
            return Optional.of(own);
        }
        return shared.byId(questionId).map(q -> BUILT_IN);
    }

    /** The live questions of these decks; no decks named means all of them. */
    public List<Question> questionsIn(WorkspaceRef workspace, Collection<String> decks) {
        View v = view(workspace);
        if (decks.isEmpty()) {
            return v.bank().all();
        }
        Set<String> wanted = Set.copyOf(decks);
        Stream<Question> fromShared = wanted.contains(BUILT_IN) ? v.base().stream() : Stream.empty();
        Stream<Question> fromOwn = v.own().live().stream().filter(q -> wanted.contains(v.own().deckOf().get(q.id())));
        return Stream.concat(fromShared, fromOwn).toList();
    }

    /** The workspace's decks, the shared bank first, with their live question counts. */
    public List<Reply.DeckList.DeckLine> decks(WorkspaceRef workspace) {
        View v = view(workspace);
        Map<String, Integer> counts = new TreeMap<>();
        store.decks(workspace).forEach(d -> counts.put(d.name(), 0));
        v.own().live().forEach(q -> counts.merge(v.own().deckOf().get(q.id()), 1, Integer::sum));
        List<Reply.DeckList.DeckLine> all = new ArrayList<>();
        all.add(new Reply.DeckList.DeckLine(BUILT_IN, true, v.base().size()));
        counts.forEach((name, n) -> all.add(new Reply.DeckList.DeckLine(name, false, n)));
        return all;
    }

    /** Refuses a deck name the workspace has none of, naming the decks it has. */
    public String noSuchDeck(WorkspaceRef workspace, String typed) {
        return "No deck is called '" + Texts.shorten(typed.strip(), 40) + "'. The decks: "
                + String.join(", ", decks(workspace).stream().map(Reply.DeckList.DeckLine::name).toList()) + ".";
    }

    /** The deck by the name a member typed, ignoring case. */
    public Optional<String> resolve(WorkspaceRef workspace, String name) {
        String wanted = name.strip();
        return decks(workspace).stream().map(Reply.DeckList.DeckLine::name).filter(n -> n.equalsIgnoreCase(wanted)).findFirst();
    }

    /** The workspace's own questions of one deck, removed ones left out, as the store keeps them. */
    public List<Question> ownQuestions(WorkspaceRef workspace, String deck) {
        Own own = view(workspace).own();
        return own.live().stream().filter(q -> deck.equals(own.deckOf().get(q.id()))).toList();
    }

    /** {@code base}, or {@code base-2}, {@code base-3} ...: the first id not taken in the workspace (see {@link #takenIds}). */
    public String freeId(WorkspaceRef workspace, String base) {
        Map<String, DeckStore.StoredQuestion> own = ownRows(workspace);
        String id = base;
        for (int n = 2; shared.byId(id).isPresent() || own.containsKey(id.toLowerCase(Locale.ROOT)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** Every id taken in the workspace: the shared bank's and its own questions', removed ones included (ids are never reused). */
    public Set<String> takenIds(WorkspaceRef workspace) {
        Set<String> taken = new java.util.HashSet<>();
        shared.all().forEach(q -> taken.add(q.id()));
        store.questions(workspace).forEach(q -> taken.add(q.id()));
        return taken;
    }

    /** The workspace's own stored questions, removed ones included, by id in lower case; one read of the store. */
    private Map<String, DeckStore.StoredQuestion> ownRows(WorkspaceRef workspace) {
        Map<String, DeckStore.StoredQuestion> rows = new java.util.HashMap<>();
        store.questions(workspace).forEach(q -> rows.put(q.id().toLowerCase(Locale.ROOT), q));
        return rows;
    }

    /** A deck as bank YAML, ready for the question folder. */
    public String export(WorkspaceRef workspace, String deck) {
        List<Question> questions = BUILT_IN.equals(deck) ? shared.all() : ownQuestions(workspace, deck);
        return codec.encode(questions);
    }

    /** What writing questions did: the questions stored, or the problems found (and then nothing stored). */
    public record Written(List<Question> stored, List<String> problems) {
        public Written {
            stored = List.copyOf(stored);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Whether a write brings new questions (their ids must be free) or replaces own ones (they must exist). */
    public enum Mode {
        ADD, REPLACE
    }

    /**
     * Checks bank YAML exactly as the question folder is checked, then stores its questions in the
     * deck (made if new), all of them or, on any problem, none. {@code name} is how problems name
     * the text ({@code form}, a file's name). New ids must be free in the workspace: not in the
     * shared bank, not taken by an own question, even a removed one. Replacing keeps each
     * question's deck unless {@code deck} is given.
     */
    public Written write(WorkspaceRef workspace, Optional<String> deck, String name, String yaml, Mode mode, String by, Instant at) {
        List<String> problems = new ArrayList<>();
        if (deck.isPresent()) {
            deckProblem(deck.get()).ifPresent(problems::add);
        }
        QuestionCodec.Decoded decoded = codec.decode(name, yaml);
        problems.addAll(decoded.problems());
        if (decoded.questions().isEmpty() && decoded.problems().isEmpty()) {
            problems.add(name + ": holds no question");
        }
        List<DeckStore.StoredQuestion> rows = new ArrayList<>();
        Map<String, DeckStore.StoredQuestion> stored = decoded.questions().isEmpty() ? Map.of() : ownRows(workspace);
        Set<String> seen = new java.util.HashSet<>();
        for (Question q : decoded.questions()) {
            if (!seen.add(q.id().toLowerCase(Locale.ROOT))) {
                continue; // the codec already names the repeat
            }
            if (q.id().length() > MAX_ID) {
                problems.add(name + ": the id '" + Texts.shorten(q.id(), 40) + "' is " + q.id().length()
                        + " characters; an id of the team's own is at most " + MAX_ID);
                continue;
            }
            if (shared.byId(q.id()).isPresent()) {
                problems.add(name + ": the id '" + q.id() + "' is a question of the built-in bank; give the question an id of its own");
                continue;
            }
            Optional<DeckStore.StoredQuestion> existing = Optional.ofNullable(stored.get(q.id().toLowerCase(Locale.ROOT)));
            if (mode == Mode.ADD && existing.isPresent()) {
                problems.add(name + ": the id '" + q.id() + "' is taken by " + (existing.get().removed() ? "a removed question" : "a question of deck "
                        + existing.get().deck()) + " (ids are never reused); give the question another id");
                continue;
            }
            if (mode == Mode.REPLACE && existing.isEmpty()) {
                problems.add(name + ": this workspace has no question '" + q.id() + "' of its own to change");
                continue;
            }
            String target = deck.orElseGet(() -> existing.map(DeckStore.StoredQuestion::deck).orElse(""));
            if (target.isEmpty()) {
                problems.add(name + ": no deck named for '" + q.id() + "'");
                continue;
            }
            rows.add(new DeckStore.StoredQuestion(q.id(), target, codec.encode(List.of(q)), by, at, Optional.empty()));
        }
        if (!problems.isEmpty()) {
            return new Written(List.of(), problems);
        }
        rows.stream().map(DeckStore.StoredQuestion::deck).distinct().forEach(d -> store.createDeck(workspace, d, by, at));
        store.put(workspace, rows);
        return new Written(decoded.questions(), List.of());
    }

    /** Removes an own question: it is drawn, listed and searched no more; posts, answers and points keep its id. */
    public boolean remove(WorkspaceRef workspace, String id, Instant at) {
        Optional<DeckStore.StoredQuestion> row = store.question(workspace, id.strip());
        return row.isPresent() && store.remove(workspace, row.get().id(), at);
    }

    /** Why a deck name cannot be used, if it cannot. */
    public static Optional<String> deckProblem(String name) {
        if (name.strip().equalsIgnoreCase(BUILT_IN)) {
            return Optional.of("The deck " + BUILT_IN + " is the built-in bank, which cannot be changed in chat; name a deck of your own.");
        }
        return Optional.ofNullable(Texts.nameProblem("Deck", name));
    }

    private View view(WorkspaceRef workspace) {
        List<Question> base = shared.all();
        View cached = views.get(workspace.key());
        long revision;
        try {
            revision = store.revision(workspace);
        } catch (StoreException e) {
            if (cached != null && cached.base() == base) {
                return cached;
            }
            // the shared bank serves alone until the decks can be read; the command that needs the store says the database is busy
            return new View(base, -1, Own.NONE, shared, sharedSearch, Map.of());
        }
        if (cached != null && cached.revision() == revision && cached.base() == base) {
            return cached;
        }
        View fresh = revision == 0 ? new View(base, 0, Own.NONE, shared, sharedSearch, Map.of())
                : build(workspace, base, revision, cached == null ? Map.of() : cached.reads());
        views.put(workspace.key(), fresh);
        return fresh;
    }

    /** The workspace's view from the store; questions whose YAML did not change since {@code before} are not read again. */
    private View build(WorkspaceRef workspace, List<Question> base, long revision, Map<String, Read> before) {
        List<Question> live = new ArrayList<>();
        Map<String, Question> removed = new LinkedHashMap<>();
        Map<String, String> deckOf = new LinkedHashMap<>();
        Map<String, Read> reads = new java.util.HashMap<>();
        for (DeckStore.StoredQuestion row : store.questions(workspace)) {
            Read known = before.get(row.id());
            Optional<Question> q = known != null && known.body().equals(row.body()) ? Optional.of(known.question())
                    : codec.read(row.id() + ".yaml", row.body()).stream().filter(x -> x.id().equals(row.id())).findFirst();
            q.ifPresent(question -> reads.put(row.id(), new Read(row.body(), question)));
            if (q.isEmpty()) {
                // checked when written, so only a later change of the bank format can get here; the rest of the deck stays usable
                continue;
            }
            deckOf.put(row.id(), row.deck());
            if (row.removed()) {
                removed.put(row.id(), q.get());
            } else {
                live.add(q.get());
            }
        }
        Own own = new Own(List.copyOf(live), Map.copyOf(removed), Map.copyOf(deckOf));
        if (live.isEmpty() && removed.isEmpty()) {
            return new View(base, revision, own, shared, sharedSearch, Map.copyOf(reads));
        }
        QuestionBank bank = new WorkspaceBank(shared, own);
        // the workspace's index is built when it is first searched, not on every change: a form, an import or a draw needs none
        QuestionSearch search = live.isEmpty() ? sharedSearch : new LazySearch(() -> indexes.with(live));
        return new View(base, revision, own, bank, search, Map.copyOf(reads));
    }

    /**
     * The shared bank with a workspace's own questions after it; ids ignore case. A removed own
     * question is found by id (open posts and history keep it) but never drawn, listed or counted.
     */
    private static final class WorkspaceBank implements QuestionBank {
        private final QuestionBank shared;
        private final List<Question> live;
        private final Map<String, Question> byId = new LinkedHashMap<>();

        WorkspaceBank(QuestionBank shared, Own own) {
            this.shared = shared;
            this.live = own.live();
            own.removed().values().forEach(q -> byId.put(key(q.id()), q));
            live.forEach(q -> byId.put(key(q.id()), q));
        }

        @Override
        public List<Question> all() {
            return Stream.concat(shared.all().stream(), live.stream()).toList();
        }

        @Override
        public Optional<Question> byId(String id) {
            return shared.byId(id).or(() -> Optional.ofNullable(byId.get(key(id))));
        }

        @Override
        public List<TopicCount> topics() {
            return TopicCount.of(all());
        }

        private static String key(String id) {
            return id.toLowerCase(Locale.ROOT);
        }
    }

    /** A search built on its first use, once, however many threads ask at the same time. */
    private static final class LazySearch implements QuestionSearch {
        private final java.util.function.Supplier<QuestionSearch> build;
        private volatile QuestionSearch built;

        LazySearch(java.util.function.Supplier<QuestionSearch> build) {
            this.build = build;
        }

        private QuestionSearch get() {
            QuestionSearch b = built;
            if (b == null) {
                synchronized (this) {
                    b = built;
                    if (b == null) {
                        b = build.get();
                        built = b;
                    }
                }
            }
            return b;
        }

        @Override
        public void index(Collection<Question> questions) {
            throw new UnsupportedOperationException("a workspace's search follows its decks");
        }

        @Override
        public List<SearchHit> search(String words, int limit) {
            return get().search(words, limit);
        }
    }
}
