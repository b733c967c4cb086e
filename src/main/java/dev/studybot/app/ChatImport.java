package dev.studybot.app;

import dev.studybot.domain.ImportReport;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.Upload;
import dev.studybot.domain.WorkspaceRef;
import dev.studybot.domain.words.ContributionWords;
import dev.studybot.port.in.Command;
import dev.studybot.port.out.ListImporter;
import dev.studybot.port.out.PendingImportStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /study bank import}: a question list an admin sends in chat, checked as {@code studybot
 * import --against} checks one and reported; nothing is stored until the admin confirms. The
 * pending import waits in the database for {@link #HOLD}, so any node can take the confirm, which
 * stores the new, answered questions through {@link Decks#write} and leaves the others out.
 */
public final class ChatImport {
    /** The largest list accepted, in bytes. */
    public static final long MAX_BYTES = 1024 * 1024;
    /** The file names a list may have. */
    public static final List<String> TYPES = List.of(".md", ".markdown", ".yaml", ".yml", ".txt");
    /** How long an import waits for its confirm. */
    static final Duration HOLD = Duration.ofHours(1);
    static final String DEFAULT_DECK = "imported";
    /** Question ids a confirm names; the rest are counted. */
    private static final int NAMED = 10;

    private final Clock clock;
    private final Decks decks;
    private final ListImporter importer;
    private final PendingImportStore pending;

    public ChatImport(Clock clock, Decks decks, ListImporter importer, PendingImportStore pending) {
        this.clock = clock;
        this.decks = decks;
        this.importer = importer;
        this.pending = pending;
    }

    /** Why this import cannot start, from the command alone (no file, a wrong name or size, a bad deck name). */
    static Optional<Reply.Error> problem(Optional<String> deck, Optional<Upload> file) {
        if (deck.isPresent()) {
            Optional<String> bad = Decks.deckProblem(deck.get());
            if (bad.isPresent()) {
                return bad.map(Reply.Error::new);
            }
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String name = name(file.get());
        if (TYPES.stream().noneMatch(t -> name.toLowerCase(Locale.ROOT).endsWith(t))) {
            return Optional.of(new Reply.Error(ContributionWords.wrongType(name, TYPES)));
        }
        if (file.get().size() > MAX_BYTES) {
            return Optional.of(new Reply.Error(ContributionWords.tooLarge(name, file.get().size(), MAX_BYTES)));
        }
        return Optional.empty();
    }

    /** Reads, checks and reports the list, and keeps what a confirm would store; without a file, says how to send one. */
    public Reply check(Command command, Optional<String> deck, Optional<Upload> file) {
        Optional<Reply.Error> refused = problem(deck, file);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (file.isEmpty()) {
            return new Reply.Notice(ContributionWords.howToAttach(MAX_BYTES, TYPES));
        }
        String name = name(file.get());
        byte[] bytes;
        try {
            bytes = file.get().source().read(MAX_BYTES);
        } catch (IOException e) {
            return new Reply.Error(ContributionWords.unreadable(name));
        }
        if (bytes.length > MAX_BYTES) {
            return new Reply.Error(ContributionWords.tooLarge(name, -1, MAX_BYTES));
        }
        Optional<String> text = text(bytes);
        if (text.isEmpty()) {
            return new Reply.Error(ContributionWords.binary(name, binaryWhy(bytes)));
        }
        WorkspaceRef workspace = command.channel().workspaceRef();
        List<Question> against = decks.bank(workspace).all();
        ListImporter.Imported imported = importer.read(name, text.get(), against, decks.takenIds(workspace));
        if (imported.entries().isEmpty()) {
            return new Reply.Error(ContributionWords.notAList(String.join("; ", imported.problems())));
        }
        String target = deck.map(String::strip).orElse(DEFAULT_DECK);
        Instant expires = clock.instant().plus(HOLD);
        if (imported.storable() > 0) {
            pending.put(workspace, new PendingImportStore.PendingImport(command.actor().userId(), name, target, imported.yaml(),
                    imported.storable(), expires));
        } else {
            // the last list an admin sent is the one a confirm stores: one with nothing to store leaves nothing waiting
            pending.take(workspace, command.actor().userId(), clock.instant());
        }
        return new Reply.ImportChecked(new ImportReport(name, target, imported.entries(), imported.problems(), imported.storable(), expires));
    }

    /** Stores the asker's pending import, once; in {@code deck} when given. */
    public Reply confirm(Command command, Optional<String> deck) {
        Optional<Reply.Error> refused = problem(deck, Optional.empty());
        if (refused.isPresent()) {
            return refused.get();
        }
        WorkspaceRef workspace = command.channel().workspaceRef();
        Instant now = clock.instant();
        Optional<PendingImportStore.PendingImport> taken = pending.take(workspace, command.actor().userId(), now);
        if (taken.isEmpty()) {
            return new Reply.Error(ContributionWords.NOTHING_PENDING);
        }
        PendingImportStore.PendingImport p = taken.get();
        String target = deck.map(String::strip).orElse(p.deck());
        Decks.Written written = decks.write(workspace, Optional.of(target), p.file(), p.yaml(), Decks.Mode.ADD, command.actor().userId(), now);
        if (!written.ok()) {
            return new Reply.Error(ContributionWords.notStored(written.problems().stream().limit(NAMED).toList()));
        }
        List<String> ids = written.stored().stream().map(q -> q.id()).toList();
        return new Reply.Notice(ContributionWords.stored(ids.size(), target, ids.subList(0, Math.min(NAMED, ids.size())),
                Math.max(0, ids.size() - NAMED)));
    }

    /** The file's own name, without any folder a platform or path gave it. */
    static String name(Upload file) {
        String n = file.name().replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        return n.isEmpty() ? "list" : n;
    }

    /** The bytes as UTF-8 text (a byte-order mark dropped), or empty when they are not: a NUL byte, or not valid UTF-8. */
    static Optional<String> text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String binaryWhy(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return "it holds NUL bytes";
            }
        }
        return "it is not valid UTF-8";
    }
}
