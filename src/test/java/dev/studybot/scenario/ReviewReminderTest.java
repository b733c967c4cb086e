package dev.studybot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.domain.Question;
import dev.studybot.domain.Reply;
import dev.studybot.schedule.ReviewReminderJob;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.MutableClock;
import dev.studybot.support.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review reminder through the production wiring: settings and memory in a real SQLite file,
 * kept across a restart, the reminder job fired through Quartz with the test's clock.
 */
class ReviewReminderTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration STAYS = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void theReminderJobSendsTheDueCountOnceADayAndSurvivesARestart() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
        try (TestBot bot = new TestBot(dir, clock)) {
            bot.start();
            assertThat(bot.sayAsAdmin("ada", "study", "/study post").reply()).isInstanceOf(Reply.Notice.class);
            Question q = ((Reply.QuestionCard) bot.say("alice", "study", "/study today").reply()).question();
            bot.say("alice", "study", "/study answer " + q.keyPoints().get(0).label());
            assertThat(bot.text(bot.say("alice", "study", "/study review remind 08:00 Europe/Berlin"))).contains("Review reminder set");

            bot.restart().start();
            FakePlatform platform = bot.platform();
            clock.set(Instant.parse("2026-11-17T10:00:00Z"));
            bot.wiring().scheduler().fireNow(ReviewReminderJob.NAME);
            await().atMost(WAIT).untilAsserted(() -> assertThat(platform.told()).singleElement().satisfies(t -> {
                assertThat(t.userId()).isEqualTo("alice");
                assertThat(t.reply()).isEqualTo(new Reply.ReviewReminder(1, false));
            }));

            bot.wiring().scheduler().fireNow(ReviewReminderJob.NAME);
            await().during(STAYS).atMost(WAIT).until(() -> platform.told().size() == 1);

            // the review itself, from the same database
            assertThat(bot.say("alice", "study", "/study review").reply()).isInstanceOfSatisfying(Reply.ReviewCard.class,
                    c -> assertThat(c.question().id()).isEqualTo(q.id()));
            Reply.Reviewed reviewed = (Reply.Reviewed) bot.say("alice", "study", "/study review answer " + q.keyPoints().get(0).label()).reply();
            assertThat(reviewed.nextDue()).isAfter(clock.instant());
        }
    }
}
