package dev.studybot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.app.DailyPosts;
import dev.studybot.domain.Reply;
import dev.studybot.schedule.SchedulerSettings;
import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
 * Restarts over the same database file with real Quartz: schedules survive, a slot missed while
 * the bot was down is posted once when it is back (within the grace period), and a slot never
 * gets two posts. The missed slot is set in the past, so nothing waits for the wall clock.
 */
class RestartTest {
    @TempDir
    Path dir;

    private TestBot bot(Duration grace) {
        UnaryOperator<Wiring.Options> fastMisfires = o -> o.withScheduler(new SchedulerSettings(o.scheduler().instanceName(), false,
                o.scheduler().retryDelay(), Duration.ofMillis(200), grace, o.scheduler().delegateClass()));
        return new TestBot(dir.resolve("studybot.db"), TestBot.TEST_BANK, Clock.systemUTC(), fastMisfires);
    }

    /** A daily slot {@code ago} before now, in whole minutes: its schedule and the instant of today's (or yesterday's) post. */
    private record Missed(String when, Instant slot) {
        static Missed ago(Duration ago) {
            ZonedDateTime t = Instant.now().minus(ago).truncatedTo(ChronoUnit.MINUTES).atZone(ZoneOffset.UTC);
            return new Missed(String.format("daily %02d:%02d UTC", t.getHour(), t.getMinute()), t.toInstant());
        }
    }

    /**
     * What a bot that was down at {@code slot} leaves in the database: the channel's trigger still
     * due at that slot. Written into Quartz's own table, so the next start finds it misfired.
     */
    private void downThrough(Instant slot) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("studybot.db"));
             PreparedStatement s = c.prepareStatement("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_GROUP = 'daily-post'")) {
            s.setLong(1, slot.toEpochMilli());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aRestartKeepsTheScheduleAndPostsAMissedSlotOnce() throws Exception {
        Missed missed = Missed.ago(Duration.ofMinutes(3));
        try (TestBot bot = bot(Duration.ofHours(6))) {
            String set = bot.text(bot.sayAsAdmin("ada", "study", "/study schedule set " + missed.when()));
            assertThat(set).contains("Next post:");
            // the bot goes down before the slot, without ever starting its scheduler
        }
        downThrough(missed.slot());

        try (TestBot bot = bot(Duration.ofHours(6))) {
            assertThat(bot.text(bot.say("x", "study", "/study schedule show"))).contains("Daily question");
            bot.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> bot.platform().dailyPosts().size() == 1);
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), missed.slot()))
                    .as("the slot already has its post").isEqualTo(DailyPosts.Outcome.ALREADY_POSTED);
        }

        try (TestBot bot = bot(Duration.ofHours(6))) {
            bot.start();
            Reply.QuestionCard today = (Reply.QuestionCard) bot.say("x", "study", "/study today").reply();
            assertThat(today.postId()).isPresent();
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), missed.slot())).isEqualTo(DailyPosts.Outcome.ALREADY_POSTED);
            assertThat(bot.platform().dailyPosts()).as("no second post after another restart").isEmpty();
        }
    }

    @Test
    void aSlotOlderThanTheGracePeriodIsSkipped() throws Exception {
        Missed missed = Missed.ago(Duration.ofMinutes(10));
        try (TestBot bot = bot(Duration.ofMinutes(2))) {
            bot.sayAsAdmin("ada", "study", "/study schedule set " + missed.when());
        }
        downThrough(missed.slot());
        try (TestBot bot = bot(Duration.ofMinutes(2))) {
            bot.start();
            // the misfire is handled: the trigger moves on to the next day without posting for the old slot
            await().atMost(Duration.ofSeconds(10)).until(() -> bot.wiring().scheduler().next(TestBot.channel("study"))
                    .filter(next -> next.isAfter(Instant.now())).isPresent());
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), missed.slot())).isEqualTo(DailyPosts.Outcome.TOO_LATE);
            assertThat(bot.platform().dailyPosts()).isEmpty();
        }
    }

    @Test
    void aFiredScheduleRunsThePostJobThroughQuartz() {
        try (TestBot bot = bot(Duration.ofHours(6))) {
            bot.start();
            bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00");
            bot.wiring().scheduler().fire(TestBot.channel("study"), Instant.now().truncatedTo(ChronoUnit.SECONDS));
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
