package dev.studybot.bank;

import dev.studybot.domain.Question;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What loading found: the questions that passed, where each was defined, the problems, the topic
 * each file declares, and the bank's list of known topics ({@code topics.yaml}) when it has one.
 */
public record LoadedBank(List<Located> questions, List<Problem> problems, List<TopicDeclaration> files,
                         Optional<List<String>> knownTopics, List<List<String>> synonyms) {
    public LoadedBank {
        synonyms = synonyms == null ? List.of() : synonyms.stream().map(List::copyOf).toList();
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
        files = List.copyOf(files);
        knownTopics = knownTopics.map(List::copyOf);
    }

    public LoadedBank(List<Located> questions, List<Problem> problems) {
        this(questions, problems, List.of(), Optional.empty(), List.of());
    }

    public LoadedBank(List<Located> questions, List<Problem> problems, List<TopicDeclaration> files, Optional<List<String>> knownTopics) {
        this(questions, problems, files, knownTopics, List.of());
    }

    public List<Question> models() {
        return questions.stream().map(Located::question).toList();
    }

    /** A question, the file and line it starts at, and the lines of its fields. */
    public record Located(Question question, String file, int line, Lines lines, boolean needsAnswer) {
        public Located(Question question, String file, int line) {
            this(question, file, line, new Lines(line, Map.of(), List.of()), false);
        }
    }

    /** Where a question's fields are: {@code field("answer")}, and one line per key point. */
    public record Lines(int start, Map<String, Integer> fields, List<Integer> keyPoints) {
        public Lines {
            fields = Map.copyOf(fields);
            keyPoints = List.copyOf(keyPoints);
        }

        public int field(String name) {
            return fields.getOrDefault(name, start);
        }

        public int keyPoint(int index) {
            return index < keyPoints.size() ? keyPoints.get(index) : field("key_points");
        }
    }

    /** The topic a file (or one document of it) declares, and its line. */
    public record TopicDeclaration(String file, int line, String topic) {
    }
}
