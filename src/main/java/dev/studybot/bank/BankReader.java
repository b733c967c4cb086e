package dev.studybot.bank;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.studybot.core.model.KeyPoint;
import dev.studybot.core.model.Level;
import dev.studybot.core.model.Question;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the bank folder: every {@code *.yaml} file, question by question, so that a broken
 * question or file is reported with its line and skipped while the rest loads.
 */
public final class BankReader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public LoadedBank readFolder(Path folder) {
        List<LoadedBank.Located> questions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(new Problem(folder.toString(), 0, "not a folder of question files"));
            return new LoadedBank(questions, problems);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(folder.toString(), 0, "cannot list: " + e.getMessage()));
            return new LoadedBank(questions, problems);
        }
        Map<String, LoadedBank.Located> seen = new HashMap<>();
        for (Path file : files) {
            LoadedBank one = readFile(file);
            problems.addAll(one.problems());
            for (LoadedBank.Located q : one.questions()) {
                LoadedBank.Located first = seen.putIfAbsent(q.question().id(), q);
                if (first != null) {
                    problems.add(new Problem(q.file(), q.line(), "duplicate id '" + q.question().id() + "' (first at "
                            + first.file() + ":" + first.line() + "); this one is skipped"));
                } else {
                    questions.add(q);
                }
            }
        }
        return new LoadedBank(questions, problems);
    }

    public LoadedBank readFile(Path file) {
        try {
            return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new LoadedBank(List.of(), List.of(new Problem(file.toString(), 0, "cannot read: " + e.getMessage())));
        }
    }

    /** Reads one file's text; {@code name} is how problems name it. */
    public LoadedBank read(String name, String text) {
        List<LoadedBank.Located> questions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Reader reader = new StringReader(text); JsonParser p = yaml.createParser(reader)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new Problem(name, line(p.currentTokenLocation()), "expected 'topic:' and 'questions:' at the top of the file"));
                return new LoadedBank(questions, problems);
            }
            String topic = null;
            int topicLine = 1;
            List<Map.Entry<Integer, QuestionEntry>> entries = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("topic")) {
                    topicLine = line(p.currentTokenLocation());
                    topic = value == JsonToken.VALUE_STRING ? p.getText().strip() : null;
                } else if (field.equals("questions") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        int at = line(p.currentTokenLocation());
                        try {
                            entries.add(Map.entry(at, yaml.readValue(p, QuestionEntry.class)));
                        } catch (JsonProcessingException e) {
                            problems.add(new Problem(name, line(e.getLocation(), at), "question not readable: " + e.getOriginalMessage()));
                            skipTo(p, JsonToken.END_OBJECT);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (topic == null || topic.isEmpty()) {
                problems.add(new Problem(name, topicLine, "missing 'topic:' (every bank file names its topic)"));
                return new LoadedBank(questions, problems);
            }
            for (Map.Entry<Integer, QuestionEntry> e : entries) {
                toQuestion(topic, e.getValue(), name, e.getKey(), problems)
                        .ifPresent(q -> questions.add(new LoadedBank.Located(q, name, e.getKey())));
            }
        } catch (JsonProcessingException e) {
            // the whole file is skipped: its syntax error is the one problem worth reporting
            problems.clear();
            problems.add(new Problem(name, line(e.getLocation(), 1), "YAML syntax: " + e.getOriginalMessage().lines().findFirst().orElse("")));
            questions.clear();
        } catch (IOException e) {
            problems.add(new Problem(name, 0, "cannot read: " + e.getMessage()));
        }
        return new LoadedBank(questions, problems);
    }

    private static Optional<Question> toQuestion(String topic, QuestionEntry e, String file, int line, List<Problem> problems) {
        if (e.id() == null || e.id().isBlank()) {
            problems.add(new Problem(file, line, "question without an 'id'"));
            return Optional.empty();
        }
        if (e.question() == null || e.question().isBlank()) {
            problems.add(new Problem(file, line, "question '" + e.id() + "' has no 'question' text"));
            return Optional.empty();
        }
        Optional<Level> level = Level.parse(e.level() == null ? "" : e.level());
        if (level.isEmpty()) {
            problems.add(new Problem(file, line, "question '" + e.id() + "' has " + (e.level() == null ? "no level" : "unknown level '" + e.level() + "'")
                    + " (use basic, intermediate or advanced)"));
            return Optional.empty();
        }
        List<KeyPoint> points = new ArrayList<>();
        for (List<String> phrasings : e.keyPoints() == null ? List.<List<String>>of() : e.keyPoints()) {
            List<String> clean = phrasings == null ? List.of() : phrasings.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
            if (clean.isEmpty()) {
                problems.add(new Problem(file, line, "question '" + e.id() + "' has an empty key point"));
            } else {
                points.add(new KeyPoint(clean));
            }
        }
        return Optional.of(new Question(e.id().strip(), topic, level.get(), e.question().strip(),
                e.answer() == null ? "" : e.answer().strip(), points, e.tags() == null ? List.of() : e.tags()));
    }

    private static void skipTo(JsonParser p, JsonToken end) throws IOException {
        JsonToken t = p.currentToken();
        while (t != null && t != end) {
            t = p.nextToken();
        }
    }

    private static int line(JsonLocation location) {
        return line(location, 1);
    }

    private static int line(JsonLocation location, int fallback) {
        return location == null || location.getLineNr() < 1 ? fallback : location.getLineNr();
    }
}
