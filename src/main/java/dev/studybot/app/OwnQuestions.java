package dev.studybot.app;

import dev.studybot.domain.Attachment;
import dev.studybot.domain.Question;
import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.QuestionDraft.Field;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Reply.QuestionForm.FormProblem;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.port.in.Command;
import dev.studybot.port.in.CommandCatalog;
import dev.studybot.port.out.QuestionCodec;
import dev.studybot.port.out.QuestionMatching;
import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A workspace's own questions from chat: the question form to add or edit one (checked exactly as
 * the question folder is, through {@link Decks#write}, and against the workspace's other questions
 * for repeats), removing one, the decks with their counts, and a deck as a bank YAML file.
 */
public final class OwnQuestions {
    private final Decks decks;
    private final QuestionCodec codec;
    private final QuestionMatching matching;
    private final Clock clock;

    public OwnQuestions(Decks decks, QuestionCodec codec, QuestionMatching matching, Clock clock) {
        this.decks = decks;
        this.codec = codec;
        this.matching = matching;
        this.clock = clock;
    }

    /** Why a deck named with {@code question add} cannot take questions; found without the store. */
    static Optional<Reply.Error> deckRefusal(Optional<String> deck) {
        return deck.flatMap(Decks::deckProblem).map(Reply.Error::new);
    }

    /** An empty form for a new question in the deck (an existing deck's name as the workspace spells it). */
    public Reply add(Command c, Optional<String> deck) {
        String wanted = deck.map(String::strip).orElse(CommandCatalog.DEFAULT_DECK);
        String name = decks.resolve(c.channel().workspaceRef(), wanted).orElse(wanted);
        return new Reply.QuestionForm(QuestionDraft.blank(name), List.of());
    }

    /** The form filled in with one of the workspace's own live questions; a built-in or removed one is refused. */
    public Reply edit(Command c, String id) {
        WorkspaceRef ws = c.channel().workspaceRef();
        Optional<Reply.Error> refused = notOwn(ws, id);
        if (refused.isPresent()) {
            return refused.get();
        }
        Question q = decks.bank(ws).byId(canonical(ws, id)).orElseThrow();
        return new Reply.QuestionForm(QuestionForms.fill(q, decks.deckOf(ws, q.id()).orElseThrow()), List.of());
    }

    /** Stores a filled-in form, or gives it back with its problems and nothing stored. */
    public Reply submit(Command c, QuestionDraft typed) {
        WorkspaceRef ws = c.channel().workspaceRef();
        QuestionDraft draft = typed;
        if (typed.editing().isPresent()) {
            Optional<Reply.Error> refused = notOwn(ws, typed.editing().get());
            if (refused.isPresent()) {
                return refused.get();
            }
            // an edit keeps the question's id and deck, whatever the platform sent back
            String id = canonical(ws, typed.editing().get());
            draft = new QuestionDraft(decks.deckOf(ws, id).orElseThrow(), Optional.of(id), typed.question(), typed.answer(), typed.claims(),
                    typed.topic(), typed.details());
        } else {
            Optional<String> deckProblem = Decks.deckProblem(typed.deck());
            if (deckProblem.isPresent()) {
                return rejected(typed, List.of(new FormProblem(Field.DETAILS, deckProblem.get())));
            }
        }
        QuestionForms.Read read = QuestionForms.read(draft, text -> freeId(ws, text));
        if (read.question().isEmpty()) {
            return rejected(draft, read.problems());
        }
        Question q = read.question().get();
        List<Question> others = decks.bank(ws).all().stream().filter(o -> !o.id().equalsIgnoreCase(q.id())).toList();
        Optional<QuestionMatching.Twin> twin = matching.twin(q, others);
        if (twin.isPresent()) {
            Question other = twin.get().other();
            String deck = decks.deckOf(ws, other.id()).orElse(Decks.BUILT_IN);
            return rejected(draft, List.of(new FormProblem(Field.QUESTION, twin.get().similarity() >= 1.0
                    ? "The question repeats '" + other.id() + "' (deck " + deck + ") word for word."
                    : String.format(Locale.ROOT, "The question asks what '%s' (deck %s) asks (%.2f alike): change that one, or ask something else.",
                    other.id(), deck, twin.get().similarity()))));
        }
        String yaml = codec.encode(List.of(q));
        Decks.Written written = decks.write(ws, Optional.of(draft.deck()), QuestionForms.FORM, yaml,
                draft.editing().isPresent() ? Decks.Mode.REPLACE : Decks.Mode.ADD, c.actor().userId(), clock.instant());
        if (!written.ok()) {
            return rejected(draft, QuestionForms.onFields(written.problems(), yaml));
        }
        return new Reply.Notice((draft.editing().isPresent() ? "Saved your changes to " : "Added ") + "the question " + q.id()
                + " to the deck " + draft.deck() + ". See it with /study question " + q.id()
                + (draft.editing().isPresent() ? "." : "; schedules drawing on every deck, or on " + draft.deck() + ", can post it now."));
    }

