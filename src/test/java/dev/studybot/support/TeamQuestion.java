package dev.studybot.support;

/** One question a team writes of its own, as its form's fields, for the tests of own questions on every platform. */
public final class TeamQuestion {
    public static final String QUESTION = "Why do we review model changes before they ship?";
    public static final String ANSWER = "A second engineer catches data leakage and silent metric regressions before users see them.";
    public static final String CLAIMS = "A reviewer catches leaked test data. | data leakage; leaked test data\n"
            + "detail: A review notices a metric that got worse. | silent metric regressions";
    public static final String TOPIC = "Team Practices";

    private TeamQuestion() {
    }

    /** A form's five values as a platform sends them back, each under the name {@code key} gives its field. */
    public static java.util.Map<String, String> fields(java.util.function.Function<dev.studybot.domain.QuestionDraft.Field, String> key,
                                                       String question, String answer, String claims, String topic, String details) {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        String[] values = {question, answer, claims, topic, details};
        for (dev.studybot.domain.QuestionDraft.Field field : dev.studybot.domain.QuestionDraft.Field.values()) {
            f.put(key.apply(field), values[field.ordinal()]);
        }
        return f;
    }
}
