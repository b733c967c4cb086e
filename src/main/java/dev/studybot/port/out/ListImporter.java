package dev.studybot.port.out;

import dev.studybot.domain.ImportReport;
import dev.studybot.domain.Question;
import java.util.List;
import java.util.Set;

/**
 * A question list imported as {@code studybot import --against} imports it: a Markdown list in any
 * of the seeds' styles, or bank YAML, checked against the questions a workspace already has.
 */
public interface ListImporter {
    /**
     * What the file gave: each question and what became of it (line numbers are the file's own),
     * the file's own problems as {@code file:line: problem} (lines passed over, or why nothing could
     * be read), and the bank YAML of the questions a confirm stores (the NEW and NEAR ones; "" when
     * none). A file that is not a question list gives no entries and says why in {@code problems}.
     */
    record Imported(List<ImportReport.Entry> entries, List<String> problems, String yaml) {
        public Imported {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }

        public int storable() {
            return (int) entries.stream().filter(e -> e.kind() == ImportReport.Kind.NEW || e.kind() == ImportReport.Kind.NEAR).count();
        }
    }

    /** Reads one file's text; {@code takenIds} are the ids the workspace has (removed own questions too), which new ids avoid. */
    Imported read(String file, String text, List<Question> against, Set<String> takenIds);
}
