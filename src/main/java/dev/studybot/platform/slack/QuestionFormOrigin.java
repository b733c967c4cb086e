package dev.studybot.platform.slack;

import dev.studybot.domain.QuestionDraft;
import java.util.Optional;

/**
 * What the question form carries in its {@code private_metadata}: the deck of a new question or
 * the id of the edited one, the channel it was opened from, and the {@code response_url} to answer
 * through, if there was one.
 */
record QuestionFormOrigin(String deck, Optional<String> editing, String channel, String responseUrl) {
    private static final String VERSION = "q1";

    static QuestionFormOrigin of(QuestionDraft draft, String channel, String responseUrl) {
        return new QuestionFormOrigin(draft.deck(), draft.editing(), channel, responseUrl);
    }

    String encode() {
        return VERSION + "\n" + deck + "\n" + editing.orElse("") + "\n" + channel + "\n" + (responseUrl == null ? "" : responseUrl);
    }

    static Optional<QuestionFormOrigin> parse(String metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        String[] parts = metadata.split("\n", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION) || parts[3].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new QuestionFormOrigin(parts[1], Optional.of(parts[2]).filter(s -> !s.isBlank()), parts[3],
                parts[4].isBlank() ? null : parts[4]));
    }

    /** The draft a submission holds, with each field's value as typed. */
    QuestionDraft draft(java.util.function.Function<QuestionDraft.Field, String> values) {
        return new QuestionDraft(deck, editing, values.apply(QuestionDraft.Field.QUESTION), values.apply(QuestionDraft.Field.ANSWER),
                values.apply(QuestionDraft.Field.CLAIMS), values.apply(QuestionDraft.Field.TOPIC), values.apply(QuestionDraft.Field.DETAILS));
    }
}
