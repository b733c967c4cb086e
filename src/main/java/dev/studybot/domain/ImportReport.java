package dev.studybot.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What importing a question list in chat found, before anything is stored: each question of the
 * file with what became of it, the lines the file passed over or could not read, and how many new,
 * answered questions a confirm would store in {@code deck} (until {@code expires}).
 */
public record ImportReport(String file, String deck, List<Entry> entries, List<String> problems, int storable, Instant expires) {
    public ImportReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(deck, "deck");
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** How one question of the file fared. */
    public enum Kind {
        /** New and answered, with claims the answer makes: a confirm stores it. */
        NEW,
        /** New, but close to a question the workspace has: a confirm stores it; the match is named for the team to look at. */
        NEAR,
        /** A question of the workspace already asks it. */
        COVERED,
        /** New but without an answer: not stored; the team can fill it in and import again. */
        UNANSWERED,
        /** Its text does not pass the bank's checks: not stored. */
        PROBLEM
    }

    /**
     * A question at {@code line} of the file: what became of it, the workspace's question it is
     * like (for NEAR and COVERED) and how alike (0 to 1), and the problem that keeps it out.
     */
    public record Entry(int line, String question, Kind kind, Optional<String> match, double similarity, Optional<String> problem) {
        public Entry {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(kind, "kind");
        }
    }

    public List<Entry> of(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }
}
