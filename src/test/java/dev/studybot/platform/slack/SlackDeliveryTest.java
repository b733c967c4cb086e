package dev.studybot.platform.slack;

import static dev.studybot.platform.slack.SlackTestBot.ADMIN;
import static dev.studybot.platform.slack.SlackTestBot.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.studybot.app.DailyPosts;
import dev.studybot.domain.Reply;
import dev.studybot.port.out.DeliveryException;
import dev.studybot.port.out.PostedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How Slack's refusals reach the core: permanent ones pause the schedule, outages and rate limits do not. */
class SlackDeliveryTest {
    @TempDir
    static Path dir;
    static SlackTestBot bot;

    @BeforeAll
    static void start() throws Exception {
        bot = SlackTestBot.socketMode(dir);
        await().atMost(Duration.ofSeconds(10)).until(bot.emu.socket::connected);
    }

    @AfterAll
    static void stop() throws Exception {
        bot.close();
    }

    private static Reply notice() {
        return new Reply.Notice("hello");
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel_not_found", "not_in_channel", "is_archived", "missing_scope", "token_revoked"})
    void errorsOnlyAPersonCanFixArePermanent(String code) {
        String channel = "C0" + code.toUpperCase().replace("_", "");
        bot.emu.channelErrors.put(channel, code);
        assertThatThrownBy(() -> bot.adapter.post(bot.channel(channel), Optional.empty(), notice()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains(code);
                });
    }

    @Test
    void anOutageOrAnUnknownErrorIsWorthAnotherTry() {
        bot.emu.channelErrors.put("C0FLAKY", "internal_error");
        assertThatThrownBy(() -> bot.adapter.post(bot.channel("C0FLAKY"), Optional.empty(), notice()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
        bot.emu.apiOutage(true);
        try {
            assertThatThrownBy(() -> bot.adapter.post(bot.channel(), Optional.empty(), notice()))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
        } finally {
            bot.emu.apiOutage(false);
        }
    }

    @Test
    void aRateLimitIsWaitedOutOnce() throws Exception {
        bot.emu.rateLimited.put("chat.postMessage", 1);
        PostedMessage posted = bot.adapter.post(bot.channel("C0LIMITED"), Optional.empty(), notice());
        assertThat(posted.messageRef()).isNotBlank();
        assertThat(bot.emu.postsIn("C0LIMITED")).hasSize(1);
    }

    @Test
    void aDeletedChannelPausesItsScheduleWithTheReason() throws Exception {
        String channel = "C0GONE";
        SlackRequests.Request set = bot.slack.slash(ADMIN, channel, "schedule set daily 09:00");
        bot.slack.overSocket(set).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> !bot.emu.responsesTo(set.responseUrl()).isEmpty());
        bot.emu.channelErrors.put(channel, "channel_not_found");

        DailyPosts.Outcome outcome = bot.wiring.dailyPosts().postScheduled(bot.channel(channel),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        assertThat(outcome).isEqualTo(DailyPosts.Outcome.PAUSED);
        assertThat(bot.wiring.scheduler().next(bot.channel(channel))).isEmpty();

        SlackRequests.Request show = bot.slack.slash(ADMIN, channel, "schedule show");
        bot.slack.overSocket(show).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> !bot.emu.responsesTo(show.responseUrl()).isEmpty());
        assertThat(bot.emu.responsesTo(show.responseUrl()).get(0).allText()).contains("Paused", "channel_not_found");
        assertThat(bot.emu.postsIn(CHANNEL)).isEmpty();
        // the admin who set the schedule is told directly
        assertThat(bot.emu.postsIn(ADMIN.id())).singleElement()
                .satisfies(dm -> assertThat(dm.allText()).contains("paused", "channel_not_found", channel));
    }
}
