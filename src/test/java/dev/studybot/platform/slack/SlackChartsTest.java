package dev.studybot.platform.slack;

import static dev.studybot.platform.slack.SlackTestBot.ADMIN;
import static dev.studybot.platform.slack.SlackTestBot.CHANNEL;
import static dev.studybot.platform.slack.SlackTestBot.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts reach Slack through the real Bolt client's filesUploadV2 (files.getUploadURLExternal, the
 * bytes, files.completeUploadExternal) with alt text: shared where the reply is public, shown from an
 * unshared file in an image block where it is ephemeral, and never at the cost of the text.
 */
class SlackChartsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    SlackTestBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = SlackTestBot.socketMode(dir);
        await().atMost(WAIT).until(bot.emu.socket::connected);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
    }

    private SlackEmulator.Responded command(SlackEmulator.Member who, String text) throws Exception {
        return bot.command(who, text);
    }

    private void postAndAnswer() throws Exception {
        command(ADMIN, "post");
        await().atMost(WAIT).until(() -> !cards().isEmpty());
        command(MEMBER, "answer it randomly zeroes activations so units cannot co-adapt");
    }

    private List<SlackEmulator.Posted> cards() {
        return bot.emu.postsIn(CHANNEL).stream().filter(p -> p.threadTs() == null && p.allText().contains("Answer")).toList();
    }

    @Test
    void theStatsChartIsAnUnsharedUploadShownInTheEphemeralReply() throws Exception {
        postAndAnswer();
        SlackEmulator.Responded stats = command(MEMBER, "stats");

        assertThat(stats.body().path("response_type").asText()).isEqualTo("ephemeral");
        JsonNode blocks = stats.body().path("blocks");
        JsonNode image = blocks.get(blocks.size() - 1);
        assertThat(image.path("type").asText()).isEqualTo("image");
        assertThat(image.path("alt_text").asText()).startsWith("bob's progress, 1 week from ");
        String fileId = image.path("slack_file").path("id").asText();
        SlackEmulator.Shared file = bot.emu.files.stream().filter(f -> f.id().equals(fileId)).findFirst().orElseThrow();
        assertThat(file.channel()).as("never shared in the channel").isNull();
        assertThat(file.altTxt()).isEqualTo(image.path("alt_text").asText());
        assertPng(file.bytes());
    }

    @Test
    void aPublicChartIsSharedInTheChannelAndTheResultsChartInThePostsThread() throws Exception {
        postAndAnswer();
        SlackEmulator.Responded board = command(MEMBER, "leaderboard all chart");
        assertThat(board.body().path("response_type").asText()).isEqualTo("in_channel");
        await().atMost(WAIT).until(() -> bot.emu.files.stream().anyMatch(f -> CHANNEL.equals(f.channel())));
        SlackEmulator.Shared shared = bot.emu.files.stream().filter(f -> CHANNEL.equals(f.channel())).findFirst().orElseThrow();
        assertThat(shared.threadTs()).isNull();
        assertThat(shared.altTxt()).startsWith("Leaderboard, all time: bob ");
        assertThat(shared.title()).isEqualTo("Leaderboard, all time");
        assertThat(shared.filename()).isEqualTo("leaderboard-all.png");
        assertPng(shared.bytes());

        String firstTs = cards().get(0).ts();
        command(ADMIN, "post");
        await().atMost(WAIT).until(() -> bot.emu.files.stream().anyMatch(f -> firstTs.equals(f.threadTs())));
        SlackEmulator.Shared results = bot.emu.files.stream().filter(f -> firstTs.equals(f.threadTs())).findFirst().orElseThrow();
        assertThat(results.channel()).isEqualTo(CHANNEL);
        assertThat(results.altTxt()).startsWith("Leaderboard, week of ").contains(": bob ");
        assertThat(bot.emu.postsIn(CHANNEL)).anySatisfy(p -> {
            assertThat(p.threadTs()).isEqualTo(firstTs);
            assertThat(p.allText()).contains("Closed:");
        });
        assertPng(results.bytes());
    }

    @Test
    void anEphemeralReplyWhoseImageSlackRefusesGoesAgainAsText() throws Exception {
        postAndAnswer();
        bot.emu.filesStillProcessing = true;
        SlackEmulator.Responded stats = command(MEMBER, "stats");
        assertThat(stats.body().path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(stats.allText()).contains("Stats for bob");
        assertThat(stats.body().path("blocks").findValues("type")).noneMatch(t -> t.asText().equals("image"));
        assertThat(bot.emu.ephemerals).as("the text went once, through the response_url").isEmpty();
    }

    @Test
    void withoutTheFilesWriteScopeEveryReplyStillArrivesAsText() throws Exception {
        bot.emu.filesWrite = false;
        postAndAnswer();

        SlackEmulator.Responded stats = command(MEMBER, "stats");
        assertThat(stats.allText()).contains("Stats for bob");
        assertThat(stats.body().path("blocks").findValues("type")).noneMatch(t -> t.asText().equals("image"));

        assertThat(command(MEMBER, "leaderboard all chart").allText()).contains("Leaderboard — all time", "bob");
        String firstTs = cards().get(0).ts();
        command(ADMIN, "post");
        await().atMost(WAIT).until(() -> bot.emu.postsIn(CHANNEL).stream()
                .anyMatch(p -> firstTs.equals(p.threadTs()) && p.allText().contains("Closed:")));
        assertThat(bot.emu.files).isEmpty();
        assertThat(bot.emu.calls).contains("files.getUploadURLExternal").doesNotContain("files.completeUploadExternal");
    }

    private static void assertPng(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(600);
        assertThat(image.getHeight()).isGreaterThan(150);
    }
}
