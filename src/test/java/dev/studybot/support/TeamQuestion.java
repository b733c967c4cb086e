package dev.studybot.support;

/** One question a team writes of its own, as its form's fields, for the tests of own questions on every platform. */
public final class TeamQuestion {
    public static final String QUESTION = "Why do we review model changes before they ship?";
    public static final String ANSWER = "A second engineer catches data leakage and silent metric regressions before users see them.";
    public static final String CLAIMS = "A reviewer catches leaked test data. | data leakage; leaked test data\n"
            + "detail: A review notices a metric that got worse. | silent metric regressions";
    public static final String TOPIC = "Team Practices";
    /** The same question as bank YAML, with the id {@code team-review}, as a deck stores it. */
    public static final String YAML = """
            topic: Team Practices
            questions:
              - id: team-review
                question: Why do we review model changes before they ship?
                level: basic
                answer: |
                  A second engineer catches data leakage and silent metric regressions before users see them.
                rubric:
                  - claim: A reviewer catches leakage of test data into training.
                    weight: core
                    phrasings: [data leakage, leaked test data]
                  - claim: A review notices a metric that got worse without failing anything.
                    weight: detail
                    phrasings: [silent metric regressions, metric regression]
            """;

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
