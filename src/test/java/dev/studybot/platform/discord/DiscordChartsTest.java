package dev.studybot.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybot.platform.discord.emulator.DiscordEmulator;
import dev.studybot.platform.discord.emulator.EmuUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts reach Discord as attachments (multipart uploads) with their alt text as the description, and never cost the text. */
class DiscordChartsTest {
    @TempDir
    Path dir;

    @Test
    void aLeaderboardChartAndTheStatsChartAreAttachedWithAltText() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            DiscordDailyPostTest.postNow(bot);
            bot.reply(bot.slash(ada, "answer", Map.of("text", "inverted dropout randomly zeroes activations, an ensemble of thinned networks")));

            DiscordBotFixture.Reply board = bot.reply(bot.slash(ada, "leaderboard", Map.of("period", "all", "chart", true)));
            assertThat(board.ephemeral()).isFalse();
            assertThat(board.text()).contains("Leaderboard — all time", "Ada");
            JsonNode chart = board.message().path("attachments").get(0);
            assertThat(chart.path("filename").asText()).isEqualTo("leaderboard-all.png");
            assertThat(chart.path("description").asText()).startsWith("Leaderboard, all time: Ada ");
            assertPng(bot.emu, chart);

            DiscordBotFixture.Reply stats = bot.reply(bot.slash(ada, "stats"));
            assertThat(stats.ephemeral()).isTrue();
            JsonNode progress = stats.message().path("attachments").get(0);
            assertThat(progress.path("description").asText()).startsWith("Ada's progress, 1 week from ");
            assertPng(bot.emu, progress);

            assertThat(bot.reply(bot.slash(ada, "leaderboard")).message().path("attachments")).as("no chart unless asked").isEmpty();
        }
    }

    @Test
    void theResultsInTheThreadCarryTheWeeksChart() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            ObjectNode first = DiscordDailyPostTest.postNow(bot);
            bot.reply(bot.slash(ada, "answer", Map.of("text", "it randomly zeroes activations so units cannot co-adapt")));
            DiscordDailyPostTest.postNow(bot);

            String thread = bot.emu.thread(first.path("id").asText()).orElseThrow().path("id").asText();
            await().atMost(DiscordBotFixture.WAIT).until(() -> bot.emu.messages(thread).stream()
                    .anyMatch(m -> DiscordBotFixture.text(m).contains("Closed:")));
            ObjectNode results = bot.emu.messages(thread).stream().filter(m -> DiscordBotFixture.text(m).contains("Closed:")).findFirst().orElseThrow();
            JsonNode chart = results.path("attachments").get(0);
            assertThat(chart.path("description").asText()).startsWith("Leaderboard, week of ").contains(": Ada ");
            assertPng(bot.emu, chart);
        }
    }

    @Test
    void whereTheBotMayNotAttachFilesTheResultsGoWithoutTheChart() throws Exception {
        String[] plain = new String[1];
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir,
                (emu, g) -> plain[0] = emu.addChannel(g, "no-files", DiscordEmulator.ATTACH_FILES), g -> Map.of(), h -> h)) {
            EmuUser mod = bot.emu.moderator(bot.guild, "Mod");
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            bot.reply(bot.emu.slash(mod, bot.guild, plain[0], "post", Map.of()));
            bot.reply(bot.emu.slash(ada, bot.guild, plain[0], "answer", Map.of("text", "it randomly zeroes activations")));
            bot.reply(bot.emu.slash(mod, bot.guild, plain[0], "post", Map.of()));

            await().atMost(DiscordBotFixture.WAIT).until(() -> bot.emu.guildMessages().stream()
                    .anyMatch(m -> DiscordBotFixture.text(m).contains("Closed:")));
            List<ObjectNode> closed = bot.emu.guildMessages().stream().filter(m -> DiscordBotFixture.text(m).contains("Closed:")).toList();
            assertThat(closed).singleElement().satisfies(m -> assertThat(m.path("attachments")).isEmpty());
            assertThat(bot.emu.requests()).noneMatch(r -> r.method().equals("POST") && r.path().endsWith("/messages")
                    && r.body().has("attachments") && r.body().path("attachments").size() > 0);
        }
    }

    @Test
    void aPostByRestWhereTheBotMayNotAttachFilesGoesWithoutTheChart() throws Exception {
        String[] plain = new String[1];
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir,
                (emu, g) -> plain[0] = emu.addChannel(g, "no-files", DiscordEmulator.ATTACH_FILES), g -> Map.of(), h -> h)) {
            // a node that does not hold the server's shard posts by REST, where no cache says what the bot may do
            DiscordRest rest = new DiscordRest(new DiscordSettings("test-token", bot.emu.restUrl(), bot.emu.gatewayUrl(), List.of(), 500, 1, 50),
                    new GlobalPace(50, () -> 1));
            dev.studybot.domain.Question question = bot.wiring.bank().all().get(0);
            dev.studybot.domain.Picture chart = new dev.studybot.domain.Picture(new byte[] {1, 2, 3}, "Results: nobody answered", "results.png");
            rest.post(bot.channel(plain[0]).withAddress(java.util.Optional.empty()), java.util.Optional.empty(),
                    new dev.studybot.domain.Reply.Results(question, List.of(), java.util.Optional.of(chart)));

            List<ObjectNode> posted = bot.emu.guildMessages().stream().filter(m -> m.path("channel_id").asText().equals(plain[0])).toList();
            assertThat(posted).as("the text went, alone").singleElement().satisfies(m -> assertThat(m.path("attachments")).isEmpty());
        }
    }

    @Test
    void aReplyWhoseChartIsRefusedIsSentAgainWithoutIt() throws Exception {
        try (DiscordBotFixture bot = DiscordBotFixture.start(dir)) {
            EmuUser ada = bot.emu.member(bot.guild, "Ada");
            DiscordDailyPostTest.postNow(bot);
            bot.reply(bot.slash(ada, "answer", Map.of("text", "it randomly zeroes activations")));
            bot.emu.fail("PATCH", "messages/@original$", 403, 50013, "Missing Permissions", 1);

            DiscordBotFixture.Reply board = bot.reply(bot.slash(ada, "leaderboard", Map.of("period", "all", "chart", true)));
            assertThat(board.text()).contains("Leaderboard — all time", "Ada");
            assertThat(board.message().path("attachments")).isEmpty();
        }
    }

    private static void assertPng(DiscordEmulator emu, JsonNode attachment) throws IOException {
        byte[] png = emu.attachment(attachment.path("id").asText()).orElseThrow();
        assertThat(attachment.path("size").asInt()).isEqualTo(png.length);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(600);
        assertThat(image.getHeight()).isGreaterThan(150);
    }
}
