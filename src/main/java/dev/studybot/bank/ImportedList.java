package dev.studybot.bank;

import java.util.List;
import java.util.Objects;

/** What a Markdown list gave: its questions in file order, and the lines it passed over and why. */
public record ImportedList(List<ImportedQuestion> questions, List<Skipped> skipped) {
    public ImportedList {
        questions = List.copyOf(questions);
        skipped = List.copyOf(skipped);
    }

    /** A line that looked like part of the list but was not read as a question or an answer. */
    public record Skipped(String file, int line, String why) {
        public Skipped {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + why;
        }
    }
}
