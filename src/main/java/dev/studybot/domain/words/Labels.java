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

    // the question form (question add, question edit): five fields, within Discord's modal and Slack's view limits
    public static final String QUESTION_FORM_NEW = "New question";
    public static final String QUESTION_FORM_EDIT = "Edit question";
    public static final String SAVE = "Save";
    public static final String REOPEN_FORM = "Open the form again, as typed";
    /** Where a file went on a platform that cannot attach one to a reply only the asker sees. */
    public static final String FILE_IN_DIRECT_MESSAGE = "The file is in your direct messages with studybot.";
    public static final String FILE_REFUSED = "The platform refused the file (the app may lack the permission to upload files); "
            + "nothing else went wrong, ask again once it has it.";
    public static final String QUESTION_FIELD = "Question";
    public static final String MODEL_ANSWER_FIELD = "Model answer";
    public static final String CLAIMS_FIELD = "Claims the answer makes, one a line";
    public static final String TOPIC_FIELD = "Topic";
    public static final String DETAILS_FIELD = "Level, id and tags";
    public static final String CLAIMS_HINT = "CLAIM | phrasing; phrasing | wrong: misconception (detail: first for a detail)";
    public static final String DETAILS_HINT = "level: basic / id: my-id (left out: made from the question) / tags: a, b";
    public static final String CLAIMS_PLACEHOLDER = "Dropout zeroes random units | randomly zeroes; drops units | wrong: removes weights";
    public static final String DETAILS_PLACEHOLDER = "level: basic\nid: team-dropout\ntags: dropout, overfitting";

    /** The console asks the question form field by field. */
    public static final String FORM_CANCELLED = "Form closed; nothing was saved.";
    /** A question form opened by an older studybot, whose fields this one cannot read. */
    public static final String FORM_OUTDATED = "This form belongs to an older studybot; run /study question add again.";
    /** The button of a rejected form whose draft is gone. */
    public static final String FORM_NOT_KEPT = "That form is no longer kept (the bot restarted, or it was someone else's); "
            + "the reply above still holds what was typed. Run /study question add or edit again.";
    /** The core did not give the stored question in time to fill in the edit form. */
    public static final String EDIT_FORM_SLOW = "studybot is slow to answer right now; nothing was changed. "
            + "Run /study question edit again in a moment.";
    public static final String FORM_SENDING = "Sending the form...";

    /** How the console asks for one field of the question form. */
    public static String fieldPrompt(dev.studybot.domain.QuestionDraft.Field field, boolean multiLine, String current) {
        String how = multiLine ? "lines, then a line with a single . to end" : "one line";
        String hint = switch (field) {
            case CLAIMS -> "\n  " + CLAIMS_HINT;
            case DETAILS -> "\n  " + DETAILS_HINT;
            default -> "";
        };
        String now = current.isBlank() ? "" : "\n  Now: " + current.strip().replace("\n", "\n       ")
                + "\n  " + (multiLine ? "A single . first keeps it." : "An empty line keeps it.");
        return field(field) + " (" + how + "; /cancel closes the form):" + hint + now;
    }

    /** A form field's label. */
    public static String field(dev.studybot.domain.QuestionDraft.Field field) {
        return switch (field) {
            case QUESTION -> QUESTION_FIELD;
            case ANSWER -> MODEL_ANSWER_FIELD;
            case CLAIMS -> CLAIMS_FIELD;
            case TOPIC -> TOPIC_FIELD;
            case DETAILS -> DETAILS_FIELD;
        };
    }

    /** The question form's title: a new question for a deck, or the id being edited. */
    public static String questionFormTitle(dev.studybot.domain.QuestionDraft draft) {
        return draft.editing().map(id -> QUESTION_FORM_EDIT + " " + id).orElse(QUESTION_FORM_NEW + " · " + draft.deck());
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
