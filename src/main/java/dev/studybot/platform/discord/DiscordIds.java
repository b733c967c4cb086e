package dev.studybot.platform.discord;

import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.Reply;
import java.util.Optional;
import java.util.function.Function;

/**
 * The custom ids of studybot's buttons and modal. A button carries the id of its post, so a click
 * on an old post still means that post; the modal carries it too (or none: today's question).
 */
final class DiscordIds {
    static final String ANSWER_BUTTON = "study:answer:";
    static final String REVEAL_BUTTON = "study:reveal:";
    static final String ANSWER_FORM = "study:answer-form:";
    static final String ANSWER_FIELD = "answer";
    private static final String TODAY = "today";
    static final String IMPORT_CONFIRM_BUTTON = "study:import-confirm";
    static final String SUGGEST_FORM = "study:suggest-form";
    static final String SUGGEST_QUESTION = "question";
    static final String SUGGEST_ANSWER = "answer";
    static final String SUGGEST_CLAIMS = "claims";
    static final String SUGGEST_TOPIC = "topic";
    static final String SUGGEST_LEVEL = "level";
    /** The question form: {@code a:DECK} for a new question, {@code e:ID} for an edit; its fields are named by {@link #questionField}. */
    static final String QUESTION_FORM = "study:question-form:";
    /** The button under a question form that came back with problems: it opens the form again as typed. */
    static final String QUESTION_RETRY = "study:question-retry:";
    private static final int CUSTOM_ID_LIMIT = 100;

    private DiscordIds() {
    }

    static String answerButton(long postId) {
        return ANSWER_BUTTON + postId;
    }

    static String revealButton(long postId) {
        return REVEAL_BUTTON + postId;
    }

    static String answerForm(Optional<Long> postId) {
        return ANSWER_FORM + postId.map(String::valueOf).orElse(TODAY);
    }

    static String questionForm(QuestionDraft draft) {
        String id = QUESTION_FORM + draft.editing().map(e -> "e:" + e).orElse("a:" + draft.deck());
        return id.length() <= CUSTOM_ID_LIMIT ? id : id.substring(0, CUSTOM_ID_LIMIT);
    }

    /** The draft a submitted question form holds: for a new question its deck, for an edit the id (the core knows its deck). */
    static Optional<QuestionDraft> questionDraft(String customId, Function<QuestionDraft.Field, String> values) {
        String rest = customId.startsWith(QUESTION_FORM) ? customId.substring(QUESTION_FORM.length()) : "";
        if (rest.length() < 3 || !(rest.startsWith("a:") || rest.startsWith("e:"))) {
            return Optional.empty();
        }
        boolean edit = rest.startsWith("e:");
        String target = rest.substring(2);
        return Optional.of(new QuestionDraft(edit ? "" : target, edit ? Optional.of(target) : Optional.empty(),
                values.apply(QuestionDraft.Field.QUESTION), values.apply(QuestionDraft.Field.ANSWER), values.apply(QuestionDraft.Field.CLAIMS),
                values.apply(QuestionDraft.Field.TOPIC), values.apply(QuestionDraft.Field.DETAILS)));
    }

    static String questionField(QuestionDraft.Field field) {
        return "question-" + field.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The post id after a prefix; empty for "today" or anything unreadable. */
    static Optional<Long> postId(String customId, String prefix) {
        if (!customId.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(customId.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A daily post's message nonce, its post id: Discord answers a resend with the message it already has. */
    static Optional<String> nonce(Reply reply) {
        return reply instanceof Reply.QuestionCard card ? card.postId().map(id -> "studybot-" + id) : Optional.empty();
    }
}
