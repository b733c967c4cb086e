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
