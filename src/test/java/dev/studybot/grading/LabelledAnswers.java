package dev.studybot.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.studybot.app.Grader;
import dev.studybot.bank.BankReader;
import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.domain.words.Markup;
import dev.studybot.domain.words.MarkupRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The labelled answers in {@code src/test/resources/grading}: for bank questions, a strong answer in
 * a member's own words, a terse correct one, a keyword-stuffed wrong one, an off-topic one, written
 * from the question text alone; the paste-back of the bot's open-window feedback is made here.
 */
record LabelledAnswers(List<Case> cases) {
    static final Path FILE = Path.of("src/test/resources/grading/labelled-answers.yaml");

    /** The kinds of answer, in the order reports list them. */
    enum Kind {
        MODEL, STRONG, TERSE, STUFFED, OFF_TOPIC, PASTE_BACK
    }

    /** One question and its answers by kind. */
    record Case(Question question, Map<Kind, String> answers) {
    }

    static LabelledAnswers load(Grader lexical) {
        Map<String, Question> bank = new BankReader().readFolder(Path.of("questions")).models().stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode a : root.path("answers")) {
            Question q = bank.get(a.path("id").asText());
            if (q == null) {
                throw new IllegalStateException("labelled answers name a question the bank lacks: " + a.path("id").asText());
            }
            cases.add(new Case(q, Map.of(
                    Kind.MODEL, q.answer(),
                    Kind.STRONG, a.path("strong").asText(),
                    Kind.TERSE, a.path("terse").asText(),
                    Kind.STUFFED, a.path("stuffed").asText(),
                    Kind.OFF_TOPIC, a.path("off_topic").asText(),
                    Kind.PASTE_BACK, pasteBack(q, lexical))));
        }
        return new LabelledAnswers(cases);
    }

    /** What a member sees after answering "I do not know.", as they would paste it back. */
    static String pasteBack(Question q, Grader grader) {
        Grader.Grade grade = grader.grade(q, "I do not know.");
        Reply.Graded reply = new Reply.Graded(q, grade.covered().stream().map(KeyPoint::subject).toList(),
                grade.missed().stream().map(KeyPoint::subject).toList(), 1, 1, false, Optional.empty());
        return new MarkupRenderer(Markup.PLAIN).render(reply);
    }
}
