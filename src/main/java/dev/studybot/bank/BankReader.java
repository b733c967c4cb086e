package dev.studybot.bank;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Level;
import dev.studybot.domain.Question;
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
import java.util.Set;

/**
 * Reads the bank folder: every {@code *.yaml} file, question by question, so that a broken
 * question or file is reported with its line and skipped while the rest loads. A file may hold
 * several topics as several YAML documents. {@code topics.yaml}, when present, lists the bank's
 * topics instead of questions.
 */
public final class BankReader {
    /** The file in the bank folder that lists the known topics. */
    public static final String TOPICS_FILE = "topics.yaml";
    /** The file in the bank folder that lists the synonyms and abbreviations search folds together. */
    public static final String SYNONYMS_FILE = "synonyms.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);

    /** Where the bank built into the jar lives on the class path. */
    public static final String BUILT_IN = "/dev/studybot/bank/questions";

    /** The bank built into the jar (or the classes folder): the questions the project ships. */
    public LoadedBank readBuiltIn() {
        java.net.URL url = BankReader.class.getResource(BUILT_IN);
        if (url == null) {
            return new LoadedBank(List.of(), List.of(new Problem(BUILT_IN, 0, "no question bank is built into this jar")));
        }
        try {
            java.net.URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return readFolder(Path.of(uri));
            }
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of())) {
                return readFolder(jar.getPath(BUILT_IN));
            }
        } catch (java.net.URISyntaxException | IOException e) {
            return new LoadedBank(List.of(), List.of(new Problem(BUILT_IN, 0, "cannot read the built-in bank: " + e.getMessage())));
        }
    }

    public LoadedBank readFolder(Path folder) {
        return new BankFiles(this, folder).read().bank();
    }

    /**
     * A Markdown question list in one of the import styles, loaded as it is: ids from the
     * question's words (as {@code studybot import} gives them), level intermediate where the list
     * names none, each drafted key point with one phrasing. Questions without an answer load for
     * lookups and search but are never posted.
     */
    LoadedBank readMarkdown(Path file) {
        try {
            List<ImportedQuestion> imported = new MarkdownImporter().importFile(file);
            List<String> ids = ImportIds.assign(imported, Set.of());
            List<LoadedBank.Located> questions = new ArrayList<>();
            for (int i = 0; i < imported.size(); i++) {
                ImportedQuestion q = imported.get(i);
                questions.add(new LoadedBank.Located(new Question(ids.get(i), q.topic(), q.level().orElse(Level.INTERMEDIATE), q.text(),
                        q.answer(), q.keyPoints().stream().map(k -> new KeyPoint(List.of(k))).toList(), List.of()), file.toString(), q.line()));
            }
            return new LoadedBank(questions, List.of());
        } catch (ImportException e) {
            return new LoadedBank(List.of(), List.of(new Problem(file.toString(), 1, e.getMessage())));
        }
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
        List<LoadedBank.TopicDeclaration> declarations = new ArrayList<>();
        try (Reader reader = new StringReader(text); JsonParser p = yaml.createParser(reader)) {
            JsonToken start = p.nextToken();
            if (start != JsonToken.START_OBJECT) {
                problems.add(new Problem(name, line(p.currentTokenLocation()), "expected 'topic:' and 'questions:' at the top of the file"));
                return new LoadedBank(questions, problems);
            }
            while (start == JsonToken.START_OBJECT) {
                readDocument(p, name, questions, problems, declarations);
                start = p.nextToken();
            }
        } catch (JsonProcessingException e) {
            // the whole file is skipped: its syntax error is the one problem worth reporting
            problems.clear();
            problems.add(new Problem(name, line(e.getLocation(), 1), "YAML syntax: " + e.getOriginalMessage().lines().findFirst().orElse("")));
            questions.clear();
        } catch (IOException e) {
            problems.add(new Problem(name, 0, "cannot read: " + e.getMessage()));
        }
        return new LoadedBank(questions, problems, declarations, Optional.empty());
    }

    /** One YAML document: {@code topic:} and {@code questions:}; the parser is at its START_OBJECT. */
    private void readDocument(JsonParser p, String name, List<LoadedBank.Located> questions, List<Problem> problems,
                              List<LoadedBank.TopicDeclaration> declarations) throws IOException {
        String topic = null;
        int topicLine = line(p.currentTokenLocation());
        List<Raw> entries = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("topic")) {
                topicLine = line(p.currentTokenLocation());
                topic = value == JsonToken.VALUE_STRING ? p.getText().strip() : null;
            } else if (field.equals("questions") && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    int at = line(p.currentTokenLocation());
                    TokenBuffer copy = new TokenBuffer(p);
                    LoadedBank.Lines lines = copyQuestion(p, copy, at);
                    try (JsonParser entry = copy.asParser(p.getCodec())) {
                        entries.add(new Raw(yaml.readValue(entry, QuestionEntry.class), lines));
                    } catch (JsonProcessingException e) {
                        problems.add(new Problem(name, at, "question not readable: " + e.getOriginalMessage()));
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (topic == null || topic.isEmpty()) {
            problems.add(new Problem(name, topicLine, "missing 'topic:' (every bank file names its topic)"));
            return;
        }
        declarations.add(new LoadedBank.TopicDeclaration(name, topicLine, topic));
        for (Raw e : entries) {
            toQuestion(topic, e.entry(), name, e.lines().start(), problems).ifPresent(q -> questions.add(new LoadedBank.Located(
                    q, name, e.lines().start(), keyPointLinesOf(e), Boolean.TRUE.equals(e.entry().needsAnswer()))));
        }
    }

    /**
     * Copies one question object (the parser is at its START_OBJECT) and notes the line of each
     * field and of each key point, so that problems can point at the line to fix.
     */
    private static LoadedBank.Lines copyQuestion(JsonParser p, TokenBuffer copy, int start) throws IOException {
        Map<String, Integer> fields = new HashMap<>();
        List<Integer> keyPoints = new ArrayList<>();
        copy.copyCurrentEvent(p);
        int depth = 1;
        String field = null;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) {
                break;
            }
            copy.copyCurrentEvent(p);
            if (t == JsonToken.FIELD_NAME && depth == 1) {
                field = p.currentName();
                fields.putIfAbsent(field, line(p.currentTokenLocation(), start));
            } else if (depth == 2 && ("key_points".equals(field) && (t.isScalarValue() || t == JsonToken.START_ARRAY)
                    || "rubric".equals(field) && t == JsonToken.START_OBJECT)) {
                keyPoints.add(line(p.currentTokenLocation(), start));
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
        }
        return new LoadedBank.Lines(start, fields, keyPoints);
    }

    /** The key-point lines of the points the model keeps (empty points are dropped from it). */
    private static LoadedBank.Lines keyPointLinesOf(Raw e) {
        List<List<String>> points = phrasingLists(e.entry());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i) != null && points.get(i).stream().anyMatch(s -> s != null && !s.isBlank())) {
                kept.add(e.lines().keyPoint(i));
            }
        }
        return new LoadedBank.Lines(e.lines().start(), e.lines().fields(), kept);
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
        if (e.rubric() != null && !e.rubric().isEmpty()) {
            if (e.keyPoints() != null && !e.keyPoints().isEmpty()) {
                problems.add(new Problem(file, line, "question '" + e.id() + "' has both 'rubric' and 'key_points': keep the rubric"));
            }
            int n = 0;
            for (RubricEntry r : e.rubric()) {
                n++;
                List<String> clean = clean(r == null ? null : r.phrasings());
                if (clean.isEmpty()) {
                    problems.add(new Problem(file, line, "question '" + e.id() + "': claim " + n + " has no phrasings"));
                    continue;
                }
                if (r.claim() == null || r.claim().isBlank()) {
                    problems.add(new Problem(file, line, "question '" + e.id() + "': claim " + n + " has no 'claim' sentence"));
                    continue;
                }
                Optional<KeyPoint.Weight> weight = r.weight() == null ? Optional.of(KeyPoint.Weight.CORE) : KeyPoint.Weight.parse(r.weight());
                if (weight.isEmpty()) {
                    problems.add(new Problem(file, line, "question '" + e.id() + "': claim " + n + " has unknown weight '" + r.weight()
                            + "' (use core or detail)"));
                    continue;
                }
                points.add(new KeyPoint(r.claim(), r.subject(), weight.get(), clean, clean(r.misconceptions())));
            }
        } else {
            for (List<String> phrasings : e.keyPoints() == null ? List.<List<String>>of() : e.keyPoints()) {
                List<String> clean = clean(phrasings);
                if (clean.isEmpty()) {
                    problems.add(new Problem(file, line, "question '" + e.id() + "' has an empty key point"));
                } else {
                    points.add(new KeyPoint(clean));
                }
            }
        }
        return Optional.of(new Question(e.id().strip(), topic, level.get(), e.question().strip(),
                e.answer() == null ? "" : e.answer().strip(), points, e.tags() == null ? List.of() : e.tags()));
    }

    private static List<String> clean(List<String> texts) {
        return texts == null ? List.of() : texts.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    /** The phrasings of each point, from the rubric when there is one. */
    private static List<List<String>> phrasingLists(QuestionEntry e) {
        if (e.rubric() != null && !e.rubric().isEmpty()) {
            return e.rubric().stream().map(r -> r == null ? null : r.claim() == null || r.claim().isBlank() ? null : r.phrasings()).toList();
        }
        return e.keyPoints() == null ? List.of() : e.keyPoints();
    }

    static int line(JsonLocation location) {
        return line(location, 1);
    }

    static int line(JsonLocation location, int fallback) {
        return location == null || location.getLineNr() < 1 ? fallback : location.getLineNr();
    }

    private record Raw(QuestionEntry entry, LoadedBank.Lines lines) {
    }

}
