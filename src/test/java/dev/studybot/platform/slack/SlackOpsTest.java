package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.ops.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack behind the operations endpoint: ready while Socket Mode is connected, acknowledgements timed in both modes, 429s counted. */
class SlackOpsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void socketModeIsReadyWhileConnectedAndItsAcksAreTimed() throws Exception {
        int port = Http.freePort();
        try (SlackTestBot bot = SlackTestBot.start(dir, true, Map.of("STUDYBOT_OPS_PORT", String.valueOf(port)))) {
            await().atMost(WAIT).until(bot.emu.socket::connected);
            HttpResponse<String> ready = Http.get(port, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("slack: up");
            bot.slack.overSocket(bot.slack.slash(SlackTestBot.MEMBER, SlackTestBot.CHANNEL, "topics")).get(5, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> Http.get(port, "/metrics").body()
                    .matches("(?s).*\nstudybot_command_ack_seconds_count\\{platform=\"slack\"} 1(\\.0)?\n.*"));

            // a 429 on a post is waited out, and counted
            bot.emu.rateLimited.put("chat.postMessage", 1);
            bot.wiring.dailyPosts().postNow(bot.channel());
            await().atMost(WAIT).untilAsserted(() -> assertThat(Http.get(port, "/metrics").body())
                    .containsPattern("(?m)^studybot_rate_limited_total\\{platform=\"slack\",scope=\"route\"} 1(\\.0)?$"));
        }
    }

    @Test
    void httpModeTimesTheAcknowledgementItAnswers() throws Exception {
        int port = Http.freePort();
        try (SlackTestBot bot = SlackTestBot.start(dir, false, Map.of("STUDYBOT_OPS_PORT", String.valueOf(port)))) {
            assertThat(Http.get(port, "/health/ready").body()).contains("slack: up");
            assertThat(bot.slack.overHttp(bot.adapter.httpPort(), bot.slack.slash(SlackTestBot.MEMBER, SlackTestBot.CHANNEL, "topics"))
                    .statusCode()).isEqualTo(200);
            // the ack is timed once the response has left, so it may land just after the reply arrives
            await().atMost(WAIT).untilAsserted(() -> assertThat(Http.get(port, "/metrics").body())
                    .containsPattern("(?m)^studybot_command_ack_seconds_count\\{platform=\"slack\"} 1(\\.0)?$"));
        }
    }
}
