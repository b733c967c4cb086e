package dev.studybot.platform.console;

import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.QuestionDraft.Field;
import dev.studybot.domain.words.Labels;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The question form in a terminal: the fields asked one after another, each line the member types
 * going to the field being asked. The question and the topic take one line; the answer, the claims
 * and the details take lines until a line with a single {@code .}. In an edit, or when the form came
 * back with problems, each field shows what it holds and an empty answer keeps it.
 */
final class ConsoleForm {
    static final String CANCEL = "/cancel";
    private static final String END = ".";

    private QuestionDraft draft;
    private final Deque<Field> asking;
    private final StringBuilder lines = new StringBuilder();
    private boolean started;

    /** Asks {@code fields} of the draft, in the form's order. */
    ConsoleForm(QuestionDraft draft, List<Field> fields) {
        this.draft = draft;
        this.asking = new ArrayDeque<>(List.of(Field.values()).stream().filter(fields::contains).toList());
    }

    /** What the terminal shows before the first field. */
    String prompt() {
        Field f = asking.peekFirst();
        return f == null ? "" : Labels.fieldPrompt(f, multiLine(f), draft.value(f));
    }

    /** The short prompt beside the cursor while a field is asked. */
    String cursor() {
        Field f = asking.peekFirst();
        return f == null ? "> " : Labels.field(f).toLowerCase(java.util.Locale.ROOT) + "> ";
    }

    /**
     * Takes one typed line; the prompt of the next field when this one is done, empty while the
     * field goes on, and the finished draft once the last field is done (then {@link #done}).
     */
    Optional<String> take(String line) {
        Field f = asking.peekFirst();
        if (f == null) {
            return Optional.empty();
        }
        if (!multiLine(f)) {
            if (!line.isBlank() || draft.value(f).isBlank()) {
                draft = draft.with(f, line.strip());
            }
            return next();
        }
        if (line.strip().equals(END)) {
            if (started) {
                draft = draft.with(f, lines.toString().stripTrailing());
            }
            return next();
        }
        lines.append(started ? "\n" : "").append(line);
        started = true;
        return Optional.empty();
    }

    boolean done() {
        return asking.isEmpty();
    }

    QuestionDraft draft() {
        return draft;
    }

    private Optional<String> next() {
        asking.pollFirst();
        lines.setLength(0);
        started = false;
        return Optional.of(done() ? Labels.FORM_SENDING : prompt());
    }

    private static boolean multiLine(Field f) {
        return f == Field.ANSWER || f == Field.CLAIMS || f == Field.DETAILS;
    }
}
