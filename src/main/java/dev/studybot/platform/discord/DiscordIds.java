package dev.studybot.platform.discord;

import java.util.Optional;

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
}
