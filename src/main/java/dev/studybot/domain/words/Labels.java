package dev.studybot.domain.words;

import java.util.Locale;

/** The words on buttons and forms, the same on every platform. */
public final class Labels {
    public static final String ANSWER_BUTTON = "Answer";
    public static final String REVEAL_BUTTON = "Reveal answer";
    public static final String FORM_TITLE = "Answer";
    public static final String ANSWER_FIELD = "Your answer";
    public static final String SUBMIT = "Submit";
    public static final String CANCEL = "Cancel";
    public static final String CONFIRM_IMPORT_BUTTON = "Store these questions";
    public static final String SUGGEST_TITLE = "Suggest a question";
    public static final String SUGGEST_QUESTION = "Question";
    public static final String SUGGEST_ANSWER = "Model answer (optional)";
    public static final String SUGGEST_CLAIMS = "Claims (optional)";
    public static final String SUGGEST_CLAIMS_HINT = "One claim a line: the phrasings that count for it, separated by commas.";
    public static final String SUGGEST_TOPIC = "Topic";
    public static final String SUGGEST_LEVEL = "Level (basic, intermediate or advanced)";

    private Labels() {
    }

    /** A form's title that names the question, where the platform has room for it. */
    public static String formTitle(String questionId) {
        return FORM_TITLE + " " + questionId;
    }

    /** The hint under the answer field. */
    public static String answerFieldHint(int maxLength) {
        return "Up to " + String.format(Locale.ENGLISH, "%,d", maxLength) + " characters; the last answer you send counts.";
    }
}