    /** Removes an own question: it is drawn and listed no more; history, points and open posts keep its id. */
    public Reply remove(Command c, String id) {
        WorkspaceRef ws = c.channel().workspaceRef();
        Optional<Reply.Error> refused = notOwn(ws, id);
        if (refused.isPresent()) {
            return refused.get();
        }
        String canonical = canonical(ws, id);
        String deck = decks.deckOf(ws, canonical).orElseThrow();
        if (!decks.remove(ws, canonical, clock.instant())) {
            return new Reply.Error("The question " + canonical + " was already removed. Nothing was changed.");
        }
        return new Reply.Notice("Removed the question " + canonical + " from the deck " + deck
                + ". It is no longer drawn, listed or searched; history, points and open posts keep it, and its id is never reused.");
    }

    public Reply decks(Command c) {
        return new Reply.DeckList(decks.decks(c.channel().workspaceRef()));
    }

    /** A deck as bank YAML; the file loads in the question folder and passes {@code studybot validate}. */
    public Reply export(Command c, String deck) {
        WorkspaceRef ws = c.channel().workspaceRef();
        Optional<String> name = decks.resolve(ws, deck);
        if (name.isEmpty()) {
            return new Reply.Error(decks.noSuchDeck(ws, deck));
        }
        int count = decks.questionsIn(ws, List.of(name.get())).size();
        if (count == 0) {
            return new Reply.Error("The deck " + name.get() + " has no questions to export.");
        }
        return new Reply.DeckFile(name.get(), count, Attachment.text(fileName(name.get()), decks.export(ws, name.get()), "application/yaml"));
    }


    private Optional<Reply.Error> notOwn(WorkspaceRef ws, String id) {
        String wanted = canonical(ws, id);
        Optional<String> deck = decks.deckOf(ws, wanted);
        if (deck.isEmpty()) {
            return Optional.of(new Reply.Error("This workspace has no question '" + Texts.shorten(wanted, 40) + "' of its own."
                    + Suggestions.closest(wanted, decks.bank(ws).all().stream().map(Question::id).toList())
                    .map(s -> " Did you mean " + s + "?").orElse(" See /study decks.")));
        }
        if (deck.get().equals(Decks.BUILT_IN)) {
            return Optional.of(new Reply.Error("'" + wanted + "' is a question of the built-in bank, which cannot be "
                    + "changed in chat. Add a question of your own with /study question add."));
        }
        if (decks.ownQuestions(ws, deck.get()).stream().noneMatch(q -> q.id().equals(wanted))) {
            return Optional.of(new Reply.Error("The question " + wanted + " was removed from the deck " + deck.get()
                    + "; it stays in history and points, but cannot be changed."));
        }
        return Optional.empty();
    }

    /** The id as the workspace spells it (ids ignore case), or as typed when it has none such. */
    private String canonical(WorkspaceRef ws, String id) {
        return decks.bank(ws).byId(id.strip()).map(Question::id).orElse(id.strip());
    }

    /** An id made from the question's words, with -2, -3 ... until it is free in the workspace. */
    private String freeId(WorkspaceRef ws, String text) {
        return decks.freeId(ws, matching.idFrom(text));
    }

    static String fileName(String deck) {
        String ascii = Normalizer.normalize(deck, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return (ascii.isEmpty() ? "deck" : Texts.shorten(ascii, 60).replace("…", "")) + ".yaml";
    }

    private static Reply rejected(QuestionDraft draft, List<FormProblem> problems) {
        return new Reply.QuestionForm(draft, problems);
    }
}
