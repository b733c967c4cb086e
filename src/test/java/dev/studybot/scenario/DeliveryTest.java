package dev.studybot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.app.DailyPosts;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.schedule.SchedulerSettings;
import dev.studybot.support.MutableClock;
import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a platform refuses a post: paused with a reason if it is permanent, tried again if not, never lost silently. */
class DeliveryTest {
    private static final Instant MONDAY_9 = Instant.parse("2026-11-16T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aPermanentRefusalPausesTheScheduleWithTheReasonAndRecordsNothing() {
        MutableClock clock = new MutableClock(MONDAY_9);
        try (TestBot bot = new TestBot(dir, clock)) {
            bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00");
            bot.platform().failWith(new DeliveryException(new DeliveryException.Refusal.MissingPermissions(List.of("Send Messages")), "#study",
                    "Missing Permissions", "missing Send Messages in #study", null));
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), MONDAY_9)).isEqualTo(DailyPosts.Outcome.PAUSED);
            String show = bot.text(bot.say("x", "study", "/study schedule show"));
            // the core puts the platform's typed refusal into words, with where and the platform's own code
            assertThat(show).contains("Paused: studybot lacks the permission Send Messages in #study (Missing Permissions)");
            assertThat(bot.wiring().scheduler().next(TestBot.channel("study"))).isEmpty();
            assertThat(bot.platform().told()).singleElement().satisfies(told -> {
                assertThat(told.userId()).as("the admin who set the schedule").isEqualTo("ada");
                assertThat(told.text()).contains("The daily question in channel study is paused: studybot lacks the permission Send Messages")
                        .contains("/study schedule set again");
            });
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), MONDAY_9.plusSeconds(86400)))
                    .isEqualTo(DailyPosts.Outcome.PAUSED);

            bot.platform().failWith(null);
            bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00");
            assertThat(bot.text(bot.say("x", "study", "/study schedule show"))).doesNotContain("Paused").contains("Next post:");
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), MONDAY_9)).isEqualTo(DailyPosts.Outcome.POSTED);
        }
    }

    @Test
    void aPassingFailureLeavesTheSlotFreeForTheNextAttempt() {
        MutableClock clock = new MutableClock(MONDAY_9);
        try (TestBot bot = new TestBot(dir, clock)) {
            bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00");
            bot.platform().failWith(new DeliveryException(new DeliveryException.Refusal.Unavailable(), "connection reset"));
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), MONDAY_9)).isEqualTo(DailyPosts.Outcome.RETRY_LATER);
            bot.platform().failWith(null);
            clock.advance(Duration.ofMinutes(1));
            assertThat(bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), MONDAY_9)).isEqualTo(DailyPosts.Outcome.POSTED);
            assertThat(bot.platform().dailyPosts()).hasSize(1);
        }
    }

    @Test
    void aPostThePlatformCouldNotTakeWaitsInTheQueueAndGoesOutOnce() {
        UnaryOperator<Wiring.Options> fastRetry = o -> o.withScheduler(new SchedulerSettings(o.scheduler().instanceName(), false,
                Duration.ofMillis(300), o.scheduler().misfireThreshold(), o.scheduler().grace(), o.scheduler().delegateClass()));
        try (TestBot bot = new TestBot(dir.resolve("studybot.db"), TestBot.TEST_BANK, Clock.systemUTC(), fastRetry).start()) {
            bot.platform().failWith(new DeliveryException(new DeliveryException.Refusal.Unavailable(), "gateway reconnecting"));
            bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00 UTC");
            bot.wiring().scheduler().fire(TestBot.channel("study"), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            await().atMost(Duration.ofSeconds(10)).until(() -> bot.platform().refused() >= 1);
            assertThat(bot.platform().dailyPosts()).isEmpty();
            bot.platform().failWith(null);
            await().atMost(Duration.ofSeconds(10)).until(() -> bot.platform().dailyPosts().size() == 1);
        }
    }

    @Test
    void aConfiguredCloseTimeClosesThePostWithResults() {
        MutableClock clock = new MutableClock(MONDAY_9);
        UnaryOperator<Wiring.Options> closeAfter = o -> new Wiring.Options(TestBot.config(Map.of("STUDYBOT_SCHEDULE_CLOSE_AFTER", "8h")),
                o.clock(), o.databasePath(), o.bankPath(), o.scheduler());
        try (TestBot bot = new TestBot(dir.resolve("studybot.db"), TestBot.TEST_BANK, clock, closeAfter)) {
            bot.sayAsAdmin("ada", "study", "/study schedule set daily 09:00");
            bot.wiring().dailyPosts().postScheduled(TestBot.channel("study"), MONDAY_9);
            bot.say("bob", "study", "/study answer something");
            clock.advance(Duration.ofHours(7));
            assertThat(bot.wiring().dailyPosts().closeDue()).isZero();
            clock.advance(Duration.ofHours(2));
            assertThat(bot.wiring().dailyPosts().closeDue()).isEqualTo(1);
            assertThat(bot.platform().results()).hasSize(1);
            assertThat(bot.platform().results().get(0).text()).contains("bob — 1 point (");
        }
    }
}
