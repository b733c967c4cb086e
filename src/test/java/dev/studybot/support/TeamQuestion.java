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
}
