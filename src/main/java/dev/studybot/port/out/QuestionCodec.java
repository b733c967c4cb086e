package dev.studybot.port.out;

import dev.studybot.domain.Question;
import java.util.List;

/** Bank YAML both ways: read and checked exactly as a question file is, and written as one. */
public interface QuestionCodec {
    /** The questions of one YAML text, and its problems as {@code name:line: problem}. */
    record Decoded(List<Question> questions, List<String> problems) {
        public Decoded {
            questions = List.copyOf(questions);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty() && !questions.isEmpty();
        }
    }

    /** Reads a YAML text and checks it as the question folder is checked; {@code name} is how its problems name it. */
    Decoded decode(String name, String yaml);

    /** Reads a YAML text checked before (when it was written), without checking it again. */
    List<Question> read(String name, String yaml);

    /** Bank YAML holding these questions, grouped by topic: a file the question folder can load. */
    String encode(List<Question> questions);
}
