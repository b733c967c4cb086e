package dev.studybot.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The question form as a member typed it: the deck it goes to, the id of the own question it
 * edits (empty for a new one), and its five fields as text. {@code claims} holds one claim a line
 * ({@code [core:|detail:] CLAIM | PHRASING; PHRASING [| wrong: MISCONCEPTION; ...] [| hint: SUBJECT]});
 * {@code details} holds {@code level: basic}, {@code id: my-id} and {@code tags: a, b}, one a line.
 * Kept as typed, so a form with problems comes back with nothing lost.
 */
public record QuestionDraft(String deck, Optional<String> editing, String question, String answer, String claims, String topic,
                            String details) {
    /** The form's fields, in the order a form shows them. */
    public enum Field {
        QUESTION, ANSWER, CLAIMS, TOPIC, DETAILS
    }

    public QuestionDraft {
        Objects.requireNonNull(deck, "deck");
        editing = editing == null ? Optional.empty() : editing.map(String::strip).filter(s -> !s.isEmpty());
        question = orEmpty(question);
        answer = orEmpty(answer);
        claims = orEmpty(claims);
        topic = orEmpty(topic);
        details = orEmpty(details);
    }

    /** An empty form for a new question in {@code deck}. */
    public static QuestionDraft blank(String deck) {
        return new QuestionDraft(deck, Optional.empty(), "", "", "", "", "");
    }

    /** The text of one field. */
    public String value(Field field) {
        return switch (field) {
            case QUESTION -> question;
            case ANSWER -> answer;
            case CLAIMS -> claims;
            case TOPIC -> topic;
            case DETAILS -> details;
        };
    }

    /** The same draft with one field changed. */
    public QuestionDraft with(Field field, String text) {
        return new QuestionDraft(deck, editing,
                field == Field.QUESTION ? text : question,
                field == Field.ANSWER ? text : answer,
                field == Field.CLAIMS ? text : claims,
                field == Field.TOPIC ? text : topic,
                field == Field.DETAILS ? text : details);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
