package dev.studybot.app;

import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Level;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Suggestion;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.words.ContributionWords;
import dev.studybot.port.in.Action;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.CommandCatalog;
import dev.studybot.port.out.ChatPlatform;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.LikeQuestions;
import dev.studybot.port.out.QuestionCodec;
import dev.studybot.port.out.SuggestionStore;
import java.lang.System.Logger;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /study suggest} and the admins' queue: any member proposes a question (a form); admins see
 * the waiting ones oldest first, each with the workspace's questions it looks like, and approve one
 * into a deck (it must pass the bank's checks, or it stays queued) or decline it with a reason. The
 * member is told either way, by direct message.
 */
public final class SuggestionQueue {
    private static final Logger LOG = System.getLogger(SuggestionQueue.class.getName());
    static final String DEFAULT_DECK = "suggested";
    static final String DEFAULT_TOPIC = "General";
    /** Look-alikes named for each suggestion. */
    static final int LOOK_ALIKES = 3;
    private static final int ID_WORDS = 5;
    /** Words an id leaves out, as they tell questions apart least. */
    private static final java.util.Set<String> ID_SKIP = java.util.Set.of("what", "why", "how", "when", "which", "who", "the", "and", "does",
            "are", "for", "you", "your", "with", "explain", "describe");

    private final Clock clock;
    private final Decks decks;
    private final SuggestionStore store;
    private final LikeQuestions like;
    private final QuestionCodec codec;
    private final Platforms platforms;
    private final Settings settings;

    public SuggestionQueue(Clock clock, Settings settings, Decks decks, SuggestionStore store, LikeQuestions like, QuestionCodec codec,
                           Platforms platforms) {
        this.clock = clock;
        this.settings = settings;
        this.decks = decks;
        this.store = store;
        this.like = like;
        this.codec = codec;
        this.platforms = platforms;
    }

    /** Queues a suggestion when what it says holds together: claims need an answer that makes them. */
    public Reply suggest(Command command, Action.Suggest s) {
        if (s.needsForm()) {
            return CommandCatalog.suggestForm();
        }
        List<String> problems = new ArrayList<>();
        String question = s.question().orElseThrow().strip();
        String answer = s.answer().map(String::strip).orElse("");
        String topic = s.topic().map(String::strip).filter(t -> !t.isEmpty()).orElse(DEFAULT_TOPIC);
        length("question", question, CommandCatalog.MAX_SUGGESTED_QUESTION, problems);
        length("answer", answer, CommandCatalog.MAX_SUGGESTED_ANSWER, problems);
        length("claims", s.claims().orElse(""), CommandCatalog.MAX_SUGGESTED_CLAIMS, problems);
        length("topic", topic, CommandCatalog.MAX_ID, problems);
        Optional<Level> level = s.level().map(String::strip).filter(l -> !l.isEmpty()).map(Level::parse).orElse(Optional.of(Level.INTERMEDIATE));
        if (level.isEmpty()) {
            problems.add(ContributionWords.unknownLevel(s.level().orElseThrow().strip()));
        }
        List<List<String>> claims = claims(s.claims().orElse(""));
        if (!claims.isEmpty() && answer.isEmpty()) {
            problems.add(ContributionWords.CLAIMS_NEED_ANSWER);
        }
        if (problems.isEmpty() && !claims.isEmpty()) {
            // an answer with claims is checked as the bank checks it now, so a claim the answer does not make is caught while the member is here
            Question draft = question("suggestion", question, answer, claims, topic, level.get());
            problems.addAll(bare(codec.decode("form", codec.encode(List.of(draft))).problems()));
        }
        if (!problems.isEmpty()) {
            return new Reply.Error(ContributionWords.suggestionRefused(problems));
        }
        Suggestion stored = store.add(command.channel().workspaceRef(), new Suggestion(0, command.actor().userId(),
                command.actor().displayName(), question, answer, claims, topic, level.get(), clock.instant()));
        return new Reply.Notice(ContributionWords.suggestionQueued(stored.number()));
    }

    /** The waiting suggestions, oldest first, with their look-alikes among the workspace's questions. */
    public Reply list(Command command) {
        WorkspaceRef workspace = command.channel().workspaceRef();
        List<Suggestion> open = store.open(workspace);
        List<List<LikeQuestions.Like>> alike = open.isEmpty() ? List.of()
                : like.like(open.stream().map(Suggestion::question).toList(), decks.bank(workspace).all(), LOOK_ALIKES);
        List<Reply.SuggestionQueue.Queued> queued = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            queued.add(new Reply.SuggestionQueue.Queued(open.get(i), alike.get(i).stream()
                    .map(l -> new Reply.SuggestionQueue.LookAlike(l.id(), l.similarity())).toList()));
        }
        return new Reply.SuggestionQueue(queued, settings.zone());
    }

    /**
     * Stores the suggestion as an own question of the deck when it passes the bank's checks, with the
     * answer and claims the admin gave in place of the member's; otherwise it stays queued.
     */
    public Reply approve(Command command, Action.SuggestionApprove approval) {
        Optional<Long> number = number(approval.number());
        if (number.isEmpty()) {
            return new Reply.Error(ContributionWords.notANumber(approval.number()));
        }
        String target = approval.deck().map(String::strip).orElse(DEFAULT_DECK);
        Optional<String> badDeck = Decks.deckProblem(target);
        if (badDeck.isPresent()) {
            return new Reply.Error(badDeck.get());
        }
        WorkspaceRef workspace = command.channel().workspaceRef();
        Optional<Suggestion> found = store.get(workspace, number.get());
        if (found.isEmpty()) {
            return new Reply.Error(ContributionWords.noSuggestion(number.get()));
        }
        Suggestion s = completed(found.get(), approval.answer(), approval.claims());
        if (!s.answered()) {
            return new Reply.Error(ContributionWords.notApproved(s.number(), List.of(ContributionWords.NO_ANSWER_YET)));
        }
        String id = freeId(workspace, s.question());
        Instant now = clock.instant();
        // decided first, so that two admins approving at once store it once; a write that fails puts it back
        if (!store.decide(workspace, s.number(), true, id, command.actor().userId(), now)) {
            return new Reply.Error(ContributionWords.noSuggestion(s.number()));
        }
        Decks.Written written;
        try {
            written = decks.write(workspace, Optional.of(target), "suggestion #" + s.number(),
                    codec.encode(List.of(question(id, s.question(), s.answer(), s.claims(), s.topic(), s.level()))), Decks.Mode.ADD,
                    command.actor().userId(), now);
        } catch (RuntimeException e) {
            store.reopen(workspace, s.number());
            throw e;
        }
        if (!written.ok()) {
            store.reopen(workspace, s.number());
            return new Reply.Error(ContributionWords.notApproved(s.number(), bare(written.problems())));
        }
        boolean told = tell(workspace, s, ContributionWords.toldApproved(s.question(), id, target));
        return new Reply.Notice(ContributionWords.approved(s.number(), id, target, told));
    }

    /** Declines the suggestion and tells its author why. */
    public Reply decline(Command command, String typed, String reason) {
        Optional<Long> number = number(typed);
        if (number.isEmpty()) {
            return new Reply.Error(ContributionWords.notANumber(typed));
        }
        String why = reason.strip();
        if (why.isEmpty()) {
            return new Reply.Error(ContributionWords.REASON_NEEDED);
        }
        if (why.length() > CommandCatalog.MAX_REASON) {
            return new Reply.Error(ContributionWords.reasonTooLong(CommandCatalog.MAX_REASON));
        }
        WorkspaceRef workspace = command.channel().workspaceRef();
        Optional<Suggestion> found = store.get(workspace, number.get());
        if (found.isEmpty() || !store.decide(workspace, number.get(), false, why, command.actor().userId(), clock.instant())) {
            return new Reply.Error(ContributionWords.noSuggestion(number.get()));
        }
        boolean told = tell(workspace, found.get(), ContributionWords.toldDeclined(found.get().question(), why));
        return new Reply.Notice(ContributionWords.declined(number.get(), told));
    }

    private boolean tell(WorkspaceRef workspace, Suggestion s, String text) {
        Optional<ChatPlatform> platform = platforms.get(workspace.platform());
        if (platform.isEmpty()) {
            return false;
        }
        try {
            platform.get().tell(workspace, s.userId(), new Reply.Notice(text));
            return true;
        } catch (DeliveryException e) {
            LOG.log(System.Logger.Level.WARNING, "Suggestion #{0} of {1}: its author was not told: {2}", s.number(), workspace.key(), e.getMessage());
            return false;
        }
    }

    /** The suggestion with an admin's answer and claims in place of the member's. */
    private static Suggestion completed(Suggestion s, Optional<String> answer, Optional<String> claims) {
        return new Suggestion(s.number(), s.userId(), s.userName(), s.question(), answer.map(String::strip).orElse(s.answer()),
                claims.map(SuggestionQueue::claims).orElse(s.claims()), s.topic(), s.level(), s.at());
    }

    /** One claim a line (or split by ';'), its phrasings separated by commas. */
    static List<List<String>> claims(String text) {
        return Arrays.stream(text.split("[\\n;]")).map(line -> Arrays.stream(line.split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).toList()).filter(c -> !c.isEmpty()).toList();
    }

    static Optional<Long> number(String typed) {
        String t = typed.strip();
        t = t.startsWith("#") ? t.substring(1) : t;
        try {
            long n = Long.parseLong(t);
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Question question(String id, String text, String answer, List<List<String>> claims, String topic, Level level) {
        return new Question(id, topic, level, text, answer, claims.stream().map(KeyPoint::new).toList(), List.of());
    }

    /** An id from the question's first words ({@code sg-what-dropout-...}), made unique in the workspace. */
    private String freeId(WorkspaceRef workspace, String question) {
        String plain = Normalizer.normalize(question, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(plain.split("[^a-z0-9]+")).filter(w -> w.length() > 2 && !ID_SKIP.contains(w)).limit(ID_WORDS).toList();
        return decks.freeId(workspace, "sg-" + (words.isEmpty() ? "question" : String.join("-", words)));
    }

    private static void length(String field, String value, int max, List<String> problems) {
        if (value.length() > max) {
            problems.add(ContributionWords.fieldTooLong(field, max, value.length()));
        }
    }

    /** Problems without the {@code name:line:} the codec puts before them, which name no file a member has. */
    private static List<String> bare(List<String> problems) {
        return problems.stream().map(p -> p.replaceFirst("^[^:]*:(\\d+:)? ", "").replaceFirst("^question '[^']*': ", "")
                .replaceFirst("^question '[^']*' ", "the question ")).toList();
    }
}
