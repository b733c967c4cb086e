package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.ops.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discord behind the operations endpoint: ready while the gateway session is up, acknowledgements timed, 429s counted. */
class DiscordOpsTest {
    @TempDir
    Path dir;

    @Test
    void readinessFollowsTheGatewayAndAcknowledgementsAreTimed() throws Exception {
        int port = Http.freePort();
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir, (emu, g) -> { }, g -> Map.of("STUDYBOT_OPS_PORT", String.valueOf(port)), h -> h)) {
            HttpResponse<String> ready = Http.get(port, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("discord: up", "database: up");

            bot.reply(bot.slash(bot.emu.member(bot.guild, "bob"), "topics"));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    Http.get(port, "/metrics").body().matches("(?s).*\nstudybot_command_ack_seconds_count\\{platform=\"discord\"} 1(\\.0)?\n.*"));

            // a 429 on a post is waited out, and counted
            bot.emu.rateLimit("POST", "channels/.*/messages", 0.2, 1);
            bot.reply(bot.slash(bot.emu.moderator(bot.guild, "Mod"), "post"));
            await().atMost(Duration.ofSeconds(10)).until(() -> bot.emu.messages(bot.general).stream().anyMatch(m -> !m.path("components").isEmpty()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Http.get(port, "/metrics").body())
                    .containsPattern("(?m)^studybot_rate_limited_total\\{platform=\"discord\",scope=\"route\"} 1(\\.0)?$"));

            bot.emu.gatewayOutage(true);
            bot.emu.dropGateway();
            await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(port, "/health/ready").statusCode() == 503);
            assertThat(Http.get(port, "/health/ready").body()).contains("discord: down");
            bot.emu.gatewayOutage(false);
            await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(port, "/health/ready").statusCode() == 200);
        }
    }
}
