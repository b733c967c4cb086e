package dev.studybot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybot.domain.Actor;
import dev.studybot.domain.Reply;
import dev.studybot.port.out.Telemetry;
import dev.studybot.support.FakePlatform;
import dev.studybot.support.TestBot;
import dev.studybot.wiring.Wiring;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations endpoint over the production wiring on a SQLite file: health, readiness and the metrics the core reports. */
class OpsEndpointTest {
    @TempDir
    Path dir;

    private Wiring wiring(int port) {
        Wiring.Options options = Wiring.Options.of(TestBot.config(Map.of("STUDYBOT_OPS_PORT", String.valueOf(port))), Clock.systemUTC())
                .withPaths(dir.resolve("studybot.db"), TestBot.TEST_BANK);
        return new Wiring(options);
    }

    @Test
    void liveAtOnceReadyOnceStartedAndTheCoreCountsAnswersAndGradingTime() {
        try (Wiring wiring = wiring(Http.freePort())) {
            int port = wiring.opsPort().orElseThrow();
            FakePlatform platform = new FakePlatform(TestBot.PLATFORM);
            wiring.register(platform);
            assertThat(Http.get(port, "/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> early = Http.get(port, "/health/ready");
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.body()).startsWith("not ready\n").contains("started: down", "database: up");

            wiring.start();
            HttpResponse<String> ready = Http.get(port, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("ready\nstarted: up\ndatabase: up\n");

            Actor admin = new Actor("ada", "ada", true, java.util.Set.of());
            wiring.bot().handleText(TestBot.channel("c"), admin, "/study post");
            assertThat(platform.dailyPosts()).hasSize(1);
            Reply graded = wiring.bot().handleText(TestBot.channel("c"), Actor.member("bob", "bob"), "/study answer it regularizes").reply();
            assertThat(graded).isInstanceOf(Reply.Graded.class);

            HttpResponse<String> metrics = Http.get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.body()).containsPattern("(?m)^studybot_answers_recorded_total\\{kind=\"counted\"} 1(\\.0)?$")
                    .containsPattern("(?m)^studybot_answers_recorded_total\\{kind=\"practice\"} 0(\\.0)?$")
                    .containsPattern("(?m)^studybot_grading_seconds_count 1(\\.0)?$")
                    .contains("studybot_grading_seconds_bucket", "jvm_memory_used_bytes", "process_uptime_seconds");

            assertThat(Http.get(port, "/elsewhere").statusCode()).isEqualTo(404);
            assertThat(Http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(405);
        }
    }

    @Test
    void theLeadsGaugesAndCountersShowUnderTheirNames() {
        MicrometerTelemetry telemetry = new MicrometerTelemetry();
        telemetry.gauge("posts.queued", () -> 42);
        telemetry.gauge("broken", () -> {
            throw new IllegalStateException("no");
        });
        telemetry.postSent("discord");
        telemetry.postRefused("slack", "MISSING_ACCESS");
        telemetry.postRetried("discord");
        telemetry.rateLimited("discord", true);
        telemetry.acknowledged("slack", java.time.Duration.ofMillis(12));
        assertThat(telemetry.scrape())
                .containsPattern("(?m)^studybot_posts_queued 42(\\.0)?$")
                .containsPattern("(?m)^studybot_broken NaN$")
                .containsPattern("(?m)^studybot_posts_sent_total\\{platform=\"discord\"} 1(\\.0)?$")
                .containsPattern("(?m)^studybot_posts_refused_total\\{platform=\"slack\",reason=\"missing_access\"} 1(\\.0)?$")
                .containsPattern("(?m)^studybot_posts_retried_total\\{platform=\"discord\"} 1(\\.0)?$")
                .containsPattern("(?m)^studybot_rate_limited_total\\{platform=\"discord\",scope=\"global\"} 1(\\.0)?$")
                .containsPattern("(?m)^studybot_command_ack_seconds_count\\{platform=\"slack\"} 1(\\.0)?$");
    }

    @Test
    void portZeroMeansNoEndpointAndNothingCounted() {
        try (Wiring wiring = wiring(0)) {
            assertThat(wiring.opsPort()).isEmpty();
            assertThat(wiring.telemetry()).isSameAs(Telemetry.NONE);
        }
    }

    @Test
    void aPortInUseStopsTheStartWithTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> wiring(taken.getLocalPort()))
                    .hasMessage("ops.port: port " + taken.getLocalPort() + " is in use");
        }
    }
}
