package dev.studybot.platform.slack;

import static dev.studybot.platform.slack.SlackTestBot.ADMIN;
import static dev.studybot.platform.slack.SlackTestBot.CHANNEL;
import static dev.studybot.platform.slack.SlackTestBot.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybot.domain.KeyPoint;
import dev.studybot.domain.Question;
import dev.studybot.support.TeamQuestion;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP mode: the JDK server in front of Bolt, with Slack's request verification, against signed requests. */
class SlackHttpModeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    SlackTestBot bot;
    int port;

    @BeforeEach
    void start() throws Exception {
        bot = SlackTestBot.httpMode(dir);
        port = bot.adapter.httpPort();
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    private SlackEmulator.Responded command(SlackEmulator.Member who, String text) throws Exception {
        SlackRequests.Request r = bot.slack.slash(who, CHANNEL, text);
        assertThat(bot.slack.overHttp(port, r).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !bot.emu.responsesTo(r.responseUrl()).isEmpty());
        return bot.emu.responsesTo(r.responseUrl()).get(0);
    }

    @Test
    void signedRequestsAreServed() throws Exception {
        SlackRequests.Request r = bot.slack.slash(MEMBER, CHANNEL, "topics");
        HttpResponse<String> ack = bot.slack.overHttp(port, r);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        await().atMost(WAIT).until(() -> !bot.emu.responsesTo(r.responseUrl()).isEmpty());
        SlackEmulator.Responded topics = bot.emu.responsesTo(r.responseUrl()).get(0);
        assertThat(topics.responseType()).isEqualTo("ephemeral");
        assertThat(topics.allText()).contains("questions in", "topics");
    }

    @Test
    void aBadSignatureOrAStaleTimestampGets401AndChangesNothing() throws Exception {
        SlackRequests.Request forged = bot.slack.slash(MEMBER, CHANNEL, "team create Forgers");
        String body = SlackRequests.formBody(forged);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> bad = bot.slack.overHttp(port, body, "not-the-signing-secret", now, Map.of());
        assertThat(bad.statusCode()).isEqualTo(401);

        SlackRequests.Request replayed = bot.slack.slash(MEMBER, CHANNEL, "team create Replayers");
        HttpResponse<String> stale = bot.slack.overHttp(port, SlackRequests.formBody(replayed), SlackEmulator.SIGNING_SECRET,
                now - Duration.ofMinutes(6).toSeconds(), Map.of());
        assertThat(stale.statusCode()).isEqualTo(401);

        HttpResponse<String> unsigned = bot.slack.overHttp(port, body, SlackEmulator.SIGNING_SECRET, now,
                Map.of("X-Slack-Signature", "v0=00"));
        assertThat(unsigned.statusCode()).isEqualTo(401);

        // a genuine request afterwards is answered, and shows that neither team exists
        assertThat(command(MEMBER, "team list").allText()).contains("No teams yet");
        assertThat(bot.emu.responsesTo(forged.responseUrl())).isEmpty();
        assertThat(bot.emu.responsesTo(replayed.responseUrl())).isEmpty();
        assertThat(bot.emu.calls).doesNotContain("views.open", "chat.postMessage");
    }

    @Test
    void aRetriedRequestIsAcknowledgedAndRecordsNothingTwice() throws Exception {
        command(ADMIN, "post");
        await().atMost(WAIT).until(() -> !bot.emu.postsIn(CHANNEL).isEmpty());
        SlackEmulator.Posted card = bot.emu.postsIn(CHANNEL).get(0);
        Question q = bot.wiring.bank().all().stream().filter(x -> card.text().contains(x.id())).findFirst().orElseThrow();
        List<KeyPoint> points = q.keyPoints();

        SlackRequests.Request good = bot.slack.slash(MEMBER, CHANNEL, "answer " + points.get(0).phrasings().get(0) + " and "
                + points.get(1).phrasings().get(0));
        assertThat(bot.slack.overHttp(port, good).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !bot.emu.responsesTo(good.responseUrl()).isEmpty());
        assertThat(bot.emu.responsesTo(good.responseUrl()).get(0).allText()).contains("You covered *2 of");

        // the member's later answer counts; Slack's late redelivery of the first must not replace it
        assertThat(command(MEMBER, "answer I am not sure").allText()).contains("You covered *0 of");
        HttpResponse<String> retry = bot.slack.overHttpAgain(port, good, 1);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(command(MEMBER, "stats").allText()).contains("1 point ·");

        command(ADMIN, "post");
        await().atMost(WAIT).until(() -> bot.emu.postsIn(CHANNEL).stream().anyMatch(p -> card.ts().equals(p.threadTs())));
        SlackEmulator.Posted results = bot.emu.postsIn(CHANNEL).stream().filter(p -> card.ts().equals(p.threadTs())).findFirst().orElseThrow();
        assertThat(results.allText()).contains("bob — 1 point (0/" + points.size() + " claims)");
        assertThat(bot.emu.responsesTo(good.responseUrl())).hasSize(1);
    }

    @Test
    void aQuestionFormsProblemsAreTheBodyOfTheHttpAck() throws Exception {
        SlackRequests.Request add = bot.slack.slash(ADMIN, CHANNEL, "question add");
        assertThat(bot.slack.overHttp(port, add).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !bot.emu.views.isEmpty());
        Map<String, String> typed = TeamQuestion.fields(SlackRenderer::questionBlock, TeamQuestion.QUESTION,
                TeamQuestion.ANSWER, "Gradients are clipped. | gradient clipping", TeamQuestion.TOPIC,
                "level: basic");
        HttpResponse<String> rejected = bot.slack.overHttp(port, bot.slack.submit(ADMIN, bot.emu.views.get(0), typed));
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(bot.emu.json.readTree(rejected.body()).path("response_action").asText()).isEqualTo("errors");
        assertThat(bot.emu.json.readTree(rejected.body()).path("errors").path("question-claims").asText()).contains("does not occur in the answer");

        typed.put("question-claims", TeamQuestion.CLAIMS);
        HttpResponse<String> stored = bot.slack.overHttp(port, bot.slack.submit(ADMIN, bot.emu.views.get(0), typed));
        assertThat(stored.body()).isEmpty();
        await().atMost(WAIT).until(() -> bot.emu.responsesTo(add.responseUrl()).stream().anyMatch(r -> r.allText().contains("Added the question")));
    }

    @Test
    void buttonsAndTheModalWorkOverHttp() throws Exception {
        command(ADMIN, "post");
        await().atMost(WAIT).until(() -> !bot.emu.postsIn(CHANNEL).isEmpty());
        SlackEmulator.Posted card = bot.emu.postsIn(CHANNEL).get(0);

        SlackRequests.Request click = bot.slack.button(MEMBER, card, SlackRenderer.ANSWER_ACTION);
        assertThat(bot.slack.overHttp(port, click).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !bot.emu.views.isEmpty());
        SlackRequests.Request submit = bot.slack.submit(MEMBER, bot.emu.views.get(0), "something about it");
        HttpResponse<String> closed = bot.slack.overHttp(port, submit);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).isEmpty();
        await().atMost(WAIT).until(() -> !bot.emu.responsesTo(click.responseUrl()).isEmpty());
        assertThat(bot.emu.responsesTo(click.responseUrl()).get(0).allText()).contains("You covered");

        // the same submission again (Slack retrying) is acknowledged and ignored
        assertThat(bot.slack.overHttpAgain(port, submit, 1).statusCode()).isEqualTo(200);
        assertThat(command(MEMBER, "stats").allText()).contains("1 answer ·");
        assertThat(bot.emu.responsesTo(click.responseUrl())).hasSize(1);
    }
}
