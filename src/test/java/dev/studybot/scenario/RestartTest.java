package dev.studybot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.app.DailyPosts;
import dev.studybot.domain.Reply;
import dev.studybot.schedule.SchedulerSettings;
import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts over the same database file with real Quartz on the real clock: schedules survive, a
 * slot missed while the bot was down is posted once when it is back (within the grace period),
 * and a slot never gets two posts.
 */
class RestartTest {
    @TempDir
    Path dir;

    private TestBot bot(Duration grace) {
        UnaryOperator<Wiring.Options> fastMisfires = o -> o.withScheduler(new SchedulerSettings(o.scheduler().instanceName(), false,
                o.scheduler().retryDelay(), Duration.ofMillis(200), grace, o.scheduler().delegateClass()));
        return new TestBot(dir.resolve("studybot.db"), TestBot.TEST_BANK, Clock.systemUTC(), fastMisfires);
    }

    /** A Quartz cron that fires once, at {@code at} (whole seconds, UTC). */
    private static String once(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return t.getSecond() + " " + t.getMinute() + " " + t.getHour() + " " + t.getDayOfMonth() + " " + t.getMonthValue() + " ? " + t.getYear();
    }

    @Test
    void aRestartKeepsTheScheduleAndPostsAMissedSlotOnce() {
        Instant slot = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        try (TestBot bot = bot(Duration.ofHours(6))) {
            String set = bot.text(bot.sayAsAdmin("ada", "study", "/study schedule set " + once(slot) + " UTC"));
            assertThat(set).contains("Next post:");
            // the bot goes down before the slot, without ever starting its scheduler
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(slot.plusMillis(400)));

        try (TestBot bot = bot(Duration.ofHours(6))) {
            assertThat(bot.text(bot.say("x", "study", "/study schedule show"))).contains("Daily question");
            bot.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> bot.platform().dailyPosts().size() == 1);
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), slot))
                    .as("the slot already has its post").isEqualTo(DailyPosts.Outcome.ALREADY_POSTED);
        }

        try (TestBot bot = bot(Duration.ofHours(6))) {
            bot.start();
            Reply.QuestionCard today = (Reply.QuestionCard) bot.say("x", "study", "/study today").reply();
            assertThat(today.postId()).isPresent();
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), slot)).isEqualTo(DailyPosts.Outcome.ALREADY_POSTED);
            assertThat(bot.platform().dailyPosts()).as("no second post after another restart").isEmpty();
        }
    }

    @Test
    void aSlotOlderThanTheGracePeriodIsSkipped() {
        Instant slot = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        try (TestBot bot = bot(Duration.ofMillis(500))) {
            bot.sayAsAdmin("ada", "study", "/study schedule set " + once(slot) + " UTC");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(slot.plusSeconds(1)));
        try (TestBot bot = bot(Duration.ofMillis(500))) {
            bot.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> bot.wiring().scheduler().next(TestBot.channel("study")).isEmpty());
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), slot)).isEqualTo(DailyPosts.Outcome.TOO_LATE);
            assertThat(bot.platform().dailyPosts()).isEmpty();
        }
    }

    @Test
    void aScheduledTriggerFiresWhileRunning() {
        Instant slot = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        try (TestBot bot = bot(Duration.ofHours(6))) {
            bot.start();
            bot.sayAsAdmin("ada", "study", "/study schedule set " + once(slot) + " UTC");
            await().atMost(Duration.ofSeconds(15)).until(() -> bot.platform().dailyPosts().size() == 1);
            assertThat(bot.platform().sent().get(0).channel()).isEqualTo(TestBot.channel("study"));
        }
    }

    @Test
    void concurrentAttemptsAtOneSlotMakeOnePost() throws Exception {
        try (TestBot bot = bot(Duration.ofHours(6))) {
            bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00");
            Instant slot = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<DailyPosts.Outcome>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    attempts.add(() -> bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), slot));
                }
                List<DailyPosts.Outcome> outcomes = new ArrayList<>();
                for (Future<DailyPosts.Outcome> f : pool.invokeAll(attempts)) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).filteredOn(o -> o == DailyPosts.Outcome.POSTED).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o == DailyPosts.Outcome.ALREADY_POSTED).hasSize(7);
                assertThat(bot.platform().dailyPosts()).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
