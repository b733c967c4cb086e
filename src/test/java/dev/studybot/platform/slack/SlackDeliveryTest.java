package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.studybot.domain.Reply;
import dev.studybot.port.out.DeliveryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the adapter tells Slack's refusals apart: errors only a person can fix are permanent, outages
 * and unknown errors are worth another try. How they reach the schedule is in {@link SlackContractTest}.
 */
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
    void postsToOneChannelKeepToSlacksPaceOfAboutOneASecond() throws Exception {
        bot.emu.channelLimits(true);
        try {
            int before = bot.emu.postsIn("C0BUSY").size();
            for (int i = 0; i < 5; i++) {
                bot.adapter.post(bot.channel("C0BUSY"), Optional.empty(), notice());
            }
            assertThat(bot.emu.postsIn("C0BUSY")).hasSize(before + 5);
            assertThat(bot.emu.channelLimited.get()).as("429s from the per-channel limit").isZero();
            assertThat(bot.emu.postAttempts.stream().filter("C0BUSY"::equals).count()).as("no attempt refused").isEqualTo(before + 5);
        } finally {
            bot.emu.channelLimits(false);
        }
    }
}
