package dev.studybot.platform.slack;

import dev.studybot.domain.QuestionDraft;
import dev.studybot.domain.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A rejected question form as Slack's {@code response_action: errors}: each field's problems under its input block. */
final class SlackFormErrors {
    /** Room for an error under one block; longer lists are cut. */
    static final int ERROR_LIMIT = 1000;

    private SlackFormErrors() {
    }

    static Map<String, String> of(Reply.QuestionForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        form.problems().stream().collect(Collectors.groupingBy(Reply.QuestionForm.FormProblem::field, LinkedHashMap::new,
                Collectors.mapping(Reply.QuestionForm.FormProblem::text, Collectors.joining(" "))))
                .forEach((field, text) -> errors.put(SlackRenderer.questionBlock(field), SlackRenderer.shorten(text, ERROR_LIMIT)));
        return errors;
    }

    static Map<String, String> of(QuestionDraft.Field field, String text) {
        return Map.of(SlackRenderer.questionBlock(field), SlackRenderer.shorten(text, ERROR_LIMIT));
    }
}
