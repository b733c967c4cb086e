package dev.studybot.bank;

import dev.studybot.core.model.Question;
import java.util.List;

/** What loading found: the questions that passed, where each was defined, and the problems. */
public record LoadedBank(List<Located> questions, List<Problem> problems) {
    public LoadedBank {
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
    }

    public List<Question> models() {
        return questions.stream().map(Located::question).toList();
    }

    /** A question and the file and line it came from. */
    public record Located(Question question, String file, int line) {
    }
}
